import type { ReactNode } from 'react';

// The young people's answer pictures, drawn here rather than left to an emoji font (a device
// without one shows empty boxes). Line drawings in currentColor, so they follow the text colour
// in high contrast and forced colours; decorative (aria-hidden), as the words are always beside
// them; none says anything by the way it faces, so right-to-left pages need no mirror.

const PICTURES = {
  tree: (
    <>
      <path d="M12 21v-6" />
      <path d="M12 15c-4.5 0-7-2.4-7-5.5 0-2.2 1.5-3.9 3.4-4.4C9 3.3 10.4 2.5 12 2.5s3 .8 3.6 2.6c1.9.5 3.4 2.2 3.4 4.4 0 3.1-2.5 5.5-7 5.5z" />
      <path d="M8 21h8" />
    </>
  ),
  party: (
    <>
      <path d="M4 20l4.5-12L16 15.5z" />
      <path d="M14 4v2M18 7l-1.5 1.5M20 12h-2M11 3.5l.5 1.5M19.5 3.5l-.5 1" />
    </>
  ),
  school: (
    <>
      <path d="M3 21h18M5 21V10l7-5 7 5v11" />
      <path d="M10 21v-5h4v5" />
      <circle cx="12" cy="10.5" r="1.8" />
    </>
  ),
  people: (
    <>
      <circle cx="8" cy="7" r="2.8" />
      <circle cx="16" cy="7" r="2.8" />
      <path d="M3 20v-2.5C3 14.5 5.2 12.5 8 12.5s5 2 5 5V20M11 20v-2.5c0-3 2.2-5 5-5s5 2 5 5V20" />
    </>
  ),
  home: (
    <>
      <path d="M3 11l9-7.5 9 7.5" />
      <path d="M5.5 9.5V20.5h13V9.5" />
      <path d="M10 20.5v-6h4v6" />
    </>
  ),
  shop: (
    <>
      <path d="M5 8h14l-1 13H6z" />
      <path d="M9 10V6.5a3 3 0 0 1 6 0V10" />
    </>
  ),
  planet: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M4 9.5c2.5.5 3.5 2 5 2.5s1.5 2.5.5 4-1 3-.5 4.5M20.5 10c-2 0-3.5-1.5-5-1.5s-2-2.5-1-4.5" />
    </>
  ),
  safe_street: (
    <>
      <path d="M12 2.5l8 3v6c0 5-3.5 8.5-8 10-4.5-1.5-8-5-8-10v-6z" />
      <path d="M8.5 12l2.5 2.5 4.5-5" />
    </>
  ),
  doctor: (
    <>
      <path d="M6 3v6a4 4 0 0 0 8 0V3" />
      <path d="M10 13v2.5a4.5 4.5 0 0 0 9 0V13" />
      <circle cx="19" cy="11" r="2" />
    </>
  ),
  work: (
    <>
      <rect x="3" y="7.5" width="18" height="12.5" rx="1.5" />
      <path d="M9 7.5V5.5a1.5 1.5 0 0 1 1.5-1.5h3A1.5 1.5 0 0 1 15 5.5v2M3 13h18" />
    </>
  ),
  talk: (
    <>
      <path d="M4 5h16v11H10l-4.5 4v-4H4z" />
      <path d="M8 9.5h8M8 12.5h5" />
    </>
  ),
  bus: (
    <>
      <rect x="5" y="3" width="14" height="15" rx="2" />
      <path d="M5 11h14M8 15h.01M16 15h.01M7.5 18v2.5M16.5 18v2.5" />
    </>
  ),
  big_wheel: (
    <>
      <circle cx="12" cy="10" r="7" />
      <circle cx="12" cy="10" r="1.2" />
      <path d="M12 3v14M5 10h14M7 5l10 10M17 5L7 15M8 21l4-11 4 11M6.5 21h11" />
    </>
  ),
  heart: <path d="M12 20.5s-8-4.8-8-11A4.5 4.5 0 0 1 12 7a4.5 4.5 0 0 1 8 2.5c0 6.2-8 11-8 11z" />,
  teddy: (
    <>
      <circle cx="7" cy="5.5" r="2" />
      <circle cx="17" cy="5.5" r="2" />
      <circle cx="12" cy="9" r="4.5" />
      <path d="M8.5 12.5C6.5 14 6 16 6 18a3 3 0 0 0 3 3h6a3 3 0 0 0 3-3c0-2-.5-4-2.5-5.5" />
      <path d="M11 9.5h2" />
    </>
  ),
  fair: (
    <>
      <path d="M12 3v18M7 21h10M4 7h16" />
      <path d="M4 7l-2.5 6a2.5 2.5 0 0 0 5 0zM20 7l-2.5 6a2.5 2.5 0 0 0 5 0z" />
    </>
  ),
  books: (
    <>
      <path d="M4 4.5h5v15H4zM9.5 4.5h5v15h-5z" />
      <path d="M15.5 5.5l4.5-1 2.5 14-4.5 1z" />
    </>
  ),
  arts: (
    <>
      <path d="M12 3a9 9 0 0 0 0 18c1.2 0 1.8-.8 1.8-1.7 0-1.3-1.3-1.6-1.3-2.8 0-1 .8-1.5 1.8-1.5H17a4 4 0 0 0 4-4C21 6.5 17 3 12 3z" />
      <circle cx="7.5" cy="11" r="1.2" />
      <circle cx="10" cy="7" r="1.2" />
      <circle cx="15" cy="7.5" r="1.2" />
    </>
  ),
  // For yes and no: a tick and a cross.
  tick: <path d="M4.5 12.5l5 5L19.5 6.5" />,
  cross: <path d="M6 6l12 12M18 6L6 18" />,
} satisfies Record<string, ReactNode>;

