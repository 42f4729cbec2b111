import { suggestThemes } from '../../app/coding/suggest';
import { textLanguageOf } from '../../app/coding/text';
import type { Db } from '../connection';

// The parks consultation's results are published, so its answers in words are coded, as a
// finished piece of officer work looks: every answer to "anything else about parks?" in a
// counted response is coded with the themes the app's own suggestions give for it (the
// codebook's keywords, codebook.ts). An answer no keyword finds is coded "no theme fits" (a
// coding with no themes), which is what an officer who read it would record. Answers are read in
// id order and the generated text is deterministic, so the same seed always codes the same way.
// Other consultations are left uncoded: officers (and the e2e tests) code those from zero.

const CONSULTATION = 'parks-and-green-spaces';
const QUESTION = 'park_comments';
/** Rows per insert, well below SQLite's limit on bound values. */
const BATCH = 200;

/**
 * The account the demo's codings are credited to, since a coding needs a coder. It can never
 * sign in: disabled (sign-in refuses any status but active, and so do sessions and invitation
 * links) and without a password. Its name says what it is wherever a coding shows its coder.
 */
export const DEMO_CODER = {
  email: 'demo-data@heard.invalid',
  name: 'Demo data (coded by the seed)',
  role: 'officer',
  status: 'disabled',
} as const;

/** The demo coder's id, adding the account the first time. */
export async function demoCoder(db: Db, at: string): Promise<number> {
  const found = await db.selectFrom('users').select('id').where('email', '=', DEMO_CODER.email).executeTakeFirst();
  if (found) return found.id;
  const { id } = await db
    .insertInto('users')
    .values({ ...DEMO_CODER, password_hash: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Codes the parks answers in words; returns how many answers were coded. */
export async function seedParksCoding(db: Db): Promise<number> {
  const consultation = await db.selectFrom('consultations').select(['id', 'closes_at']).where('slug', '=', CONSULTATION).executeTakeFirst();
  if (!consultation) return 0;
  const question = await db.selectFrom('questions').select('id').where('consultation_id', '=', consultation.id).where('key', '=', QUESTION).executeTakeFirst();
  if (!question) return 0;
  const themes = await db.selectFrom('codebook_themes').select(['id', 'keywords']).where('consultation_id', '=', consultation.id).orderBy('position').execute();
  if (themes.length === 0) return 0;

  // Coded in the fortnight after the consultation closed, before the results went up.
  if (!consultation.closes_at) return 0;
  const codedAt = new Date(new Date(consultation.closes_at).getTime() + 14 * 86_400_000).toISOString();
  const coderId = await demoCoder(db, codedAt);
  // The answers the coding page lists (codableAnswers in app/coding/answers.server.ts).
  const answers = await db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['answers.id', 'answers.value_text', 'responses.locale'])
    .where('answers.question_id', '=', question.id)
    .where('responses.status', '=', 'counted')
    .where('answers.value_text', 'is not', null)
    .where('answers.value_text', '!=', '')
    .orderBy('answers.id')
    .execute();

  const codings = answers.map((a) => ({
    answerId: a.id,
    themeIds: suggestThemes(a.value_text ?? '', textLanguageOf(a.locale), themes).map((s) => s.themeId),
  }));
  for (let i = 0; i < codings.length; i += BATCH) {
    const batch = codings.slice(i, i + BATCH);
    await db
      .insertInto('codings')
      .values(batch.map((c) => ({ answer_id: c.answerId, coder_id: coderId, consultation_id: consultation.id, question_id: question.id, coded_at: codedAt })))
      .execute();
    const rows = batch.flatMap((c) => c.themeIds.map((theme_id) => ({ answer_id: c.answerId, coder_id: coderId, theme_id })));
    if (rows.length) await db.insertInto('coding_themes').values(rows).execute();
  }
  return codings.length;
}
