import type { Db } from '#db/connection';
import type { NewAnswer } from '#db/schema';
import { createConsultation } from '../../tests/factories';
import { storeResponse } from '~/responses/submit.server';

// A consultation with real routing for the "not asked" tests: section "business" is shown only
// to those who said they run one (show_if set in the database, as the builder stores it), so
// everyone else was not asked its questions. Responses go in through storeResponse with the
// questions their route passed by, as the survey flow stores them.

export interface RoutedFixture {
  consultationId: number;
  /** Question ids by key: runs (yes_no), size (single_choice, routed), story (long_text, routed), like (agree_scale). */
  q: Record<'runs' | 'size' | 'story' | 'like', number>;
  options: Record<string, number>;
  store: (who: Person) => Promise<number>;
}

export interface Person {
  runs: 'yes' | 'no';
  /** Only for those who run one; undefined: asked, no answer. */
  size?: 'small' | 'large';
  story?: string;
  like?: 'agree' | 'disagree';
  ward?: string;
}

let sequence = 0;

export async function createRoutedFixture(db: Db): Promise<RoutedFixture> {
  const consultationId = await createConsultation(db, {
    sections: [
      { key: 'about', questions: [{ key: 'runs', kind: 'yes_no' }] },
      {
        key: 'business',
        questions: [
          { key: 'size', kind: 'single_choice', options: ['small', 'large'] },
          { key: 'story', kind: 'long_text' },
        ],
      },
      { key: 'views', questions: [{ key: 'like', kind: 'agree_scale' }] },
    ],
  });
  await db
    .updateTable('sections')
    .set({ show_if: JSON.stringify({ match: 'all', conditions: [{ question: 'runs', options: ['yes'] }] }) })
    .where('consultation_id', '=', consultationId)
    .where('key', '=', 'business')
    .execute();
  const questions = await db.selectFrom('questions').select(['id', 'key']).where('consultation_id', '=', consultationId).execute();
  const q = Object.fromEntries(questions.map((x) => [x.key, x.id])) as RoutedFixture['q'];
  const optionRows = await db
    .selectFrom('options')
    .innerJoin('questions', 'questions.id', 'options.question_id')
    .select(['options.id', 'options.key', 'questions.key as question'])
    .where('questions.consultation_id', '=', consultationId)
    .execute();
  const options = Object.fromEntries(optionRows.map((o) => [`${o.question}.${o.key}`, o.id]));
  const choice = (question: keyof RoutedFixture['q'], key: string): Omit<NewAnswer, 'response_id'> => ({
    question_id: q[question],
    option_id: options[`${question}.${key}`]!,
    rank: null,
    value_number: null,
    value_text: null,
  });

  const store = async (who: Person) => {
    sequence += 1;
    const answers = [choice('runs', who.runs)];
    if (who.size) answers.push(choice('size', who.size));
    if (who.story) answers.push({ question_id: q.story, option_id: null, rank: null, value_number: null, value_text: who.story });
    if (who.like) answers.push(choice('like', who.like));
    const { reference } = await storeResponse(
      db,
      {
        consultationId,
        fields: { respondent_group: 'resident', ward_code: who.ward ?? 'E05000784', age_band: '25_34' },
        answers,
        notAsked: who.runs === 'no' ? [q.size, q.story] : [],
      },
      { idempotencyKey: `routed-${sequence}`, locale: 'en', channel: 'online', draftToken: null, now: new Date() },
    );
    const row = await db.selectFrom('responses').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    return row.id;
  };
  return { consultationId, q, options, store };
}

/**
 * 40 people: 24 run a business (15 small, 6 large, 3 did not say) and 16 do not (not asked the
 * business questions); everyone says whether they agree.
 */
export async function storeCrowd(f: RoutedFixture): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < 24; i++)
    ids.push(
      await f.store({ runs: 'yes', size: i < 15 ? 'small' : i < 21 ? 'large' : undefined, story: i < 12 ? `We sell things ${i}` : undefined, like: 'agree' }),
    );
  for (let i = 0; i < 16; i++) ids.push(await f.store({ runs: 'no', like: i < 10 ? 'agree' : 'disagree' }));
  return ids;
}
