import type { Db } from '../db/connection';
import type { ShowIf } from '../app/consultations/routing';
import { createConsultation } from './factories';

// A consultation with every kind of route, for the route tests (unit and e2e): a section shown
// only to people who run a business, an option that skips a section, a question shown only when
// two earlier answers both match, and an answer that ends the survey at its exit page.
//
//   1 start       live (yes/no, required; "no" ends the survey), business (yes/no, required)
//   2 business    shown if business = yes: size (single, required)
//   3 covid       covid (single, required; "not_affected" goes straight to section 5)
//   4 covid_more  how (long text, required); help (yes/no) only if business = yes and covid = affected
//   5 views       views (long text)

export const EXIT_TEXT = 'This consultation is for people who live in Stockport.';

const rule = (match: ShowIf['match'], ...conditions: [string, ...string[]][]): string =>
  JSON.stringify({ match, conditions: conditions.map(([question, ...options]) => ({ question, options })) });

export async function createRoutedConsultation(db: Db, slug: string, askAboutYou = false): Promise<number> {
  const id = await createConsultation(db, {
    slug,
    askAboutYou,
    sections: [
      {
        key: 'start',
        title: 'Where you are',
        questions: [
          { key: 'live', kind: 'yes_no', required: true, text: 'Do you live in Stockport?' },
          { key: 'business', kind: 'yes_no', required: true, text: 'Do you run a business?' },
        ],
      },
      {
        key: 'biz',
        title: 'Your business',
        questions: [{ key: 'size', kind: 'single_choice', required: true, options: ['small', 'large'], text: 'How big is it?' }],
      },
      {
        key: 'covid',
        title: 'Covid',
        questions: [{ key: 'covid', kind: 'single_choice', required: true, options: ['affected', 'not_affected'], text: 'Were you affected by Covid?' }],
      },
      {
        key: 'covid_more',
        title: 'Covid’s effects',
        questions: [
          { key: 'how', kind: 'long_text', required: true, text: 'How were you affected?' },
          { key: 'help', kind: 'yes_no', text: 'Did your business get help?' },
        ],
      },
      { key: 'views', title: 'Your views', questions: [{ key: 'views', kind: 'long_text', text: 'Anything else?' }] },
    ],
  });
  const questionId = async (key: string) =>
    (await db.selectFrom('questions').select('id').where('consultation_id', '=', id).where('key', '=', key).executeTakeFirstOrThrow()).id;
  await db
    .updateTable('sections')
    .set({ show_if: rule('all', ['business', 'yes']) })
    .where('consultation_id', '=', id)
    .where('key', '=', 'biz')
    .execute();
  await db
    .updateTable('questions')
    .set({ show_if: rule('all', ['business', 'yes'], ['covid', 'affected']) })
    .where('id', '=', await questionId('help'))
    .execute();
  await db
    .updateTable('questions')
    .set({ exit_text: EXIT_TEXT })
    .where('id', '=', await questionId('live'))
    .execute();
  await db
    .updateTable('options')
    .set({ goes_to: 'exit' })
    .where('question_id', '=', await questionId('live'))
    .where('key', '=', 'no')
    .execute();
  await db
    .updateTable('options')
    .set({ goes_to: 'views' })
    .where('question_id', '=', await questionId('covid'))
    .where('key', '=', 'not_affected')
    .execute();
  return id;
}
