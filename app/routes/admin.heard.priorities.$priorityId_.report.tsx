import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { AcrossReport } from '~/reports/components/AcrossReport';
import { RouteErrorBoundary } from '~/ui/RouteErrorBoundary';
import { acrossReportPage } from '~/reports/across-page.server';
import styles from '~/styles/reports.css?url';
import { pageMeta } from '~/ui/page-meta';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// The committee report of what was heard about one priority across consultations.
export const loader = (args: LoaderFunctionArgs) => acrossReportPage(args, 'priority');

export default function Report() {
  return <AcrossReport {...useLoaderData<typeof loader>()} />;
}

export const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
