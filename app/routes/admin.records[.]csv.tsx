import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/auth/guard.server';
import { detectLocale } from '~/platform/i18n/i18n.server';
import { orBusy } from '~/platform/workers/busy.server';
import { recordCsv } from '~/records/download.server';
import { loadFullRecord } from '~/records/load.server';
import { retentionDefaults } from '~/retention/defaults.server';

// The whole record of processing as one CSV, for the information governance officer.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readRecords');
  const now = new Date();
  return orBusy(await detectLocale(args.request), async () => {
    const csv = recordCsv(await loadFullRecord(args.context.db, args.context.heavy, retentionDefaults(), now));
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="record-of-processing-${now.toISOString().slice(0, 10)}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  });
}
