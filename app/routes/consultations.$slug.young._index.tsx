import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireOpenYouthVersion } from '~/consultations/find.server';
import { routeHeaders } from '~/platform/http/headers';
import { publicPageHeaders } from '~/platform/http/public-page';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { youthPath } from '~/consultations/versions/youth-paths';
import { youthSteps } from '~/responses/youth/steps';
import { youngPrivacyNoticePath } from '~/privacy-notices/notice';
import { pageMeta } from '~/ui/page-meta';
import { PageHeading } from '~/ui/PageHeading';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const def = await requireOpenYouthVersion(context.db, params.slug ?? '', locale, new Date());
  // Their age and the questions everyone is asked, as "Question 1 of N" counts before any answer.
  const questions = youthSteps(def, {}).length;
  return data(
    { youth: { slug: def.slug, title: def.title, questions }, title: `${tFor(locale, 'youth')('intro.title')} – ${def.title}` },
    { headers: publicPageHeaders },
  );
}

export const headers = routeHeaders;

export default function YouthIntro() {
  const { youth } = useLoaderData<typeof loader>();
  const { t } = useTranslation('youth');
  return (
    <div className="narrow youth">
      <PageHeading>{t('intro.title')}</PageHeading>
      <p className="lead">{t('intro.lead')}</p>
      <ul className="youth-facts">
        <li>{t('intro.what', { count: youth.questions })}</li>
        <li>{t('intro.time')}</li>
        <li>{t('intro.skip')}</li>
      </ul>
      <p>
        <Link to={youngPrivacyNoticePath(youth.slug)}>{t('intro.safe')}</Link>
      </p>
      <p>
        <Link to={youthPath(youth.slug, 'age')} className="button button--start button--big" role="button">
          {t('intro.start')}
        </Link>
      </p>
    </div>
  );
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
