import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { PrivacyNoticePage } from '~/privacy-notices/components/PrivacyNoticePage';
import { requirePublicPrivacyNotice } from '~/privacy-notices/notice.server';
import { routeHeaders } from '~/platform/http/headers';
import { publicPageHeaders } from '~/platform/http/public-page';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const notice = await requirePublicPrivacyNotice(context.db, params.slug ?? '', locale, new Date(), 'everyone');
  const t = tFor(locale);
  const controller = notice.controller || t('site.council');
  return data(
    { notice: { ...notice, controller }, title: `${tFor(locale, 'survey')('privacyNotice.title', { title: notice.title })} – ${t('site.name')}` },
    { headers: publicPageHeaders },
  );
}

export const headers = routeHeaders;

export default function ConsultationPrivacyNotice() {
  const { notice } = useLoaderData<typeof loader>();
  return <PrivacyNoticePage notice={notice} />;
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
