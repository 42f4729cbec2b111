import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/auth/guard.server';
import { findAccessCopy, subjectAccessFile } from '~/data-requests/subject-access.server';
import { actorOf, recordAudit } from '~/platform/audit.server';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';
import { idParam, notFound } from '~/platform/http/not-found.server';

// The subject-access copy as a file for the officer to send: JSON in a stable, versioned shape
// (heard-subject-access/1), the same object the readable page shows. Each download is audited,
// by request number only.
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args, 'editResponses');
  const id = idParam(args.params, 'id');
  const copy = await findAccessCopy(args.context.db, id);
  if (!copy) notFound();
  await recordAudit(args.context.db, actorOf(user), {
    action: 'data_request.download',
    entityType: 'data_request',
    entityId: id,
    consultationId: copy.consultation.id,
    summary: `Downloaded the copy for access request ${id}`,
  });
  const file = subjectAccessFile(copy);
  return new Response(file.body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.name}"`,
      'Cache-Control': PRIVATE_PAGE,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
