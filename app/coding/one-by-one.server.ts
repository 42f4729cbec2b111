import type { Db } from '#db/connection';
import { answerPlace, nextUncodedAnswer } from './answers.server';
import { sampleAnswerIds } from './samples.server';

// Coding one answer at a time: where this answer stands ("Answer 12 of 3,402"), its neighbours,
// and where "Save and go to the next" leads. In a double-coding sample the answers are the
// sample's, and "next" is the next one this officer has not coded yet.

export interface Place {
  position: number;
  total: number;
  previousId: number | null;
  nextId: number | null;
}

/** The answers of a sample the given coder has coded. */
async function codedBy(db: Db, answerIds: readonly number[], coderId: number): Promise<Set<number>> {
  if (answerIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('codings')
    .select('answer_id')
    .where('coder_id', '=', coderId)
    .where('answer_id', 'in', [...answerIds])
    .execute();
  return new Set(rows.map((r) => r.answer_id));
}

/** The first of `ids` after `current` (then from the start) that is not in `done`. */
function firstNotDone(ids: readonly number[], current: number, done: ReadonlySet<number>): number | null {
  const after = ids.filter((id) => id > current && !done.has(id));
  const before = ids.filter((id) => id < current && !done.has(id));
  return after[0] ?? before[0] ?? null;
}

export async function placeInSample(db: Db, sampleId: number, answerId: number): Promise<Place | null> {
  const ids = await sampleAnswerIds(db, sampleId);
  const i = ids.indexOf(answerId);
  if (i < 0) return null;
  return { position: i + 1, total: ids.length, previousId: ids[i - 1] ?? null, nextId: ids[i + 1] ?? null };
}

export function placeInQuestion(db: Db, questionId: number, answerId: number): Promise<Place> {
  return answerPlace(db, questionId, answerId);
}

/** Where to go after saving: the next answer nobody has coded, or in a sample the next one this coder has not. */
export async function nextToCode(db: Db, questionId: number, answerId: number, sample: { id: number; coderId: number } | null): Promise<number | null> {
  if (!sample) return nextUncodedAnswer(db, questionId, answerId);
  const ids = await sampleAnswerIds(db, sample.id);
  return firstNotDone(ids, answerId, await codedBy(db, ids, sample.coderId));
}

/** The sample's first answer this coder has not coded yet, and how many they have coded. */
export async function sampleStart(db: Db, sampleId: number, coderId: number): Promise<{ firstId: number | null; coded: number; total: number }> {
  const ids = await sampleAnswerIds(db, sampleId);
  const done = await codedBy(db, ids, coderId);
  return { firstId: firstNotDone(ids, 0, done), coded: done.size, total: ids.length };
}
