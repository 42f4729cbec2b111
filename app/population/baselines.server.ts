import type { Db, Trx } from '#db/connection';
import type { BaselineKind } from '#db/schema';
import { APPROXIMATIONS, CATEGORY_VALUES, POPULATION_DIMENSIONS, type Approximation, type PopulationDimension } from './census-labels';
import type { BaselineFigure } from './combine';

// Population baselines and their figures: plain queries, the transaction opened by the caller.

export interface BaselineRow {
  id: number;
  name: string;
  kind: BaselineKind;
  source: string;
  notes: string;
  loadedAt: string;
  loadedBy: string | null;
}

export interface BaselineInput {
  name: string;
  kind: BaselineKind;
  source: string;
  notes: string;
}

const baselineColumns = [
  'population_baselines.id',
  'population_baselines.name',
  'population_baselines.kind',
  'population_baselines.source',
  'population_baselines.notes',
  'population_baselines.loaded_at',
  'users.name as user_name',
  'users.email as user_email',
] as const;

function toRow(r: {
  id: number;
  name: string;
  kind: BaselineKind;
  source: string;
  notes: string;
  loaded_at: string;
  user_name: string | null;
  user_email: string | null;
}): BaselineRow {
  return { id: r.id, name: r.name, kind: r.kind, source: r.source, notes: r.notes, loadedAt: r.loaded_at, loadedBy: r.user_name || r.user_email };
}

/** Every baseline, the newest first. */
export async function listBaselines(db: Db): Promise<BaselineRow[]> {
  const rows = await db
    .selectFrom('population_baselines')
    .leftJoin('users', 'users.id', 'population_baselines.loaded_by')
    .select(baselineColumns)
    .orderBy('population_baselines.loaded_at', 'desc')
    .orderBy('population_baselines.id', 'desc')
    .execute();
  return rows.map(toRow);
}

export async function findBaseline(db: Db, id: number): Promise<BaselineRow | undefined> {
  const row = await db
    .selectFrom('population_baselines')
    .leftJoin('users', 'users.id', 'population_baselines.loaded_by')
    .select(baselineColumns)
    .where('population_baselines.id', '=', id)
    .executeTakeFirst();
  return row && toRow(row);
}

const isDimension = (d: string): d is PopulationDimension => (POPULATION_DIMENSIONS as readonly string[]).includes(d);
const isApproximation = (a: string | null): a is Approximation => a !== null && (APPROXIMATIONS as readonly string[]).includes(a);

/** A baseline's figures, dimension by dimension in our order, values in the order they were loaded. */
export async function readFigures(db: Db, baselineId: number): Promise<BaselineFigure[]> {
  const rows = await db
    .selectFrom('population_figures')
    .select(['dimension', 'value', 'count', 'approximation'])
    .where('baseline_id', '=', baselineId)
    .execute();
  const figures = rows.flatMap((r): BaselineFigure[] =>
    isDimension(r.dimension)
      ? [{ dimension: r.dimension, value: r.value, count: Number(r.count), approximation: isApproximation(r.approximation) ? r.approximation : null }]
      : [],
  );
  // Our order: the dimensions as listed, each one's groups as the vocabulary has them.
  const rank = (f: BaselineFigure) => {
    const values: readonly string[] = f.dimension === 'ward' ? [] : CATEGORY_VALUES[f.dimension];
    const at = values.indexOf(f.value);
    return [POPULATION_DIMENSIONS.indexOf(f.dimension), at < 0 ? values.length : at] as const;
  };
  return figures.sort((a, b) => {
    const [da, va] = rank(a);
    const [db, vb] = rank(b);
    return da - db || va - vb || a.value.localeCompare(b.value);
  });
}

/** How many people each dimension of each baseline counts, for the list of baselines. */
export async function totalsByDimension(db: Db): Promise<Map<number, Partial<Record<PopulationDimension, number>>>> {
  const rows = await db
    .selectFrom('population_figures')
    .select(['baseline_id', 'dimension', (eb) => eb.fn.sum<number>('count').as('total')])
    .groupBy(['baseline_id', 'dimension'])
    .execute();
  const totals = new Map<number, Partial<Record<PopulationDimension, number>>>();
  for (const r of rows) {
    if (!isDimension(r.dimension)) continue;
    const entry = totals.get(r.baseline_id) ?? {};
    entry[r.dimension] = Number(r.total);
    totals.set(r.baseline_id, entry);
  }
  return totals;
}

export async function insertBaseline(trx: Trx, input: BaselineInput & { loadedBy: number | null; loadedAt: string }): Promise<number> {
  const { id } = await trx
    .insertInto('population_baselines')
    .values({ name: input.name, kind: input.kind, source: input.source, notes: input.notes, loaded_by: input.loadedBy, loaded_at: input.loadedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Puts in the figures given, replacing whatever the baseline held for the same dimensions. */
export async function replaceFigures(trx: Trx, baselineId: number, figures: readonly BaselineFigure[]): Promise<void> {
  const dimensions = [...new Set(figures.map((f) => f.dimension))];
  if (dimensions.length === 0) return;
  await trx.deleteFrom('population_figures').where('baseline_id', '=', baselineId).where('dimension', 'in', dimensions).execute();
  // A few hundred rows at most; chunks keep every database within its limit on bound parameters.
  for (let i = 0; i < figures.length; i += 100) {
    await trx
      .insertInto('population_figures')
      .values(
        figures
          .slice(i, i + 100)
          .map((f) => ({ baseline_id: baselineId, dimension: f.dimension, value: f.value, count: f.count, approximation: f.approximation })),
      )
      .execute();
  }
}

export async function deleteBaseline(trx: Trx, baselineId: number): Promise<void> {
  await trx.deleteFrom('population_figures').where('baseline_id', '=', baselineId).execute();
  await trx.deleteFrom('population_baselines').where('id', '=', baselineId).execute();
}

/** The figures as the audit log keeps them: per dimension, each group's count. */
export function figuresForAudit(figures: readonly BaselineFigure[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const f of figures) (out[f.dimension] ??= {})[f.value] = f.count;
  return out;
}
