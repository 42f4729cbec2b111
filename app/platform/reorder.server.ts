import type { Trx } from '#db/connection';
import { recordAudit, type Actor, type AuditEntry } from './audit.server';

// Moving a theme, priority, section, question, option, young people's question or codebook theme up or down:
// the one place that decides the new order and stores it.

export type Direction = 'up' | 'down';

type Ordered = 'themes' | 'priorities' | 'sections' | 'questions' | 'options' | 'youth_items' | 'codebook_themes';

export interface Placed {
  id: number;
  position: number;
}

export type Move<T> = { row: T; before: number; after: number } | 'missing' | 'edge';

/**
 * Swaps a row with its neighbour among `rows` (its siblings, already in order) and stores the new
 * order. The positions the rows had are reused, made strictly increasing, so ties left by older
 * data are resolved and rows outside the list keep their place. 'missing' when the row is not
 * among them, 'edge' when it is already first (or last) and nothing changes.
 */
export async function moveAmong<T extends Placed>(trx: Trx, table: Ordered, rows: T[], id: number, direction: Direction): Promise<Move<T>> {
  const index = rows.findIndex((r) => r.id === id);
  const row = rows[index];
  if (!row) return 'missing';
  const otherIndex = direction === 'up' ? index - 1 : index + 1;
  const other = rows[otherIndex];
  if (!other) return 'edge';
  const order = [...rows];
  order[index] = other;
  order[otherIndex] = row;
  let previous = -Infinity;
  const positions = rows.map((r) => (previous = Math.max(r.position, previous + 1)));
  for (const [i, r] of order.entries()) {
    const position = positions[i]!;
    if (r.position !== position) await trx.updateTable(table).set({ position }).where('id', '=', r.id).execute();
  }
  return { row, before: row.position, after: positions[otherIndex]! };
}

/**
 * The shape of every move: `moveAmong`, then, when the row moved, its audit entry with the
 * positions before and after, in the same transaction. A move at either end changes nothing and
 * records nothing; what the caller answers then is its own (refused, or fine as it is).
 */
export async function moveRecorded<T extends Placed>(
  trx: Trx,
  actor: Actor,
  move: { table: Ordered; rows: T[]; id: number; direction: Direction; audit: (row: T) => Omit<AuditEntry, 'before' | 'after'> },
  now = new Date(),
): Promise<Move<T>> {
  const moved = await moveAmong(trx, move.table, move.rows, move.id, move.direction);
  if (typeof moved !== 'string') {
    await recordAudit(trx, actor, { ...move.audit(moved.row), before: { position: moved.before }, after: { position: moved.after } }, now);
  }
  return moved;
}
