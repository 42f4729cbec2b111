import { useTranslation } from 'react-i18next';
import type { AnswerView, ResponseView } from '~/responses/moderation/response.server';
import { useWrittenText } from '../useWrittenText';

function answerText(a: AnswerView, written: (text: string) => string): string[] {
  return a.items.map((item) => {
    if (a.kind === 'ranking') return `${item.rank ?? '?'}. ${item.label ?? ''}`;
    if (item.label !== null) return item.text ? `${item.label}: ${written(item.text)}` : item.label;
    if (item.number !== null) return String(item.number);
    return written(item.text ?? '');
  });
}

/** The answers as the person gave them, question by question; a ranking in its ranked order. */
export function ResponseAnswers({ answers }: { answers: AnswerView[] }) {
  const { t } = useTranslation('moderation');
  const written = useWrittenText();
  if (answers.length === 0) return <p>{t('response.noAnswers')}</p>;
  return (
    <dl className="summary-list">
      {answers.map((a) => {
        const lines = answerText(a, written);
        return (
          <div className="summary-list__row" key={a.questionId}>
            <dt className="summary-list__key">{a.text}</dt>
            <dd className="summary-list__value">
              {a.kind === 'ranking' ? (
                <ol className="plain-list">
                  {lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ol>
              ) : lines.length > 1 ? (
                <ul>
                  {lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              ) : (
                <span className="preserve-lines">{lines[0]}</span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** About the person, in the words of the form they answered; codes nobody has words for are shown as stored. */
export function AboutThem({ response }: { response: Pick<ResponseView, 'about' | 'connections' | 'quote'> }) {
  const { t } = useTranslation('moderation');
  const { t: tAbout } = useTranslation('about');
  const { t: tSurvey } = useTranslation('survey');
  const rows: { key: string; label: string; value: string }[] = [];
  if (response.connections.length) {
    rows.push({ key: 'connections', label: tAbout('connections.question'), value: response.connections.map((c) => tAbout(`connections.${c}`)).join(', ') });
  }
  for (const a of response.about) {
    const label = a.field === 'postcode_district' ? t('response.postcodeDistrict') : tAbout(`${a.field}.question`);
    const value =
      a.field === 'ward'
        ? (a.wardName ?? a.code)
        : a.field === 'postcode_district'
          ? a.code
          : a.code === 'prefer_not_to_say'
            ? tAbout('preferNot')
            : tAbout(`${a.field}.${a.code}`, { defaultValue: a.code });
    rows.push({ key: a.field, label, value });
  }
  rows.push({
    key: 'quote',
    label: t('response.quote'),
    value: response.quote.consent
      ? [tSurvey(`words.credit.${response.quote.credit ?? 'anonymous'}`, { defaultValue: response.quote.credit ?? '' }), response.quote.name]
          .filter(Boolean)
          .join(' – ')
      : t('response.quoteNo'),
  });
  return (
    <dl className="summary-list">
      {rows.map((r) => (
        <div className="summary-list__row" key={r.key}>
          <dt className="summary-list__key">{r.label}</dt>
          <dd className="summary-list__value">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
