import { useTranslation } from 'react-i18next';
import type { PublicQuote } from '~/publishing/results-page.server';

/** People's own words, credited as they chose (worked out on the server by the one credit rule). */
export function QuoteList({ quotes }: { quotes: PublicQuote[] }) {
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
        </li>
      ))}
    </ul>
  );
}

/** Quotes under the question they answer, each question named once. */
export function QuotesByQuestion({ quotes }: { quotes: PublicQuote[] }) {
  const { t } = useTranslation('publishing');
  const questions = [...new Set(quotes.map((q) => q.question))];
  return (
    <>
      {questions.map((question) => (
        <div className="results-quotes" key={question}>
          <h4>{t('said.answersTo', { question })}</h4>
          <QuoteList quotes={quotes.filter((q) => q.question === question)} />
        </div>
      ))}
    </>
  );
}
