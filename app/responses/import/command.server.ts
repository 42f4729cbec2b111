import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Db } from '#db/connection';
import { findConsultationBySlug } from '~/consultations/find.server';
import { COMMAND_LINE } from '~/platform/audit.server';
import { tFor } from '~/platform/i18n/i18n.server';
import { loadIntakeConsultation } from './consultation.server';
import { importResponses } from './import.server';
import { problemText } from './messages';

// `npm run import`: the words it prints, and what it does, apart from the process around it.

const t = tFor('en', 'intake');

export const importUsage = () => t('cli.usage');

export interface CommandOutcome {
  exitCode: 0 | 1;
  out: string[];
  err: string[];
}

export async function importCommand(db: Db, slug: string, file: string): Promise<CommandOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    return { exitCode: 1, out: [], err: [t('cli.unreadableFile', { file })] };
  }
  const consultation = await findConsultationBySlug(db, slug);
  if (!consultation) return { exitCode: 1, out: [], err: [t('cli.noConsultation', { slug })] };
  const intake = await loadIntakeConsultation(db, consultation);
  const result = await importResponses(db, intake, { fileName: basename(file), bytes, actor: COMMAND_LINE });
  switch (result.status) {
    case 'imported':
      return { exitCode: 0, out: [t('cli.imported', { count: result.count })], err: [] };
    case 'duplicate':
      return { exitCode: 1, out: [], err: [t('import.duplicate', { date: result.importedAt, file: result.fileName, count: result.count })] };
    case 'invalid':
      return { exitCode: 1, out: [], err: result.problems.map((p) => problemText(t, p)) };
  }
}
