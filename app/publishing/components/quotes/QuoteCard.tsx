import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AdminForm } from '~/ui/admin/AdminForm';
import type { ShownQuote } from '~/publishing/quotes/queries.server';
import { QuoteCredit } from './QuoteCredit';

interface Props {
  quote: ShownQuote;
  /** The anchor id, when the page links to this quote. */
  id?: string;
  /** Say which consultation it came from (the across-consultations view). */
  showConsultation?: boolean;
  /** Offer to take it off the list (officers on the consultation's quotes page). */
  removable?: boolean;
}

/** One quote with its credit, the question it answered and what it was picked for. */
export function QuoteCard({ quote, id, showConsultation, removable }: Props) {
  const { t } = useTranslation('quotes');
  const pickedFor = [quote.theme && t('quote.forTheme', { name: quote.theme.name }), quote.priority && t('quote.forPriority', { name: quote.priority.name })]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="quote" id={id}>
      <figure className="quote__figure">
        <blockquote className="quote__text">
          <p className="preserve-lines" dir="auto">
            {quote.text}
          </p>
        </blockquote>
        <figcaption className="quote__credit">
          <span aria-hidden="true">— </span>
          <QuoteCredit credit={quote.credit} />
        </figcaption>
      </figure>
      <p className="quote__meta hint">
        {showConsultation && (
          <>
            <Link to={`/admin/consultations/${quote.consultationId}/results`}>{quote.consultationTitle}</Link>
            {' · '}
          </>
        )}
        {t('quote.question', { question: quote.questionText })}
        {pickedFor && ` · ${pickedFor}`}
      </p>
      {removable && (
        <AdminForm className="inline-form" preventScrollReset>
          <input type="hidden" name="quoteId" value={quote.id} />
          <button type="submit" name="intent" value="remove" className="link-button">
            {t('quote.remove')}
            <span className="visually-hidden"> {t('quote.removeWhich', { text: quote.text.slice(0, 60) })}</span>
          </button>
        </AdminForm>
      )}
    </li>
  );
}
