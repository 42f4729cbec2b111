import type { LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { YoungPrivacyNoticePage } from '~/privacy-notices/components/YoungPrivacyNoticePage';
import { requirePublicPrivacyNotice } from '~/privacy-notices/notice.server';
import { routeHeaders } from '~/platform/http/headers';
import { publicPageHeaders } from '~/platform/http/public-page';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';
import { pageMeta } from '~/ui/page-meta';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = await detectLocale(request);
  const notice = await requirePublicPrivacyNotice(context.db, params.slug ?? '', locale, new Date(), 'young_people');
  const controller = notice.controller || tFor(locale)('site.council');
  return data(
    { notice: { ...notice, controller }, title: `${tFor(locale, 'youth')('privacyNotice.title')} – ${notice.title}` },
    { headers: publicPageHeaders },
  );
}

export const headers = routeHeaders;

export default function YoungPrivacyNotice() {
  const { notice } = useLoaderData<typeof loader>();
  return <YoungPrivacyNoticePage notice={notice} />;
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);
