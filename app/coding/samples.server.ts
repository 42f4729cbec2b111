import { inTransaction, type Db } from '#db/connection';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { agreementByPair, type CoderPair } from './agreement-report';
import { codableAnswers } from './answers.server';
import { SAMPLE_MIN, type SamplePool } from './sample-rules';
import { chooseSample } from './sampling';

// Double-coding samples: a fixed set of answers to one question that two or more officers code
// on their own, so their agreement can be measured (agreement-report.ts). The answers are
// chosen at random but reproducibly: each eligible answer is ranked by a hash of the sample's
// id and the answer's id, and the first N are taken, so the same sample always holds the same
// answers and every answer is equally likely to be in it.

export interface NewSample {
  consultationId: number;
  questionId: number;
  name: string;
  size: number;
  pool: SamplePool;
}

export type SampleOutcome = { ok: true; id: number; size: number } | { ok: false; error: 'coding:sampleEmpty' };

export function createSample(db: Db, actor: Actor, input: NewSample, now = new Date()): Promise<SampleOutcome> {
  return inTransaction(db, async (trx) => {
    let eligible = codableAnswers(trx, input.questionId).select('answers.id');
    if (input.pool === 'uncoded')
      eligible = eligible.where((eb) => eb.not(eb.exists(eb.selectFrom('codings as c').select('c.answer_id').whereRef('c.answer_id', '=', 'answers.id'))));
    const ids = (await eligible.orderBy('answers.id').execute()).map((r) => r.id);
    if (ids.length < SAMPLE_MIN) return { ok: false, error: 'coding:sampleEmpty' };
    const { id } = await trx
      .insertInto('coding_samples')
      .values({
        consultation_id: input.consultationId,
        question_id: input.questionId,
        name: input.name,
        created_by: actor.userId,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const chosen = chooseSample(id, ids, input.size);
    // Chunks keep each statement within every database's limit on bound parameters.
    for (let i = 0; i < chosen.length; i += 400) {
      await trx
        .insertInto('coding_sample_answers')
        .values(chosen.slice(i, i + 400).map((answer_id) => ({ sample_id: id, answer_id })))
        .execute();
    }
    await recordAudit(
      trx,
      actor,
      {
        action: 'coding_sample.create',
        entityType: 'coding_sample',
        entityId: id,
        consultationId: input.consultationId,
        summary: `Made the double-coding sample "${input.name}" of ${chosen.length} answers`,
        after: { ...input, answers: chosen.length },
      },
      now,
    );
    return { ok: true, id, size: chosen.length };
  });
}

export interface SampleRow {
  id: number;
  name: string;
  questionId: number;
  createdAt: string;
  createdBy: string | null;
  answers: number;
}

function samplesQuery(db: Db, consultationId: number) {
  return db
    .selectFrom('coding_samples as s')
    .leftJoin('users as u', 'u.id', 's.created_by')
    .select((eb) => [
      's.id',
      's.name',
      's.question_id as questionId',
      's.created_at as createdAt',
      'u.name as creatorName',
      'u.email as creatorEmail',
      eb
        .selectFrom('coding_sample_answers as sa')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('sa.sample_id', '=', 's.id')
        .as('answers'),
    ])
    .where('s.consultation_id', '=', consultationId);
}

function toRow(r: {
  id: number;
  name: string;
  questionId: number;
  createdAt: string;
  creatorName: string | null;
  creatorEmail: string | null;
  answers: number | null;
}): SampleRow {
  return {
    id: r.id,
    name: r.name,
    questionId: r.questionId,
    createdAt: r.createdAt,
    createdBy: r.creatorName || r.creatorEmail,
    answers: Number(r.answers ?? 0),
  };
}

export async function listSamples(db: Db, consultationId: number): Promise<SampleRow[]> {
  return (await samplesQuery(db, consultationId).orderBy('s.id', 'desc').execute()).map(toRow);
}

export async function findSample(db: Db, consultationId: number, sampleId: number): Promise<SampleRow | undefined> {
  const row = await samplesQuery(db, consultationId).where('s.id', '=', sampleId).executeTakeFirst();
  return row && toRow(row);
}

/** The sample's answers in the order they arrived. */
export async function sampleAnswerIds(db: Db, sampleId: number): Promise<number[]> {
  const rows = await db.selectFrom('coding_sample_answers').select('answer_id').where('sample_id', '=', sampleId).orderBy('answer_id').execute();
  return rows.map((r) => r.answer_id);
}

export interface SampleReport {
  coders: { id: number; name: string; coded: number }[];
  pairs: CoderPair[];
}

/** Who has coded how much of the sample, and every pair of coders' agreement. */
export async function sampleReport(db: Db, sampleId: number, themeIds: readonly number[]): Promise<SampleReport> {
  const rows = await db
    .selectFrom('coding_sample_answers as sa')
    .innerJoin('codings as c', 'c.answer_id', 'sa.answer_id')
    .innerJoin('users as u', 'u.id', 'c.coder_id')
    .leftJoin('coding_themes as ct', (join) => join.onRef('ct.answer_id', '=', 'c.answer_id').onRef('ct.coder_id', '=', 'c.coder_id'))
    .select(['c.answer_id', 'c.coder_id', 'u.name', 'u.email', 'ct.theme_id'])
    .where('sa.sample_id', '=', sampleId)
    .execute();
  const codings = new Map<string, { answerId: number; coderId: number; themeIds: number[] }>();
  const coders = new Map<number, { id: number; name: string; answers: Set<number> }>();
  for (const r of rows) {
    const key = `${r.answer_id}:${r.coder_id}`;
    let coding = codings.get(key);
    if (!coding) codings.set(key, (coding = { answerId: r.answer_id, coderId: r.coder_id, themeIds: [] }));
    if (r.theme_id !== null) coding.themeIds.push(r.theme_id);
    let coder = coders.get(r.coder_id);
    if (!coder) coders.set(r.coder_id, (coder = { id: r.coder_id, name: r.name || r.email, answers: new Set() }));
    coder.answers.add(r.answer_id);
  }
  return {
    coders: [...coders.values()].sort((a, b) => a.id - b.id).map((c) => ({ id: c.id, name: c.name, coded: c.answers.size })),
    pairs: agreementByPair([...codings.values()], themeIds),
  };
}
