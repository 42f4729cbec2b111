import { createHash } from 'node:crypto';
import { analyzeAfterBulkLoad } from '#db/bulk';
import { inTransaction, type Db } from '#db/connection';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { tFor } from '~/platform/i18n/i18n.server';
import { announceResponseChange, logResponseChange, type ResponseChange } from '~/responses/changes.server';
import { isUniqueViolation } from '~/responses/submit.server';
import { checkSheet, type Problem } from './check';
import type { IntakeConsultation } from './consultation.server';
import { insertResponses } from './insert.server';
import { MAX_IMPORT_BYTES, readSheet, UnreadableFile } from './read-file.server';
import { offlineResponse } from './rows';
import { buildVocabulary, type Labels, type Vocabulary } from './vocabulary';

// An import: read the file, check every row, then store all of it in one transaction or none
// of it. A file is known by the SHA-256 of its bytes, so the same file twice is refused.

export type ImportResult =
  | { status: 'imported'; importId: number; count: number }
  | { status: 'invalid'; problems: Problem[] }
  | { status: 'duplicate'; importedAt: string; fileName: string; count: number };

export function englishLabels(): Labels {
  const intake = tFor('en', 'intake');
  const about = tFor('en', 'about');
  const survey = tFor('en', 'survey');
  return {
    channel: (code) => intake(`channel.${code}`),
    group: (code) => intake(`group.${code}`),
    about: (field, code) => about(`${field}.${code}`),
    preferNot: about('preferNot'),
    wardUnknown: about('ward.unknown'),
    standardOption: (kind, key) => survey(`${kind}.${key}`),
  };
}

export function vocabularyOf(intake: IntakeConsultation): Vocabulary {
  return buildVocabulary(intake.importDef, intake.wards, englishLabels());
}

export const fileHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function findImport(db: Db, consultationId: number, sha256: string) {
  return db
    .selectFrom('imports')
    .select(['file_name', 'imported_at', 'row_count'])
    .where('consultation_id', '=', consultationId)
    .where('file_sha256', '=', sha256)
    .executeTakeFirst();
}

async function duplicateOf(db: Db, consultationId: number, sha256: string): Promise<ImportResult | null> {
  const earlier = await findImport(db, consultationId, sha256);
  return earlier ? { status: 'duplicate', importedAt: earlier.imported_at, fileName: earlier.file_name, count: earlier.row_count } : null;
}

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  actor: Actor;
  now?: Date;
}

export async function importResponses(db: Db, intake: IntakeConsultation, { fileName, bytes, actor, now = new Date() }: ImportInput): Promise<ImportResult> {
  const consultationId = intake.consultation.id;
  if (bytes.byteLength === 0) return { status: 'invalid', problems: [{ row: null, column: null, code: 'intake:emptyFile' }] };
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { status: 'invalid', problems: [{ row: null, column: null, code: 'intake:fileTooLarge' }] };
  const sha256 = fileHash(bytes);
  const duplicate = await duplicateOf(db, consultationId, sha256);
  if (duplicate) return duplicate;

  let sheet;
  try {
    sheet = await readSheet(bytes);
  } catch (error) {
    if (error instanceof UnreadableFile) return { status: 'invalid', problems: [{ row: null, column: null, code: 'intake:unreadable' }] };
    throw error;
  }
  const { rows, problems } = checkSheet(sheet, vocabularyOf(intake), now);
  if (problems.length > 0) return { status: 'invalid', problems };

  try {
    const imported = await inTransaction(db, async (trx) => {
      const ids: number[] = [];
      const { id: importId } = await trx
        .insertInto('imports')
        .values({
          consultation_id: consultationId,
          file_name: fileName,
          file_sha256: sha256,
          row_count: rows.length,
          imported_by: actor.userId,
          imported_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const toImport = rows.map((row) => ({
        response: offlineResponse(intake.importDef, row.values, {
          group: row.group,
          facilitator: row.facilitator,
          notes: row.notes,
          enteredBy: actor.userId,
          importId,
        }),
        meta: { idempotencyKey: `import-${importId}-row-${row.row}`, locale: row.locale, channel: row.channel, now: row.submittedAt },
      }));
      ids.push(...(await insertResponses(trx, toImport)));
      await recordAudit(
        trx,
        actor,
        {
          action: 'import.create',
          entityType: 'import',
          entityId: importId,
          consultationId,
          summary: `Imported ${rows.length} responses from ${fileName}`,
          after: { file_name: fileName, file_sha256: sha256, row_count: rows.length },
        },
        now,
      );
      const change: ResponseChange = { kind: 'imported', consultationId, responseIds: ids };
      return { result: { status: 'imported' as const, importId, count: rows.length }, change, seq: ids.length > 0 ? await logResponseChange(trx, change) : 0 };
    });
    // Committed: the summaries count the file's responses from now on.
    if (imported.seq > 0) announceResponseChange(db, imported.change, imported.seq);
    if (imported.result.count >= ANALYZE_AFTER_ROWS) await refreshStatistics(db);
    return imported.result;
  } catch (error) {
    // Two copies of the same file sent at once: the unique key let one in.
    if (isUniqueViolation(error)) {
      const raced = await duplicateOf(db, consultationId, sha256);
      if (raced) return raced;
    }
    throw error;
  }
}

// A big file can change the tables' shape enough to mislead the planner of a server without
// autovacuum (seconds for quotes and coding): its statistics are refreshed (a bounded sample).
const ANALYZE_AFTER_ROWS = 1000;

async function refreshStatistics(db: Db): Promise<void> {
  try {
    await analyzeAfterBulkLoad(db);
  } catch (error) {
    // The import is committed either way; stale statistics only slow queries down.
    console.error(`ANALYZE after an import failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function listImports(db: Db, consultationId: number) {
  return db
    .selectFrom('imports')
    .select(['id', 'file_name', 'row_count', 'imported_at'])
    .where('consultation_id', '=', consultationId)
    .orderBy('imported_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
