import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { findConsultationByYouthCode } from '~/consultations/find.server';
import { youthPath } from '~/consultations/versions/youth-paths';

// The short address a teacher or youth worker puts on a board: /young/onestockport.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const consultation = await findConsultationByYouthCode(context.db, (params.code ?? '').toLowerCase());
  if (!consultation) throw new Response(null, { status: 404 });
  return redirect(youthPath(consultation.slug), 302);
}
