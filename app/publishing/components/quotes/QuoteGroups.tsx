import { useTranslation } from 'react-i18next';
import type { QuoteTargets, ShownQuote } from '~/publishing/quotes/queries.server';
import { QuoteCard } from './QuoteCard';

/**
 * A consultation's chosen quotes, grouped by what they were picked for: its codebook themes
 * first, then the council's priorities. A quote picked for both appears under each.
 */
export function QuoteGroups({ quotes, targets, removable }: { quotes: ShownQuote[]; targets: QuoteTargets; removable: boolean }) {
  const { t } = useTranslation('quotes');
  const groups = [
    ...targets.themes.map((theme) => ({
      key: `theme-${theme.id}`,
      kind: t('groups.theme'),
      name: theme.name,
      quotes: quotes.filter((q) => q.theme?.id === theme.id),
    })),
    ...targets.priorities.map((priority) => ({
      key: `priority-${priority.id}`,
      kind: t('groups.priority'),
      name: priority.name,
      quotes: quotes.filter((q) => q.priority?.id === priority.id),
    })),
  ].filter((group) => group.quotes.length > 0);
  if (groups.length === 0) return <p>{t('page.noQuotes')}</p>;
  return (
    <>
      {groups.map((group) => (
        <section key={group.key} className="quote-group" aria-labelledby={`${group.key}-heading`}>
          <h3 id={`${group.key}-heading`}>
            <span className="caption">{group.kind}</span> {group.name}
          </h3>
          <ul className="quote-list">
            {group.quotes.map((quote) => (
              <QuoteCard key={quote.id} quote={quote} id={`quote-${quote.id}-${group.key}`} removable={removable} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
