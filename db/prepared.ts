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

type Slot = { path: string } | { fixed: unknown };

interface Template {
  compiled: CompiledQuery;
  slots: Slot[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const isRows = (value: unknown): value is Record<string, unknown>[] => Array.isArray(value) && value.length > 0 && value.every(isRecord);

/**
 * The values' leaves by path ("rows.3.value_text"), and their shape. Plain objects and arrays of
 * them are walked; anything else is a leaf, bound as it is. Undefined is left out, as Kysely leaves it.
 */
function leavesOf(value: Record<string, unknown> | Record<string, unknown>[], prefix: string, leaves: Map<string, unknown>): string {
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  let shape = Array.isArray(value) ? '[' : '{';
  for (const [key, v] of entries) {
    if (v === undefined) continue;
    const path = `${prefix}${key}`;
    if (isRecord(v) || isRows(v)) shape += `${key}:${leavesOf(v, `${path}.`, leaves)},`;
    else {
      shape += `${key},`;
      leaves.set(path, v);
    }
  }
  return shape + (Array.isArray(value) ? ']' : '}');
}

/** The same structure with each leaf replaced by its placeholder. */
function withPlaceholders<T>(value: T, prefix: string): T {
  if (Array.isArray(value)) return value.map((v, i) => withPlaceholders(v, `${prefix}${i}.`)) as T;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([key, v]) => [key, isRecord(v) || isRows(v) ? withPlaceholders(v, `${prefix}${key}.`) : `${PLACEHOLDER}${prefix}${key}`]),
  ) as T;
}

/**
 * `build` makes the query from `values`, using each leaf as a value only (bound as it is: no
 * arithmetic, no string methods, no choosing by it), since it is called once per shape with
 * placeholders in their place. A leaf not bound where the call's value goes is a mistake, found
 * the first time that shape is prepared.
 */
export function prepared<V extends Record<string, unknown>, R>(build: (db: Db | Trx, values: V) => Compilable<R>) {
  const templates = new Map<string, Template>();

  const templateFor = (db: Db | Trx, values: V, shape: string, leaves: Map<string, unknown>): Template => {
    const key = `${isPostgres(db) ? 'pg' : 'sqlite'}:${shape}`;
    let template = templates.get(key);
    if (template) return template;
    const compiled = build(db, withPlaceholders(values, '')).compile();
    const slots = compiled.parameters.map((p): Slot =>
      typeof p === 'string' && p.startsWith(PLACEHOLDER) ? { path: p.slice(PLACEHOLDER.length) } : { fixed: p },
    );
    const bound = new Set(slots.flatMap((s) => ('path' in s ? [s.path] : [])));
    const unbound = [...leaves.keys()].filter((path) => !bound.has(path));
    if (unbound.length > 0) throw new Error(`Prepared query: ${unbound.join(', ')} not bound as values`);
    if (templates.size >= MAX_SHAPES) templates.clear();
    templates.set(key, (template = { compiled, slots }));
    return template;
  };

  return async (db: Db | Trx, values: V): Promise<QueryResult<R>> => {
    const leaves = new Map<string, unknown>();
    const shape = leavesOf(values, '', leaves);
    const { compiled, slots } = templateFor(db, values, shape, leaves);
    const parameters = slots.map((s) => ('path' in s ? leaves.get(s.path) : s.fixed));
    return db.executeQuery<R>({ query: compiled.query, queryId: createQueryId(), sql: compiled.sql, parameters });
  };
}
