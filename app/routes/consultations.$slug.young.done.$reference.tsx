import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePublicConsultation } from '~/consultations/find.server';
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
  // Coming back with their reference, a young person finds the results once they are out.
  const publishing = tFor(locale, 'publishing');
  const resultsLink =
    def.effectiveStatus === 'results_published'
      ? { lead: publishing('links.confirmation'), text: publishing('links.results'), href: `/consultations/${def.slug}/results` }
      : null;
  return data({ reference, resultsLink, title: `${tFor(locale, 'youth')('done.title')} – ${def.title}` }, { headers: { 'Cache-Control': PRIVATE_PAGE } });
}

export const headers = routeHeaders;

export default function YouthDone() {
  const { reference, resultsLink } = useLoaderData<typeof loader>();
  const { t } = useTranslation('youth');
  const { t: tCommon } = useTranslation('common');
  return (
    <div className="narrow youth">
      <div className="panel">
        <PageHeading className="panel__title">{t('done.title')}</PageHeading>
        <p className="panel__body">{t('done.lead')}</p>
        <p className="panel__body">
          {t('done.reference')}
          <br />
          <strong className="reference">{reference}</strong>
        </p>
      </div>
      <p>{t('done.referenceHint')}</p>
      <p>{t('done.next')}</p>
      {resultsLink && (
        <div className="notice" role="note">
          <p>{resultsLink.lead}</p>
          <p>
            {/* reloadDocument: the results page's texts (publishing, analysis) arrive only with a full page load. */}
            <Link reloadDocument to={resultsLink.href}>
              {resultsLink.text}
            </Link>
          </p>
        </div>
      )}
      <p>
        <a href={`/your-data?reference=${encodeURIComponent(reference)}`}>{tCommon('yourData.youth')}</a>
      </p>
      <p>
        <Link to="/">{t('done.home')}</Link>
      </p>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
