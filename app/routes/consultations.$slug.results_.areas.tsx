import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFigures } from '~/analysis/components/use-figures';
import { requirePublishedConsultation } from '~/consultations/find.server';
import { routeHeaders } from '~/platform/http/headers';
import { notFound } from '~/platform/http/not-found.server';
import { publicPageHeaders } from '~/platform/http/public-page';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { loadPublicAreaResults } from '~/publishing/areas-page.server';
import { AreaResults } from '~/publishing/components/AreaResults';
import { FiguresHelp } from '~/publishing/components/FiguresHelp';
import analysisStyles from '~/styles/analysis.css?url';
import styles from '~/styles/publishing.css?url';

// The published results by area committee and ward, one question a page (?question=KEY), as
// the consultation promised; 404 until an officer publishes the results.

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: analysisStyles },
  { rel: 'stylesheet', href: styles },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const consultation = await requirePublishedConsultation(context.db, params.slug);
  const asked = new URL(request.url).searchParams.get('question') || null;
  const results = (await loadPublicAreaResults(context.db, consultation, locale, asked)) ?? notFound();
  const title = `${tFor(locale, 'publishing')('areas.title', { title: results.title })} – ${tFor(locale)('site.name')}`;
  return data({ results, title }, { headers: publicPageHeaders });
}

export const headers = routeHeaders;

export default function PublishedAreaResults() {
  const { results } = useLoaderData<typeof loader>();
  const { t } = useTranslation('publishing');
  const figures = useFigures(results.threshold);
  const shown = results.question?.key;
  return (
    <div className="results-page">
      <p className="results-back">
        <Link to={`/consultations/${results.slug}/results`} className="back-link">
          {t('areas.back')}
        </Link>
      </p>
      <p className="caption">{results.title}</p>
      <h1>{t('areas.heading')}</h1>
      <p className="lead">{t('areas.intro')}</p>
      {results.question === null ? (
        <p>{t('areas.nothing')}</p>
      ) : (
        <>
          <nav className="results-contents" aria-labelledby="area-questions">
            <h2 id="area-questions">{t('areas.questions')}</h2>
            <ol>
              {results.questions.map((q) => (
                <li key={q.key}>
                  <Link to={`?question=${encodeURIComponent(q.key)}`} aria-current={q.key === shown ? 'page' : undefined}>
                    {q.text}
                  </Link>
                </li>
              ))}
            </ol>
          </nav>
          <AreaResults question={results.question} figures={figures} />
        </>
      )}
      <FiguresHelp threshold={results.threshold} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);
