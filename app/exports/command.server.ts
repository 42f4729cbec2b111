import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '#db/connection';
import { findConsultationBySlug } from '~/consultations/find.server';
import { DIMENSIONS } from '~/analysis/dimensions';
import { env } from '~/platform/env.server';
import { tFor } from '~/platform/i18n/i18n.server';
import { EXPORT_FORMATS, EXPORT_KINDS, isExportFormat, isExportKind, KINDS_WITH_BREAKDOWN } from './kinds';
import { produceExport } from './produce.server';

// `npm run export`: what it does and the words it prints, apart from the process around it.
// Every kind; the responses are streamed to the file (or standard output) as they are read, so a
// million rows need no more memory than a hundred. Exit codes: 0 written, 1 a mistake in the
// command (unknown consultation, kind, format or field).

const t = tFor('en', 'exports');

export { EXPORT_KINDS };

export const exportUsage = () => t('cli.usage');

export interface ExportOptions {
  consultation?: string;
  kind?: string;
  by?: string;
  format?: string;
  out?: string;
}

export interface ExportCommandOutcome {
  exitCode: 0 | 1;
  err: string[];
}

/** Runs the command; the file goes to `--out`, or else to `stdout`. */
export async function exportCommand(db: Db, options: ExportOptions, stdout: Writable): Promise<ExportCommandOutcome> {
  const { consultation: slug, kind, by, format = 'csv', out } = options;
  if (!slug || !kind) return { exitCode: 1, err: [exportUsage()] };
  if (!isExportKind(kind)) return { exitCode: 1, err: [t('cli.unknownKind', { kind, kinds: EXPORT_KINDS.join(', ') })] };
  if (!isExportFormat(format)) return { exitCode: 1, err: [t('cli.unknownFormat', { format, formats: EXPORT_FORMATS.join(', ') })] };
  if (by && !KINDS_WITH_BREAKDOWN.includes(kind)) return { exitCode: 1, err: [t('cli.byNotFor')] };
  if (by && !(DIMENSIONS as readonly string[]).includes(by)) return { exitCode: 1, err: [t('cli.unknownBy', { by, fields: DIMENSIONS.join(', ') })] };
  const consultation = await findConsultationBySlug(db, slug);
  if (!consultation) return { exitCode: 1, err: [t('cli.noConsultation', { slug })] };

  const params = new URLSearchParams(by ? { breakdown: by } : {});
  const file = await produceExport(db, consultation, { kind, format, params, locale: 'en', threshold: env().DISCLOSURE_THRESHOLD });
  if (!file.ok) return { exitCode: 1, err: file.errors.map((e) => tFor('en', 'analysis')(`errors.${e.code.replace(/^analysis:/, '')}`)) };
  const body = typeof file.body === 'string' || file.body instanceof Uint8Array ? Readable.from([file.body]) : file.body;
  if (!out) {
    await pipeline(body, stdout, { end: false });
    return { exitCode: 0, err: [] };
  }
  await pipeline(body, createWriteStream(out));
  return { exitCode: 0, err: [t('cli.written', { count: file.rows, file: out })] };
}
