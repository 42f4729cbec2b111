import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { PriorityTags } from '~/framework/components/PriorityTags';
import { Prose } from '~/ui/Prose';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { PreviewBanner } from '~/responses/components/PreviewBanner';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { formatDate } from '~/platform/i18n/format';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { loadPreview } from '~/responses/preview/preview.server';
import { previewPath, youthPreviewPath } from '~/responses/preview/preview-paths';
import { previewRoutes } from '~/responses/preview/preview-route';
import { PreviewRoutes } from '~/responses/components/PreviewRoutes';
import { pageMeta } from '~/ui/page-meta';

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editConsultations');
  const locale = await detectLocale(args.request);
  const { consultation, def, youth } = await loadPreview(args.context.db, args.params.id, locale);
  return data(
    {
      consultation: { id: consultation.id, title: consultation.title },
      def,
      firstStep: previewPath(consultation.id, '1'),
      walk: previewRoutes(def),
      youthStart: youth ? youthPreviewPath(consultation.id, 'age') : null,
      finished: new URL(args.request.url).searchParams.get('finished'),
      title: workspacePageTitle(args.context, locale, `${tFor(locale, 'versions')('preview.title')} – ${consultation.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function Preview() {
  const { consultation, def: c, firstStep, youthStart, finished, walk } = useLoaderData<typeof loader>();
  const { t } = useTranslation('versions');
  const { t: tc } = useTranslation();
  const locale = usePageLocale();
  return (
    <>
      <h1>{t('preview.title')}</h1>
      {finished && (
        <p className="notice" role="status">
          {t(finished === 'young' ? 'preview.finishedYoung' : 'preview.finished')}
        </p>
      )}
      <p>{t('preview.intro')}</p>
      <ul>
        <li>{c.sections.length > 0 ? <Link to={firstStep}>{t('preview.startResidents')}</Link> : t('preview.noSections')}</li>
        <li>{youthStart ? <Link to={youthStart}>{t('preview.startYoung')}</Link> : t('preview.noYouth')}</li>
      </ul>
      {walk.routes.length > 1 && <PreviewRoutes consultationId={consultation.id} def={c} walk={walk} />}
      <h2>{t('preview.landingTitle')}</h2>
      <PreviewBanner consultationId={consultation.id} audience="residents" />
      <section className="narrow preview-frame" aria-label={t('preview.landingTitle')}>
        <p className="consultation-title">{c.title}</p>
        <p className="lead">{c.summary}</p>
        <dl className="facts">
          {c.closesAt && (
            <div>
              <dt>{tc('consultation.closingDate')}</dt>
              <dd>{formatDate(c.closesAt, locale)}</dd>
            </div>
          )}
          <div>
            <dt>{tc('consultation.timeNeeded')}</dt>
            <dd>{tc('hub.minutes', { count: c.estimatedMinutes })}</dd>
          </div>
        </dl>
        <h3>{tc('consultation.whyAsking')}</h3>
        <Prose text={c.whyAsking} />
        <h3>{tc('consultation.whatHappensNext')}</h3>
        <Prose text={c.whatHappensNext} />
        <PriorityTags priorities={c.priorities} label={tc('consultation.priorities')} />
      </section>
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
