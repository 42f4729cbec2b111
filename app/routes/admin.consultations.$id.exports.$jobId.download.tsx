import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/auth/guard.server';
import { requireConsultation } from '~/consultations/find.server';
import { notFound } from '~/platform/http/not-found.server';
import { jobFile } from '~/exports/jobs.server';
import { downloadResponse } from '~/exports/http.server';

// A finished background export's file, for people who may read the results, from the database
// (so from whichever process made it). 404 while it is
// not ready, after it failed, or once it has been deleted (EXPORT_KEEP_HOURS).
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, 'readResults');
  const consultation = await requireConsultation(args.context.db, args.params.id);
  const file = await jobFile(args.context.db, consultation.id, Number(args.params.jobId));
  if (!file) notFound();
  return downloadResponse(file.body, file.contentType, file.filename);
}
