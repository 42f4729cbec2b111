import { useTranslation } from 'react-i18next';
import { formatDateTime } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';

export interface ShownCoding {
  coderName: string;
  codedAt: string;
  themeIds: number[];
  /** The most recent coding of the answer: the one the summaries count. */
  counts: boolean;
}

/** Who coded an answer, when, and with which themes; most recent first. */
export function CodingHistory({ codings, themeNames, compact = false }: { codings: ShownCoding[]; themeNames: Record<number, string>; compact?: boolean }) {
  const { t } = useTranslation('coding');
  const locale = usePageLocale();
  if (codings.length === 0) return <p className="coding-history coding-history--none">{t('history.none')}</p>;
  const themesOf = (ids: number[]) => (ids.length ? ids.map((id) => themeNames[id] ?? '?').join(', ') : t('history.noTheme'));
  return (
    <ul className={`coding-history${compact ? ' coding-history--compact' : ''}`}>
      {codings.map((c) => (
        <li key={`${c.coderName}-${c.codedAt}`}>
          {t('history.entry', { who: c.coderName, when: formatDateTime(c.codedAt, locale), themes: themesOf(c.themeIds) })}
          {c.counts && codings.length > 1 && <strong className="tag coding-history__counts">{t('history.counts')}</strong>}
        </li>
      ))}
    </ul>
  );
}
