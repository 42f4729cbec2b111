import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PriorityTags } from '~/framework/components/PriorityTags';
import { Prose } from '~/ui/Prose';
import { requirePublicConsultation } from '~/consultations/find.server';
import { YouthVersionLink } from '~/consultations/components/YouthVersionLink';
import { privacyNoticePath } from '~/privacy-notices/notice';
import { routeHeaders } from '~/platform/http/headers';
import { publicPageHeaders } from '~/platform/http/public-page';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { pageMeta } from '~/ui/page-meta';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const def = await requirePublicConsultation(context.db, params.slug ?? '', locale, new Date());
  const { sections: _sections, ...consultation } = def;
  // The page's own texts do not include the results pages' (namespace publishing).
  const resultsLink = def.effectiveStatus === 'results_published' ? tFor(locale, 'publishing')('links.results') : null;
  return data({ consultation, resultsLink, title: `${def.title} – ${tFor(locale)('site.name')}` }, { headers: publicPageHeaders });
}

export const headers = routeHeaders;

export default function ConsultationPage() {
  const { consultation: c, resultsLink } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = usePageLocale();
  return (
    <div className="narrow">
      <p className="caption">
        <span className={`tag tag--${c.effectiveStatus}`}>{t(`status.${c.effectiveStatus}`)}</span>
      </p>
      <h1>{c.title}</h1>
      <p className="lead">{c.summary}</p>
      <dl className="facts">
        {c.closesAt && (
          <div>
            <dt>{t('consultation.closingDate')}</dt>
            <dd>{formatDate(c.closesAt, locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t('consultation.timeNeeded')}</dt>
          <dd>{t('hub.minutes', { count: c.estimatedMinutes })}</dd>
        </div>
      </dl>
      <h2>{t('consultation.whyAsking')}</h2>
      <Prose text={c.whyAsking} />
      <h2>{t('consultation.whatHappensNext')}</h2>
      <Prose text={c.whatHappensNext} />
      <PriorityTags priorities={c.priorities} label={t('consultation.priorities')} />
      {c.effectiveStatus === 'open' && c.youthCode && <YouthVersionLink slug={c.slug} title={c.title} />}
      {c.effectiveStatus === 'open' ? (
        <p>
          <Link to={`/consultations/${c.slug}/answer/1`} className="button button--start" role="button">
            {t('consultation.start')}
            <svg className="button__arrow" aria-hidden="true" focusable="false" width="17" height="19" viewBox="0 0 33 40">
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </Link>
        </p>
      ) : (
        <div className="notice" role="note">
          {c.effectiveStatus === 'closed' && c.closesAt
            ? t('consultation.closedNotice', { date: formatDate(c.closesAt, locale) })
            : t('consultation.publishedNotice')}
        </div>
      )}
      {resultsLink && (
        <p className="lead">
          {/* reloadDocument: the results page's texts (publishing, analysis) arrive only with a full page load. */}
          <Link reloadDocument to={`/consultations/${c.slug}/results`}>
            {resultsLink}
          </Link>
        </p>
      )}
      <p>
        <Link to={privacyNoticePath(c.slug)}>{t('consultation.privacyLink')}</Link>
      </p>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }, { name: 'description', content: data.consultation.summary }]);
