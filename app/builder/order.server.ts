import type { Db } from '#db/connection';

export type Direction = 'up' | 'down';

/** Moving up or down swaps a row's position with its neighbour's. */
export async function swapPositions(trx: Db, table: 'sections' | 'questions' | 'options', a: { id: number; position: number }, b: { id: number; position: number }) {
  await trx.updateTable(table).set({ position: b.position }).where('id', '=', a.id).execute();
  await trx.updateTable(table).set({ position: a.position }).where('id', '=', b.id).execute();
}
