import { inTransaction, type Db } from '#db/connection';
import type { NewAnswer, ResponseStatus } from '#db/schema';
import { chance, int, pick, shuffle, type Random } from '#db/seed/random';
import { LOCALES } from '~/platform/i18n/config';
import { CHANNELS, RESPONDENT_GROUPS } from '~/responses/codes';
import { ABOUT_YOU_FIELDS, PREFER_NOT, WARD_UNKNOWN } from '~/responses/demographics';
import type { StoredResponse as AnnouncedResponse } from '~/responses/changes.server';
import { insertResponse } from '~/responses/submit.server';

// Test support: random responses stored the way storeResponse stores them, with the awkward
// cases the demo seed rarely makes (nothing stated, "prefer not to say", a ward and a channel no
// vocabulary knows, questions skipped), to append to an index and to the database alike.

type Answer = Omit<NewAnswer, 'response_id'>;
export type StoredResponse = Omit<AnnouncedResponse, 'answers'> & { answers: Answer[] };

interface QuestionRow {
  id: number;
  kind: string;
  rank_count: number | null;
  rating_max: number | null;
  options: number[];
}

async function questionsOf(db: Db, consultationId: number): Promise<QuestionRow[]> {
  const questions = await db.selectFrom('questions').select(['id', 'kind', 'rank_count', 'rating_max']).where('consultation_id', '=', consultationId).execute();
  const options = await db
    .selectFrom('options')
    .select(['id', 'question_id'])
    .where('question_id', 'in', [0, ...questions.map((q) => q.id)])
    .execute();
  return questions.map((q) => ({ ...q, options: options.filter((o) => o.question_id === q.id).map((o) => o.id) }));
}

function answersTo(random: Random, q: QuestionRow): Answer[] {
  const base = { question_id: q.id, option_id: null, rank: null, value_number: null, value_text: null };
  if (chance(random, 0.15)) return [];
  switch (q.kind) {
    case 'multiple_choice':
      return shuffle(random, q.options)
        .slice(0, int(random, 1, Math.min(5, q.options.length)))
        .map((id) => ({ ...base, option_id: id }));
    case 'ranking':
      return shuffle(random, q.options)
        .slice(0, int(random, 1, q.rank_count ?? q.options.length))
        .map((id, i) => ({ ...base, option_id: id, rank: i + 1 }));
    case 'rating':
      return [{ ...base, value_number: int(random, 1, q.rating_max ?? 5) }];
    case 'short_text':
    case 'long_text':
      return [{ ...base, value_text: 'Some words' }];
    default:
      return [{ ...base, option_id: pick(random, q.options) }];
  }
}

function about(random: Random, values: readonly string[]): string | null {
  if (chance(random, 0.15)) return null;
  return chance(random, 0.1) ? PREFER_NOT : pick(random, values);
}

/** Stores `count` random responses (one transaction each, like storeResponse) and returns them as stored. */
export async function storeRandomResponses(db: Db, consultationId: number, count: number, random: Random): Promise<StoredResponse[]> {
  const questions = await questionsOf(db, consultationId);
  const wards = (await db.selectFrom('wards').select('code').execute()).map((w) => w.code);
  const stored: StoredResponse[] = [];
  for (let i = 0; i < count; i++) {
    const fields = {
      age_band: about(random, ABOUT_YOU_FIELDS.age_band),
      sex: about(random, ABOUT_YOU_FIELDS.sex),
      ethnicity: about(random, ABOUT_YOU_FIELDS.ethnicity),
      disability: about(random, ABOUT_YOU_FIELDS.disability),
      carer: about(random, ABOUT_YOU_FIELDS.carer),
      ward_code: chance(random, 0.1) ? null : chance(random, 0.05) ? pick(random, [WARD_UNKNOWN, 'E05999999']) : pick(random, wards),
      respondent_group: pick(random, RESPONDENT_GROUPS),
    };
    const channel = chance(random, 0.02) ? 'carrier_pigeon' : pick(random, CHANNELS);
    const locale = pick(random, LOCALES);
    const answers = questions.flatMap((q) => answersTo(random, q));
    const meta = { idempotencyKey: `random-${consultationId}-${Date.now()}-${i}-${random()}`, locale, now: new Date() };
    const { id } = await inTransaction(db, (trx) =>
      insertResponse(trx, { consultationId, fields, answers }, { ...meta, channel: channel as (typeof CHANNELS)[number] }),
    );
    stored.push({ id, ...fields, channel, locale, answers });
  }
  return stored;
}

/** Marks `count` random responses of the consultation with a random status (counted included: a restore). */
export async function changeRandomStatuses(db: Db, consultationId: number, count: number, random: Random) {
  const ids = (await db.selectFrom('responses').select('id').where('consultation_id', '=', consultationId).execute()).map((r) => r.id);
  const changes: { id: number; status: ResponseStatus }[] = [];
  for (let i = 0; i < count && ids.length > 0; i++) {
    const change = { id: pick(random, ids), status: pick(random, ['spam', 'duplicate', 'test', 'counted'] as const) };
    await db.updateTable('responses').set({ status: change.status }).where('id', '=', change.id).execute();
    changes.push(change);
  }
  return changes;
}
