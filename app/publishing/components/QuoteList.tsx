import { useTranslation } from 'react-i18next';
import type { PublicQuote } from '~/publishing/results-page.server';

/** People's own words, credited as they chose (worked out on the server by the one credit rule). */
export function QuoteList({ quotes }: { quotes: PublicQuote[] }) {
  const { t } = useTranslation('publishing');
  return (
    <ul className="quote-list">
      {quotes.map((quote) => (
        <li className="quote" key={quote.id}>
          <figure className="quote__figure">
            <blockquote className="quote__text">
              <p className="preserve-lines" dir="auto">
                {quote.text}
              </p>
            </blockquote>
            <figcaption className="quote__credit">
              <span aria-hidden="true">— </span>
              {quote.credit}
            </figcaption>
          </figure>
          <p className="quote__meta hint">{t('said.answerTo', { question: quote.question })}</p>
        </li>
      ))}
    </ul>
  );
}
