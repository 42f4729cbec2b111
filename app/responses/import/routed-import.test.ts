import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedReference } from '#db/seed/index';
import { createTestDb } from '../../../tests/db';
import { createConsultation } from '../../../tests/factories';
import { findConsultation } from '~/consultations/find.server';
import { COMMAND_LINE } from '~/platform/audit.server';
import { tFor } from '~/platform/i18n/i18n.server';
import { loadIntakeConsultation, type IntakeConsultation } from './consultation.server';
import { importResponses, type ImportResult } from './import.server';
import { problemText } from './messages';

// An imported row follows the route its own answers give (issue 17): an answer to a question
// its earlier answers route past is refused, naming the row, the question and the deciding
// answer; a good row stores the questions it was not asked as not_asked rows, with no answers.

let db: Db;
let destroy: () => Promise<void>;
let intake: IntakeConsultation;
let q: Record<string, number>;
const t = tFor('en', 'intake');

const HEADER = 'channel,submitted_at,q3,q5,q7,q9';

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
  const id = await createConsultation(db, {
    sections: [
      { key: 'start', questions: [{ key: 'q3', kind: 'yes_no' }] },
      { key: 'more', questions: [{ key: 'q5', kind: 'single_choice', options: ['stop', 'go'] }] },
      { key: 'detail', questions: [{ key: 'q7', kind: 'short_text' }] },
      { key: 'end', questions: [{ key: 'q9', kind: 'agree_scale' }] },
    ],
  });
  // "more" only for those who said yes; "stop" at q5 sends them straight to "end".
  await db
    .updateTable('sections')
    .set({ show_if: JSON.stringify({ match: 'all', conditions: [{ question: 'q3', options: ['yes'] }] }) })
    .where('consultation_id', '=', id)
    .where('key', 'in', ['more', 'detail'])
    .execute();
  const rows = await db.selectFrom('questions').select(['id', 'key']).where('consultation_id', '=', id).execute();
  q = Object.fromEntries(rows.map((r) => [r.key, r.id]));
  await db.updateTable('options').set({ goes_to: 'end' }).where('question_id', '=', q.q5!).where('key', '=', 'stop').execute();
  intake = await loadIntakeConsultation(db, (await findConsultation(db, id))!);
});
afterAll(() => destroy());

const csv = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join('\n'));
const run = (bytes: Uint8Array) => importResponses(db, intake, { fileName: 'routed.csv', bytes, actor: COMMAND_LINE });
const messages = (result: ImportResult) => (result.status === 'invalid' ? result.problems.map((p) => problemText(t, p)) : []);

describe('importing a routed survey', () => {
  it('refuses answers the row’s own earlier answers route past, naming the row, the question and the deciding answer', async () => {
    const result = await run(
      csv(
        'paper,2026-03-01,yes,go,fine,agree', // row 2: asked everything
        'paper,2026-03-01,no,,something,agree', // row 3: q3 = no routes past q7
        'paper,2026-03-01,yes,stop,more words,agree', // row 4: q5 = stop goes to the end, past q7
        'paper,2026-03-01,,go,,agree', // row 5: q3 unanswered, so "more" is not shown
      ),
    );
    expect(result.status).toBe('invalid');
    expect(messages(result)).toEqual([
      'Row 3: answers q7, but q3 = no routes past it',
      'Row 4: answers q7, but q5 = stop routes past it',
      'Row 5: answers q5, but q3 is not answered, which routes past it',
    ]);
    expect(await db.selectFrom('responses').select('id').where('consultation_id', '=', intake.consultation.id).execute()).toEqual([]);
  });

  it('stores the questions a good row was not asked as not_asked, and no answers to them', async () => {
    const result = await run(csv('paper,2026-03-01,no,,,agree', 'paper,2026-03-01,yes,stop,,disagree', 'paper,2026-03-01,yes,go,words,agree'));
    expect(result.status).toBe('imported');
    const responses = await db.selectFrom('responses').select('id').where('consultation_id', '=', intake.consultation.id).orderBy('id').execute();
    expect(responses).toHaveLength(3);
    const notAsked = async (responseId: number) =>
      (await db.selectFrom('not_asked').select('question_id').where('response_id', '=', responseId).execute()).map((r) => r.question_id).sort();
    expect(await notAsked(responses[0]!.id)).toEqual([q.q5, q.q7].sort());
    expect(await notAsked(responses[1]!.id)).toEqual([q.q7]);
    expect(await notAsked(responses[2]!.id)).toEqual([]);
    const answered = await db.selectFrom('answers').select('question_id').where('response_id', '=', responses[0]!.id).execute();
    expect(answered.map((a) => a.question_id).sort()).toEqual([q.q3, q.q9].sort());
  });
});
