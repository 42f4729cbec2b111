import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePublishedConsultation } from '~/consultations/find.server';
import { useFigures } from '~/analysis/components/use-figures';
import { Prose } from '~/ui/Prose';
import { FIGURES_HELP, FiguresHelp } from '~/publishing/components/FiguresHelp';
import { WeDid } from '~/publishing/components/WeDid';
import { WhoTookPart } from '~/publishing/components/WhoTookPart';
import { YouSaid } from '~/publishing/components/YouSaid';
import { routeHeaders } from '~/platform/http/headers';
import { publicPageHeaders } from '~/platform/http/public-page';
import { directionOf } from '~/platform/i18n/config';
import { formatDate } from '~/platform/i18n/format';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { loadPublicResults } from '~/publishing/results-page.server';
import { AnonymisedNotice } from '~/retention/components/AnonymisedNotice';
import analysisStyles from '~/styles/analysis.css?url';
import styles from '~/styles/publishing.css?url';
import quoteStyles from '~/styles/quotes.css?url';
import { pageMeta } from '~/ui/page-meta';

// "We asked, you said, we did": a consultation's published results for everyone, in every
// language, without JavaScript, and printable. 404 until an officer publishes them.

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: analysisStyles },
  { rel: 'stylesheet', href: quoteStyles },
  { rel: 'stylesheet', href: styles },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const consultation = await requirePublishedConsultation(context.db, params.slug);
  const results = await loadPublicResults(context.db, consultation, locale);
  const title = `${tFor(locale, 'publishing')('page.title', { title: results.consultation.title })} – ${tFor(locale)('site.name')}`;
  return data({ results, anonymisedAt: consultation.anonymised_at, title }, { headers: publicPageHeaders });
}

export const headers = routeHeaders;

export default function PublishedResults() {
  const { results, anonymisedAt } = useLoaderData<typeof loader>();
  const { t } = useTranslation('publishing');
  const locale = usePageLocale();
  const figures = useFigures(results.threshold);
  const c = results.consultation;
  const date = (iso: string) => formatDate(iso, locale);
  const sections = [
    ['asked', t('asked.heading')],
    ['took-part', t('tookPart.heading')],
    ['you-said', t('said.heading')],
    ['we-did', t('did.heading')],
    [FIGURES_HELP, t('help.heading')],
    ['open-data', t('page.openData')],
  ] as const;
  return (
    <div className="results-page">
      <p className="results-back">
        <Link to={`/consultations/${c.slug}`} className="back-link">
          {t('page.back')}
        </Link>
      </p>
      <p className="caption">{t('page.caption')}</p>
      <h1>{c.title}</h1>
      {c.publishedAt && <p className="hint">{t('page.published', { date: date(c.publishedAt) })}</p>}
      <AnonymisedNotice at={anonymisedAt} />
      <nav className="results-contents" aria-labelledby="contents">
        <h2 id="contents">{t('page.contents')}</h2>
        <ol>
          {sections.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="asked" className="results-section">
        <h2 id="asked">{t('asked.heading')}</h2>
        <p className="lead">{c.summary}</p>
        <Prose text={c.whyAsking} />
        {c.opensAt && c.closesAt && <p>{t('asked.dates', { opens: date(c.opensAt), closes: date(c.closesAt) })}</p>}
        <h3>{t('asked.questions')}</h3>
        <ol className="results-asked">
          {results.asked
            .flatMap((section) => section.questions)
            .map((question, i) => (
              <li key={i}>{question}</li>
            ))}
        </ol>
      </section>

      <WhoTookPart participation={results.participation} figures={figures} />
      <YouSaid results={results} figures={figures} rtl={directionOf(locale) === 'rtl'} />
      <WeDid actions={results.actions} />
      <FiguresHelp threshold={results.threshold} />

      <section aria-labelledby="open-data" className="results-open-data">
        <h2 id="open-data">{t('page.openData')}</h2>
        <p>{t('page.openDataText')}</p>
        <p>
          <a href={`/consultations/${c.slug}/open-data.json`}>{t('page.openDataLink')}</a>
        </p>
        <p className="hint">{t('page.print')}</p>
      </section>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }, { name: 'description', content: data.results.consultation.summary }]);
