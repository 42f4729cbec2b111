import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { templateColumns } from '~/responses/import/vocabulary';
import { loadIntakeConsultation } from '~/responses/import/consultation.server';

// A blank import spreadsheet for one consultation: just its header row. The byte order mark
// makes Excel open it as UTF-8.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'editResponses');
  const { importDef: def } = await loadIntakeConsultation(args.context.db, await requireConsultation(args.context.db, args.params.id));
  return new Response(`\uFEFF${templateColumns(def).join(',')}\r\n`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${def.slug}-import-template.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
