// Five faces from very sad to very happy; always drawn beside a text label, never alone.
const MOUTHS: Record<string, string> = {
  strongly_disagree: 'M11 25 Q18 18 25 25',
  disagree: 'M12 24 Q18 21 24 24',
  neither: 'M12 23 L24 23',
  agree: 'M12 21 Q18 25 24 21',
  strongly_agree: 'M10 20 Q18 29 26 20',
};

export function Face({ mood }: { mood: string }) {
  return (
    <svg className={`face face--${mood}`} viewBox="0 0 36 36" width="48" height="48" aria-hidden="true" focusable="false">
      <circle cx="18" cy="18" r="16" fill="currentColor" opacity="0.18" />
      <circle cx="18" cy="18" r="16" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="12.5" cy="14" r="2" fill="currentColor" />
      <circle cx="23.5" cy="14" r="2" fill="currentColor" />
      <path d={MOUTHS[mood] ?? MOUTHS.neither} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}

/** The order faces are shown in: from very sad to very happy. */
export const FACE_ORDER = ['strongly_disagree', 'disagree', 'neither', 'agree', 'strongly_agree'] as const;
