import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePublicConsultation } from '~/consultations/find.server';
import { Prose } from '~/ui/Prose';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { routeHeaders } from '~/platform/http/headers';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { hasResponseReference } from '~/responses/queries.server';
import { pageMeta } from '~/ui/page-meta';
import { PageHeading } from '~/ui/PageHeading';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const def = await requirePublicConsultation(context.db, params.slug ?? '', locale, new Date());
  const reference = params.reference ?? '';
  if (!(await hasResponseReference(context.db, def.id, reference))) throw new Response(null, { status: 404 });
  return data(
    {
      consultation: { title: def.title, slug: def.slug, whatHappensNext: def.whatHappensNext },
      reference,
      // A resident coming back with their reference finds the results once they are out.
      resultsLink:
        def.effectiveStatus === 'results_published'
          ? { lead: tFor(locale, 'publishing')('links.confirmation'), text: tFor(locale, 'publishing')('links.results') }
          : null,
      title: `${tFor(locale, 'survey')('confirmation.title')} – ${def.title}`,
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export const headers = routeHeaders;

export default function Confirmation() {
  const { consultation, reference, resultsLink } = useLoaderData<typeof loader>();
  const { t } = useTranslation('survey');
  const { t: tCommon } = useTranslation('common');
  return (
    <div className="narrow">
      <div className="panel">
        <PageHeading className="panel__title">{t('confirmation.title')}</PageHeading>
        <div className="panel__body">
          {t('confirmation.reference')}
          <br />
          <strong className="reference">{reference}</strong>
        </div>
      </div>
      <p>{t('confirmation.referenceHint')}</p>
      <p>{t('confirmation.thanks', { title: consultation.title })}</p>
      <h2>{t('confirmation.nextHeading')}</h2>
      <Prose text={consultation.whatHappensNext} />
      {resultsLink && (
        <div className="notice" role="note">
          <p>{resultsLink.lead}</p>
          <p>
            {/* reloadDocument: the results page's texts (publishing, analysis) arrive only with a full page load. */}
            <Link reloadDocument to={`/consultations/${consultation.slug}/results`}>
              {resultsLink.text}
            </Link>
          </p>
        </div>
      )}
      <p>
        {tCommon('yourData.lead')} <a href={`/your-data?reference=${encodeURIComponent(reference)}`}>{tCommon('yourData.link')}</a>
      </p>
      <p>
        <Link to="/">{t('confirmation.backToHub')}</Link>
      </p>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
