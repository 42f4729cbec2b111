import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ConsultationCard } from '~/consultations/components/ConsultationCard';
import { listPublicConsultations } from '~/consultations/queries.server';
import { listFramework } from '~/framework/queries.server';
import { routeHeaders } from '~/platform/http/headers';
import { publicPageHeaders } from '~/platform/http/public-page';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const params = new URL(request.url).searchParams;
  const filters = { theme: params.get('theme') || undefined, priority: params.get('priority') || undefined };
  const [cards, framework] = await Promise.all([listPublicConsultations(context.db, locale, filters, new Date()), listFramework(context.db, locale)]);
  const t = tFor(locale);
  return data(
    {
      cards,
      framework,
      filters,
      title: `${t('hub.title')} – ${t('site.name')}`,
      description: t('site.tagline'),
      // The hub's own texts do not include the results pages' (namespace publishing).
      resultsLink: tFor(locale, 'publishing')('links.results'),
    },
    { headers: publicPageHeaders },
  );
}

export const headers = routeHeaders;

export default function Hub() {
  const { cards, framework, filters, resultsLink } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const filtered = Boolean(filters.theme || filters.priority);
  // "Match these filters" only when a filter is set: otherwise there are simply none yet.
  const groups = [
    { status: 'open', heading: t('hub.openHeading'), empty: filtered ? t('hub.noneOpen') : t('hub.noneOpenYet') },
    { status: 'closed', heading: t('hub.closedHeading'), empty: filtered ? t('hub.noneClosed') : t('hub.noneClosedYet') },
    { status: 'results_published', heading: t('hub.publishedHeading'), empty: filtered ? t('hub.nonePublished') : t('hub.nonePublishedYet') },
  ] as const;
  return (
    <>
      <h1>{t('hub.title')}</h1>
      <p className="lead">{t('hub.intro')}</p>
      <Form method="get" className="filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="filters__heading">
          {t('hub.filterHeading')}
        </h2>
        <div className="filters__fields">
          <div className="field">
            <label className="label" htmlFor="theme">
              {t('hub.theme')}
            </label>
            <select id="theme" name="theme" className="select" defaultValue={filters.theme ?? ''}>
              <option value="">{t('hub.any')}</option>
              {framework.map((theme) => (
                <option key={theme.key} value={theme.key}>
                  {theme.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="label" htmlFor="priority">
              {t('hub.priority')}
            </label>
            <select id="priority" name="priority" className="select" defaultValue={filters.priority ?? ''}>
              <option value="">{t('hub.any')}</option>
              {framework.map((theme) => (
                <optgroup key={theme.key} label={theme.name}>
                  {theme.priorities.map((p) => (
                    <option key={p.key} value={p.key}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        </div>
        <div className="button-group">
          {/* The primary button: a secondary one is the panel's own grey, nearly invisible on it. */}
          <button type="submit" className="button">
            {t('hub.apply')}
          </button>
          {filtered && <a href="/">{t('hub.clear')}</a>}
        </div>
      </Form>
      <p role="status" className="hint">
        {t('hub.showing', { count: cards.length })}
      </p>
      {groups.map((group) => {
        const inGroup = cards.filter((c) => c.status === group.status);
        return (
          <section key={group.status} aria-labelledby={`heading-${group.status}`} className="hub-section">
            <h2 id={`heading-${group.status}`}>{group.heading}</h2>
            {inGroup.length === 0 ? (
              <p>{group.empty}</p>
            ) : (
              <div className="card-list">
                {inGroup.map((card) => (
                  <ConsultationCard key={card.slug} card={card}>
                    {card.status === 'results_published' && (
                      <p className="card__results">
                        {/* reloadDocument: the results page's texts (publishing, analysis) arrive only with a full page load. */}
                        <Link reloadDocument to={`/consultations/${card.slug}/results`}>
                          {resultsLink}
                          <span className="visually-hidden"> – {card.title}</span>
                        </Link>
                      </p>
                    )}
                  </ConsultationCard>
                ))}
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }, { name: 'description', content: data.description }]);
