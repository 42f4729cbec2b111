import type { Db } from '#db/connection';
import type { Consultation, ExportJob } from '#db/schema';
import { actorOf, recordAudit } from '~/platform/audit.server';
import { env } from '~/platform/env.server';
import type { Locale } from '~/platform/i18n/config';
import type { JobQueue } from '~/platform/jobs/queue';
import { countCounted } from '~/responses/counted.server';
import { findExportJob, listExportJobs, percentDone, startExportJob } from './jobs.server';
import { EXPORT_KINDS, extensionOf, type ExportKind } from './kinds';
import type { ExportRequestInput } from './schemas';

// What the Exports page shows and does: the kinds with the responses count (which decides
// whether the responses export downloads at once or runs in the background), the recent jobs,
// and where an officer's request leads: the file itself, or the page of its background job.

const exportsPath = (consultationId: number) => `/admin/consultations/${consultationId}/exports`;

export function jobSummary(job: ExportJob) {
  return {
    id: job.id,
    kind: job.kind as ExportKind,
    format: extensionOf(job.kind as ExportKind, job.format as 'csv'),
    status: job.status,
    percent: percentDone(job),
    createdAt: job.created_at,
  };
}

export async function exportsPage(db: Db, consultation: Consultation) {
  const [responses, jobs] = await Promise.all([countCounted(db, consultation.id), listExportJobs(db, consultation.id)]);
  return { kinds: EXPORT_KINDS, responses, backgroundAbove: env().EXPORT_BACKGROUND_ROWS, keepHours: env().EXPORT_KEEP_HOURS, jobs: jobs.map(jobSummary) };
}

/** Where the request leads: the download, or (for a large responses export) its new background job. */
export async function requestExport(
  db: Db,
  consultation: Consultation,
  user: { id: number; email: string },
  input: ExportRequestInput,
  locale: Locale,
  queue: JobQueue,
): Promise<string> {
  const { kind, format, by } = input;
  const params = new URLSearchParams(by ? { breakdown: by } : {});
  const config = env();
  if (kind === 'responses' && (await countCounted(db, consultation.id)) > config.EXPORT_BACKGROUND_ROWS) {
    const id = await startExportJob(db, consultation, { kind, format, params, locale, requestedBy: user.id }, queue);
    await recordAudit(db, actorOf(user), {
      action: 'export.responses',
      entityType: 'consultation',
      entityId: consultation.id,
      consultationId: consultation.id,
      summary: `Asked for the responses as ${format.toUpperCase()} (background export ${id})`,
    });
    return `${exportsPath(consultation.id)}/${id}`;
  }
  const query = params.toString();
  return `/admin/consultations/${consultation.id}/export/${kind}.${extensionOf(kind, format)}${query ? `?${query}` : ''}`;
}

/** A job as its page shows it. */
export async function exportJobPage(db: Db, consultation: Consultation, rawId: string | undefined) {
  const id = Number(rawId);
  const job = Number.isSafeInteger(id) && id > 0 ? await findExportJob(db, consultation.id, id) : undefined;
  if (!job) return null;
  const done = job.status === 'done' && job.file_key !== null;
  const keptUntil = new Date(new Date(job.created_at).getTime() + env().EXPORT_KEEP_HOURS * 3_600_000).toISOString();
  return {
    ...jobSummary(job),
    rowsDone: job.rows_done,
    rowsTotal: job.rows_total,
    filename: job.filename,
    interrupted: job.error === 'interrupted',
    downloadUrl: done ? `${exportsPath(consultation.id)}/${job.id}/download` : null,
    keptUntil: done ? keptUntil : null,
  };
}
