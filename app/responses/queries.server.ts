import type { Db } from '#db/connection';
import { isReference } from './reference.server';

export async function hasResponseReference(db: Db, consultationId: number, reference: string): Promise<boolean> {
  if (!isReference(reference)) return false;
  const row = await db.selectFrom('responses').select('id').where('consultation_id', '=', consultationId).where('reference', '=', reference).executeTakeFirst();
  return Boolean(row);
}
