import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '~/platform/i18n/config';
import { formatDateTime } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import type { CopiedAnswer, SubjectAccessCopy } from '../subject-access.server';

function List({ rows, testId }: { rows: [string, string, string | null][]; testId: string }) {
  return (
    <dl className="summary-list" data-testid={testId}>
      {rows.map(([key, label, value]) => (
        <div className="summary-list__row" key={key}>
          <dt className="summary-list__key">{label}</dt>
          <dd className="summary-list__value preserve-lines">{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

function answerLines(answer: CopiedAnswer): string[] {
  return answer.items.map((item) => {
    if (answer.kind === 'ranking') return `${item.rank ?? '?'}. ${item.option ?? ''}`;
    if (item.option !== null) return item.text ? `${item.option}: ${item.text}` : item.option;
    if (item.number !== null) return String(item.number);
    return item.text ?? '';
  });
}

/** Everything stored about one person, readable: what they told us, about them, and what officers did with it. */
export function SubjectAccessCopyView({ copy }: { copy: SubjectAccessCopy }) {
  const { t } = useTranslation('requests');
  const { t: tAbout } = useTranslation('about');
  const { t: tModeration } = useTranslation('moderation');
  const { t: tSurvey } = useTranslation('survey');
  const locale = usePageLocale();
  const r = copy.response;
  const about = (field: keyof typeof r.aboutYou) => {
    const code = r.aboutYou[field];
    if (code === null) return null;
    return code === 'prefer_not_to_say' ? tAbout('preferNot') : tAbout(`${field}.${code}`, { defaultValue: code });
  };
  const yesNo = (value: boolean) => (value ? t('copy.yes') : t('copy.no'));
  return (
    <>
      <h2>{t('copy.responseHeading')}</h2>
      <List
        testId="copy-response"
        rows={[
          ['consultation', t('detail.consultation'), copy.consultation.title],
          ['reference', t('detail.reference'), copy.reference],
          ['submitted', t('detail.submitted'), formatDateTime(r.submittedAt, locale)],
          ['channel', t('detail.channel'), tModeration(`channel.${r.channel}`, { defaultValue: r.channel })],
          ['group', t('copy.group'), tModeration(`group.${r.respondentGroup}`, { defaultValue: r.respondentGroup })],
          ['language', t('detail.answeredIn'), LANGUAGES.find((l) => l.code === r.language)?.name ?? r.language],
          ['status', t('copy.status'), tModeration(`status.${r.status}`, { defaultValue: r.status }) + (r.statusReason ? ` – ${r.statusReason}` : '')],
          ['facilitator', t('copy.facilitator'), r.facilitator],
          ['notes', t('copy.notes'), r.notes],
        ]}
      />
      <h2>{t('copy.answersHeading')}</h2>
      {copy.answers.length === 0 ? (
        <p>{t('copy.noAnswers')}</p>
      ) : (
        <dl className="summary-list" data-testid="copy-answers">
          {copy.answers.map((a) => (
            <div className="summary-list__row" key={a.questionId}>
              <dt className="summary-list__key">{a.question}</dt>
              <dd className="summary-list__value">
                {answerLines(a).map((line, i) => (
                  <p key={i} className="preserve-lines">
                    {line}
                  </p>
                ))}
                {a.themes.length > 0 && <p className="hint">{t('copy.themes', { themes: a.themes.join(', ') })}</p>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {/* A copy made before routing existed has no list. */}
      {(copy.notAsked ?? []).length > 0 && (
        <>
          <h2>{t('copy.notAskedHeading')}</h2>
          <p>{t('copy.notAskedIntro')}</p>
          <ul data-testid="copy-not-asked">
            {copy.notAsked.map((q) => (
              <li key={q.questionKey}>{q.question}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('copy.aboutHeading')}</h2>
      <List
        testId="copy-about"
        rows={[
          ['connections', tAbout('connections.question'), r.connections.length ? r.connections.map((c) => tAbout(`connections.${c}`)).join(', ') : null],
          ['ward', tAbout('ward.question'), r.ward ? (r.ward.name ?? r.ward.code) : null],
          ['postcode', tModeration('response.postcodeDistrict'), r.postcodeDistrict],
          ...(Object.keys(r.aboutYou) as (keyof typeof r.aboutYou)[]).map((field): [string, string, string | null] => [
            field,
            tAbout(`${field}.question`),
            about(field),
          ]),
          ['quoteConsent', t('copy.quoteConsent'), yesNo(r.quote.consent)],
          ['quoteCredit', t('copy.quoteCredit'), r.quote.credit ? tSurvey(`words.credit.${r.quote.credit}`, { defaultValue: r.quote.credit }) : null],
          ['quoteName', t('copy.quoteName'), r.quote.name],
          ['neverAttribute', t('copy.neverAttribute'), yesNo(r.quote.neverAttribute)],
        ]}
      />
      <h2>{t('copy.quotesHeading')}</h2>
      {copy.quotes.length === 0 ? (
        <p>{t('copy.noQuotes')}</p>
      ) : (
        <ul data-testid="copy-quotes">
          {copy.quotes.map((q, i) => (
            <li key={i}>
              “{q.text}” – {q.question}
              {q.theme ? ` (${q.theme})` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
