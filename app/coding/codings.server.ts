import { inTransaction, type Db } from '#db/connection';
import { recordAudit, type Actor } from '~/platform/audit.server';

// Who coded which answer with which themes, and when. One coding per answer per coder: coding
// again replaces that coder's own themes for the answer (the audit log keeps what they were).
// Several coders may code the same answer (a double-coding sample, or a second look); the one
// that counts in the summaries is the most recent (countingCoding, in analysis/coded-themes.server.ts,
// where the summaries count them).

export interface Coding {
  answerId: number;
  coderId: number;
  coderName: string;
  codedAt: string;
  themeIds: number[];
}

/** Every coding of the given answers, most recent first within each answer. */
export async function listCodings(db: Db, answerIds: readonly number[]): Promise<Map<number, Coding[]>> {
  const byAnswer = new Map<number, Coding[]>();
  if (answerIds.length === 0) return byAnswer;
  const rows = await db
    .selectFrom('codings as c')
    .innerJoin('users as u', 'u.id', 'c.coder_id')
    .leftJoin('coding_themes as ct', (join) => join.onRef('ct.answer_id', '=', 'c.answer_id').onRef('ct.coder_id', '=', 'c.coder_id'))
    .select(['c.answer_id', 'c.coder_id', 'c.coded_at', 'u.name', 'u.email', 'ct.theme_id'])
    .where('c.answer_id', 'in', [...answerIds])
    .execute();
  const codings = new Map<string, Coding>();
  for (const r of rows) {
    const id = `${r.answer_id}:${r.coder_id}`;
    let coding = codings.get(id);
    if (!coding) codings.set(id, (coding = { answerId: r.answer_id, coderId: r.coder_id, coderName: r.name || r.email, codedAt: r.coded_at, themeIds: [] }));
    if (r.theme_id !== null) coding.themeIds.push(r.theme_id);
  }
  for (const coding of codings.values()) {
    coding.themeIds.sort((a, b) => a - b);
    const list = byAnswer.get(coding.answerId);
    if (list) list.push(coding);
    else byAnswer.set(coding.answerId, [coding]);
  }
  for (const list of byAnswer.values()) list.sort((a, b) => (a.codedAt === b.codedAt ? b.coderId - a.coderId : a.codedAt < b.codedAt ? 1 : -1));
  return byAnswer;
}

export interface SaveCoding {
  consultationId: number;
  questionId: number;
  answerId: number;
  coderId: number;
  /** Themes of this consultation's codebook; none at all is "no theme fits". */
  themeIds: readonly number[];
}

export type SaveOutcome = { ok: true } | { ok: false; error: 'coding:unknownTheme' };

/** Stores (or replaces) one coder's coding of one answer, in one transaction with its audit entry. */
export function saveCoding(db: Db, actor: Actor, input: SaveCoding, now = new Date()): Promise<SaveOutcome> {
  return inTransaction(db, async (trx) => {
    const themeIds = [...new Set(input.themeIds)].sort((a, b) => a - b);
    const themes = themeIds.length
      ? await trx.selectFrom('codebook_themes').select(['id', 'name']).where('consultation_id', '=', input.consultationId).where('id', 'in', themeIds).execute()
      : [];
    if (themes.length !== themeIds.length) return { ok: false, error: 'coding:unknownTheme' };
    const before = (await listCodings(trx, [input.answerId])).get(input.answerId)?.find((c) => c.coderId === input.coderId);
    // Deleting the coding takes its themes with it (foreign key on delete cascade).
    await trx.deleteFrom('coding_themes').where('answer_id', '=', input.answerId).where('coder_id', '=', input.coderId).execute();
    await trx.deleteFrom('codings').where('answer_id', '=', input.answerId).where('coder_id', '=', input.coderId).execute();
    await trx
      .insertInto('codings')
      .values({
        answer_id: input.answerId,
        coder_id: input.coderId,
        consultation_id: input.consultationId,
        question_id: input.questionId,
        coded_at: now.toISOString(),
      })
      .execute();
    if (themeIds.length)
      await trx
        .insertInto('coding_themes')
        .values(themeIds.map((theme_id) => ({ answer_id: input.answerId, coder_id: input.coderId, theme_id })))
        .execute();
    const names = themes.map((t) => t.name);
    await recordAudit(
      trx,
      actor,
      {
        action: 'coding.save',
        entityType: 'answer',
        entityId: input.answerId,
        consultationId: input.consultationId,
        summary: names.length ? `Coded an answer as ${names.map((n) => `"${n}"`).join(', ')}` : 'Coded an answer as fitting no theme',
        before: before ? { themeIds: before.themeIds, codedAt: before.codedAt } : undefined,
        after: { themeIds },
      },
      now,
    );
    return { ok: true };
  });
}
