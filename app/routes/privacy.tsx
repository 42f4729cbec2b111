import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import { routeHeaders } from '~/platform/http/headers';
import { publicPageHeaders } from '~/platform/http/public-page';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader({ request }: LoaderFunctionArgs) {
  const t = tFor(await detectLocale(request));
  return data({ title: `${t('privacy.title')} – ${t('site.name')}` }, { headers: publicPageHeaders });
}

export const headers = routeHeaders;

const SECTIONS = ['what', 'not', 'why', 'quote', 'keep', 'rights'] as const;

export default function Privacy() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t('privacy.title')}</h1>
      <p className="lead">{t('privacy.intro')}</p>
      {SECTIONS.map((s) => (
        <section key={s}>
          <h2>{t(`privacy.${s}Heading`)}</h2>
          <p>{t(`privacy.${s}`)}</p>
        </section>
      ))}
      <p>
        {/* A full page load: /your-data's texts arrive with it (platform/i18n/config.ts). */}
        <a href="/your-data">{t('yourData.link')}</a>
      </p>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
