import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/guard.server';
import { can } from '~/auth/roles';
import { requireConsultation } from '~/consultations/find.server';
import { SelectField } from '~/ui/admin/Field';
import { BaselineBanner } from '~/population/components/BaselineBanner';
import { DimensionSection } from '~/population/components/DimensionSection';
import { ChartDefs } from '~/population/components/RepresentationChart';
import { ReweightSection } from '~/population/components/ReweightSection';
import { UnderRepresented } from '~/population/components/UnderRepresented';
import { usePopulationFormat } from '~/population/components/use-population-format';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { env } from '~/platform/env.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { workspacePageTitle } from '~/platform/http/page-title.server';
import { directionOf } from '~/platform/i18n/config';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { whoWeHeardFrom } from '~/population/who.server';
import { readWhoRequest } from '~/population/who-query';
import { RESPONDENT_GROUPS } from '~/responses/codes';
import styles from '~/styles/population.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'readResults');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const locale = await detectLocale(args.request);
  const model = await whoWeHeardFrom(args.context.db, consultation, readWhoRequest(new URL(args.request.url)), {
    threshold: env().DISCLOSURE_THRESHOLD,
    locale,
  });
  return data(
    {
      model,
      canLoad: can(user.role, 'editConsultations'),
      title: workspacePageTitle(args.context, locale, `${tFor(locale, 'population')('who.title')} – ${consultation.title}`),
    },
    { headers: { 'Cache-Control': PRIVATE_PAGE } },
  );
}

export default function WhoWeHeardFrom() {
  const { model, canLoad } = useLoaderData<typeof loader>();
  const { t } = useTranslation(['population', 'moderation']);
  const format = usePopulationFormat(model.threshold);
  const rtl = directionOf(usePageLocale()) === 'rtl';
  return (
    <>
      <h1>{t('who.title')}</h1>
      <p className="lead">{t('who.intro')}</p>
      {!model.baseline ? (
        <div className="notice">
          <p>{t('who.noBaseline')}</p>
          {canLoad && <Link to="/admin/population">{t('who.loadBaseline')}</Link>}
        </div>
      ) : (
        <>
          <Form method="get" className="pop-settings" aria-label={t('who.settings')}>
            <SelectField
              name="baseline"
              label={t('who.baseline')}
              defaultValue={String(model.baseline.id)}
              options={model.baselines.map((b) => ({ value: String(b.id), label: `${b.name} (${t(`kind.${b.kind}`)})` }))}
            />
            <SelectField
              name="group"
              label={t('who.group')}
              defaultValue={model.group ?? ''}
              options={[{ value: '', label: t('who.allGroups') }, ...RESPONDENT_GROUPS.map((g) => ({ value: g, label: t(`moderation:group.${g}`) }))]}
            />
            <div className="form-group">
              <button type="submit" className="button button--secondary">
                {t('who.show')}
              </button>
            </div>
          </Form>
          <BaselineBanner baseline={model.baseline} />
          <p className="heading-s" data-testid="responses">
            {t('who.responses', { count: model.total.kind === 'shown' ? model.total.value : 0, formatted: format.count(model.total) })}
          </p>
          <UnderRepresented model={model} />
          <details className="pop-about">
            <summary>{t('who.aboutTitle')}</summary>
            <p>{t('who.method')}</p>
            <p>{t('who.excluded')}</p>
            <p>{t('who.hidden', { fewer: format.fewer })}</p>
          </details>
          {model.missing.length > 0 && <p className="hint">{t('who.missing', { dimensions: model.missing.map((d) => t(`dimension.${d}`)).join(', ') })}</p>}
          <ChartDefs />
          {model.dimensions.map((view) => (
            <DimensionSection key={view.dimension} view={view} wards={model.wards} format={format} rtl={rtl} />
          ))}
          <ReweightSection view={model.reweighting} settings={{ baseline: model.baseline.id, group: model.group }} wards={model.wards} format={format} />
        </>
      )}
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
