import { writeFile } from 'node:fs/promises';
import type { Db } from '#db/connection';
import { findConsultationBySlug } from '~/consultations/queries.server';
import { DIMENSIONS } from '~/analysis/index/dimensions';
import { env } from '~/env.server';
import { tFor } from '~/i18n/i18n.server';
import { EXPORT_FORMATS, isExportFormat } from './files.server';
import { summaryExport } from './summary.server';

// `npm run export`: what it does and the words it prints, apart from the process around it.
// Exit codes: 0 written, 1 a mistake in the command (unknown consultation, format or field),
// 2 an export kind that is not available yet.

const t = tFor('en', 'analysis');

export const EXPORT_KINDS = ['summary', 'responses', 'themes', 'open-data'] as const;
const AVAILABLE: readonly string[] = ['summary'];

export const exportUsage = () => t('exportCli.usage');

export interface ExportOptions {
  consultation?: string;
  kind?: string;
  by?: string;
  format?: string;
  out?: string;
}

export interface ExportCommandOutcome {
  exitCode: 0 | 1 | 2;
  /** The file's contents when no --out was given, for standard output. */
  stdout?: string | Uint8Array;
  err: string[];
}

export async function exportCommand(db: Db, options: ExportOptions): Promise<ExportCommandOutcome> {
  const { consultation: slug, kind, by, format = 'csv', out } = options;
  if (!slug || !kind) return { exitCode: 1, err: [exportUsage()] };
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) return { exitCode: 1, err: [t('exportCli.unknownKind', { kind, kinds: EXPORT_KINDS.join(', ') })] };
  if (!AVAILABLE.includes(kind)) return { exitCode: 2, err: [t('exportCli.notAvailable', { kind })] };
  if (!isExportFormat(format)) return { exitCode: 1, err: [t('exportCli.unknownFormat', { format, formats: EXPORT_FORMATS.join(', ') })] };
  const consultation = await findConsultationBySlug(db, slug);
  if (!consultation) return { exitCode: 1, err: [t('exportCli.noConsultation', { slug })] };

  if (by && !(DIMENSIONS as readonly string[]).includes(by)) return { exitCode: 1, err: [t('exportCli.unknownBy', { by, fields: DIMENSIONS.join(', ') })] };
  const params = new URLSearchParams(by ? { breakdown: by } : {});
  const file = await summaryExport(db, consultation, 'en', params, format, env().DISCLOSURE_THRESHOLD);
  if (!file.ok) return { exitCode: 1, err: file.errors.map((e) => t(`errors.${e.code.replace(/^analysis:/, '')}`)) };
  if (!out) return { exitCode: 0, stdout: file.body, err: [] };
  await writeFile(out, file.body);
  return { exitCode: 0, err: [t('exportCli.written', { count: file.rows, file: out })] };
}
