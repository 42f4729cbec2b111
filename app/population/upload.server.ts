import { inTransaction, type Db } from '#db/connection';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { auditedChange } from '~/platform/audited-change.server';
import { MAX_IMPORT_BYTES, readSheet, UnreadableFile } from '~/responses/import/read-file.server';
import { deleteBaseline, figuresForAudit, findBaseline, insertBaseline, readFigures, replaceFigures, type BaselineInput } from './baselines.server';
import { mapCensusSheet, type FileProblem, type MappedFile } from './census-csv';
import { combineFiles, type BaselineFigure, type CombineProblem, type NamedFile } from './combine';

// Officers load census tables into a named baseline: every file is read and checked first, and
// the figures are stored all together, with the audit entry, or not at all.

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A problem in one file (or, with file null, in the files together). */
export type UploadProblem =
  | ({ file: string } & FileProblem)
  | { file: string; row: null; column: null; code: 'unreadable' | 'tooLarge'; values?: undefined }
  | ({ file: null; row: null; column: null } & CombineProblem);

export type ReadResult = { ok: true; figures: BaselineFigure[]; sources: Record<string, string> } | { ok: false; problems: UploadProblem[] };

async function wardCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('wards').select('code').execute();
  return new Set(rows.map((r) => r.code));
}

/** Reads and checks census tables, and puts them together into one set of figures. */
export async function readCensusFiles(db: Db, files: readonly UploadedFile[], options: { wardsApproximate: boolean }): Promise<ReadResult> {
  const wards = await wardCodes(db);
  const problems: UploadProblem[] = [];
  const mapped: NamedFile[] = [];
  for (const { name, bytes } of files) {
    if (bytes.byteLength > MAX_IMPORT_BYTES) {
      problems.push({ file: name, row: null, column: null, code: 'tooLarge' });
      continue;
    }
    let file: MappedFile;
    try {
      const result = mapCensusSheet(await readSheet(bytes), wards);
      if (!result.ok) {
        problems.push(...result.problems.map((p) => ({ file: name, ...p })));
        continue;
      }
      file = result.file;
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      problems.push({ file: name, row: null, column: null, code: 'unreadable' });
      continue;
    }
    mapped.push({ name, file });
  }
  if (problems.length > 0) return { ok: false, problems };
  const combined = combineFiles(mapped, options);
  if (!combined.ok) return { ok: false, problems: combined.problems.map((p) => ({ file: null, row: null, column: null, ...p })) };
  return { ok: true, figures: combined.figures, sources: combined.sources };
}

export type StoreResult = { ok: true; id: number } | { ok: false; problems: UploadProblem[] };

/** A new baseline from census tables. */
export async function createBaseline(
  db: Db,
  actor: Actor,
  input: BaselineInput,
  files: readonly UploadedFile[],
  options: { wardsApproximate: boolean },
  now = new Date(),
): Promise<StoreResult> {
  const read = await readCensusFiles(db, files, options);
  if (!read.ok) return read;
  const id = await inTransaction(db, async (trx) => {
    const baselineId = await insertBaseline(trx, { ...input, loadedBy: actor.userId, loadedAt: now.toISOString() });
    await replaceFigures(trx, baselineId, read.figures);
    await recordAudit(
      trx,
      actor,
      {
        action: 'population_baseline.create',
        entityType: 'population_baseline',
        entityId: baselineId,
        summary: `Loaded the population baseline “${input.name}” (${input.kind}) from ${files.map((f) => f.name).join(', ')}`,
        after: { ...input, sources: read.sources, figures: figuresForAudit(read.figures) },
      },
      now,
    );
    return baselineId;
  });
  return { ok: true, id };
}

/** More census tables into a baseline: the dimensions they hold replace the ones it had. */
export async function addFilesToBaseline(
  db: Db,
  actor: Actor,
  baselineId: number,
  files: readonly UploadedFile[],
  options: { wardsApproximate: boolean },
  now = new Date(),
): Promise<StoreResult> {
  const read = await readCensusFiles(db, files, options);
  if (!read.ok) return read;
  await inTransaction(db, async (trx) => {
    const baseline = await findBaseline(trx, baselineId);
    if (!baseline) throw new Error(`No population baseline ${baselineId}`);
    const replaced = new Set(read.figures.map((f) => f.dimension));
    const before = (await readFigures(trx, baselineId)).filter((f) => replaced.has(f.dimension));
    await replaceFigures(trx, baselineId, read.figures);
    await recordAudit(
      trx,
      actor,
      {
        action: 'population_baseline.upload',
        entityType: 'population_baseline',
        entityId: baselineId,
        summary: `Loaded ${files.map((f) => f.name).join(', ')} into the population baseline “${baseline.name}”`,
        before: { figures: figuresForAudit(before) },
        after: { sources: read.sources, figures: figuresForAudit(read.figures) },
      },
      now,
    );
  });
  return { ok: true, id: baselineId };
}

/** Deletes a baseline and its figures, keeping them in the audit log. */
export async function removeBaseline(db: Db, actor: Actor, baselineId: number, now = new Date()): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const outcome = await auditedChange(
      trx,
      actor,
      {
        find: (t) => findBaseline(t, baselineId),
        missing: { ok: false },
        change: async (t) => {
          const figures = await readFigures(t, baselineId);
          await deleteBaseline(t, baselineId);
          return figures;
        },
        audit: (baseline, figures) => ({
          action: 'population_baseline.delete',
          entityType: 'population_baseline',
          entityId: baselineId,
          summary: `Deleted the population baseline “${baseline.name}”`,
          before: { name: baseline.name, kind: baseline.kind, source: baseline.source, notes: baseline.notes, figures: figuresForAudit(figures) },
        }),
      },
      now,
    );
    return outcome.ok;
  });
}
