import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useNavigate } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { routeHeaders } from '~/platform/http/headers';
import { publicPageHeaders } from '~/platform/http/public-page';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader({ request }: LoaderFunctionArgs) {
  const t = tFor(await detectLocale(request), 'youth');
  return data({ title: t('privacy.title') }, { headers: publicPageHeaders });
}

export const headers = routeHeaders;

const PARAGRAPHS = ['who', 'what', 'under13', 'share', 'words', 'help'] as const;

/** The privacy notice in young people's words, including why under-13s are asked less. */
export default function YoungPrivacy() {
  const { t } = useTranslation('youth');
  const navigate = useNavigate();
  return (
    <div className="narrow youth">
      <h1>{t('privacy.title')}</h1>
      {PARAGRAPHS.map((p) => (
        <p key={p}>{t(`privacy.${p}`)}</p>
      ))}
      <p>
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate(-1);
          }}
        >
          {t('privacy.back')}
        </a>
      </p>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