export type PictureName = keyof typeof PICTURES;
export const PICTURE_NAMES = Object.keys(PICTURES) as PictureName[];

/** Emoji chosen before the pictures were drawn, and what they show now. */
const FROM_EMOJI: Record<string, PictureName> = {
  '🌳': 'tree',
  '🌲': 'tree',
  '🎉': 'party',
  '🏫': 'school',
  '🤝': 'people',
  '🏡': 'home',
  '🏠': 'home',
  '🛍': 'shop',
  '🌍': 'planet',
  '🌎': 'planet',
  '🌏': 'planet',
  '🚸': 'safe_street',
  '🩺': 'doctor',
  '💼': 'work',
  '💬': 'talk',
  '🚌': 'bus',
  '🎡': 'big_wheel',
  '💚': 'heart',
  '❤': 'heart',
  '🧸': 'teddy',
  '⚖': 'fair',
  '📚': 'books',
  '🎨': 'arts',
  '✅': 'tick',
  '✔': 'tick',
  '❌': 'cross',
  '✖': 'cross',
};

const isPictureName = (value: string): value is PictureName => value in PICTURES;

/**
 * What a stored picture shows: one of ours by name (or by the emoji it replaces), an image file
 * under /pictures/, or nothing (an unknown emoji is left out rather than drawn as a box).
 */
export function pictureOf(value: string | null | undefined): { kind: 'drawn'; name: PictureName } | { kind: 'file'; src: string } | null {
  const v = value?.trim().replace(/\uFE0F/g, '') ?? '';
  if (isPictureName(v)) return { kind: 'drawn', name: v };
  if (FROM_EMOJI[v]) return { kind: 'drawn', name: FROM_EMOJI[v] };
  if (/^\/pictures\/[\w-]+\.(svg|png)$/.test(v)) return { kind: 'file', src: v };
  return null;
}

/** A young people's answer picture, beside its words. */
export function YouthPicture({ value }: { value: string | null | undefined }) {
  const picture = pictureOf(value);
  if (!picture) return null;
  if (picture.kind === 'file') return <img className="youth-choice__picture" src={picture.src} alt="" width={40} height={40} />;
  return (
    <svg
      className="youth-choice__picture"
      viewBox="0 0 24 24"
      width="40"
      height="40"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-picture={picture.name}
    >
      {PICTURES[picture.name]}
    </svg>
  );
}
