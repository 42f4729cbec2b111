import { createQueryId, type Compilable, type CompiledQuery, type QueryResult } from 'kysely';
import { isPostgres } from './bulk';
import type { Db, Trx } from './connection';

// Kysely builds a query's tree and compiles its SQL on every call: for the few writes of a
// submission, about as much time as SQLite takes to run them. A prepared query is built and
// compiled once per database kind and shape of its values (which keys, how many rows), with
// placeholders in place of the values; each call then only puts its values in. The SQL is the
// same every time, so the statement is too.

const PLACEHOLDER = '\u0000prepared:';

/** Past this many shapes a query starts again (a shape is made from what a request sends). */
const MAX_SHAPES = 200;

/** A compiled parameter: the index of one of the call's values, or a value fixed in the query. */
type Slot = number | { fixed: unknown };

interface Template {
  compiled: CompiledQuery;
  slots: Slot[];
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
/** Plain objects and arrays of them (rows) are walked; anything else is one value, bound as it is. */
const isWalked = (value: unknown): value is Record<string, unknown> | Record<string, unknown>[] =>
  Array.isArray(value) ? value.length > 0 && isPlain(value[0]) : isPlain(value);

/**
 * The values in the order they are met (into `leaves`), and their shape: which keys, how many
 * rows. Undefined is left out, as Kysely leaves it.
 */
function flatten(value: Record<string, unknown> | Record<string, unknown>[], leaves: unknown[]): string {
  if (Array.isArray(value)) {
    let shape = '[';
    for (const row of value) shape += `${flatten(row, leaves)},`;
    return `${shape}]`;
  }
  let shape = '{';
  for (const key in value) {
    const v = value[key];
    if (v === undefined) continue;
    if (isWalked(v)) shape += `${key}:${flatten(v, leaves)},`;
    else {
      shape += `${key},`;
      leaves.push(v);
    }
  }
  return `${shape}}`;
}

/** The same structure with each value replaced by a placeholder naming its place in that order. */
function withPlaceholders<T>(value: T, next: { index: number }): T {
  if (Array.isArray(value)) return value.map((row: unknown) => withPlaceholders(row, next)) as T;
  const copy: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    copy[key] = isWalked(v) ? withPlaceholders(v, next) : `${PLACEHOLDER}${next.index++}`;
  }
  return copy as T;
}

/**
 * `build` makes the query from `values`, using each leaf as a value only (bound as it is: no
 * arithmetic, no string methods, no choosing by it), since it is called once per shape with
 * placeholders in their place. A leaf not bound where the call's value goes is a mistake, found
 * the first time that shape is prepared.
 */
export function prepared<V extends Record<string, unknown>, R>(build: (db: Db | Trx, values: V) => Compilable<R>) {
  const templates = new Map<string, Template>();

  const templateFor = (db: Db | Trx, values: V, shape: string, count: number): Template => {
    const key = `${isPostgres(db) ? 'pg' : 'sqlite'}:${shape}`;
    let template = templates.get(key);
    if (template) return template;
    const compiled = build(db, withPlaceholders(values, { index: 0 })).compile();
    const slots = compiled.parameters.map((p): Slot =>
      typeof p === 'string' && p.startsWith(PLACEHOLDER) ? Number(p.slice(PLACEHOLDER.length)) : { fixed: p },
    );
    const bound = new Set(slots.filter((s) => typeof s === 'number'));
    if (bound.size < count) throw new Error(`Prepared query: ${count - bound.size} of its values not bound as values`);
    if (templates.size >= MAX_SHAPES) templates.clear();
    templates.set(key, (template = { compiled, slots }));
    return template;
  };

  return async (db: Db | Trx, values: V): Promise<QueryResult<R>> => {
    const leaves: unknown[] = [];
    const shape = flatten(values, leaves);
    const { compiled, slots } = templateFor(db, values, shape, leaves.length);
    const parameters = slots.map((s) => (typeof s === 'number' ? leaves[s] : s.fixed));
    return db.executeQuery<R>({ query: compiled.query, queryId: createQueryId(), sql: compiled.sql, parameters });
  };
}
