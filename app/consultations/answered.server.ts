import type { Db } from '#db/connection';

// The builder's one question about responses: has anyone answered yet? Asked here, below the
// responses capability, because the rules of what may still change belong to the consultation.

/** True once anyone has answered: from then on questions and options can only be hidden or reworded. */
export async function hasResponses(db: Db, consultationId: number): Promise<boolean> {
  const row = await db.selectFrom('responses').select('id').where('consultation_id', '=', consultationId).limit(1).executeTakeFirst();
  return row !== undefined;
}
