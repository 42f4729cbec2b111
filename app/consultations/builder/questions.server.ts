import { inTransaction, type Db, type Trx } from '#db/connection';
import type { Question, QuestionKind } from '#db/schema';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { DEFAULT_RATING_MAX, STANDARD_OPTIONS } from '~/consultations/question-kinds';
import { hasResponses } from '~/consultations/answered.server';
import { changeConsultationPart, refuse, touchConsultation, type Result } from '~/consultations/change.server';
import { keyFrom, uniqueKey } from './keys';
import { moveAmong, type Direction } from '~/platform/reorder.server';
import { keepingRouting, refusedByRouting } from './routing.server';

// Questions of every kind the resident form supports. Once anyone has answered, a question's
// meaning (its kind, scale, ranking length) is fixed and it can only be reworded or hidden, with
// a reason in the audit log, so no stored answer loses the question it answered.

/** Kinds whose options the officer writes. */
export const OWN_OPTION_KINDS: readonly QuestionKind[] = ['single_choice', 'multiple_choice', 'ranking'];
export const hasOwnOptions = (kind: QuestionKind) => OWN_OPTION_KINDS.includes(kind);

export interface QuestionInput {
  sectionId: number;
  kind: QuestionKind;
  text: string;
  hint: string;
  required: boolean;
  maxSelections?: number | undefined;
  rankCount?: number | undefined;
  maxLength?: number | undefined;
  ratingMax?: number | undefined;
}

export interface NewQuestionInput extends QuestionInput {
  /** Labels of the options, for the kinds whose options the officer writes. */
  options: string[];
  /** The label of an "Other, please specify" option, if there is one. */
  otherLabel?: string | undefined;
}

/** Only the settings that mean something for the kind; the rest are stored as null. */
function settingsOf(input: QuestionInput) {
  return {
    max_selections: input.kind === 'multiple_choice' ? (input.maxSelections ?? null) : null,
    rank_count: input.kind === 'ranking' ? (input.rankCount ?? null) : null,
    max_length: input.kind === 'short_text' || input.kind === 'long_text' ? (input.maxLength ?? null) : null,
    rating_max: input.kind === 'rating' ? (input.ratingMax ?? DEFAULT_RATING_MAX) : null,
  };
}

function checkSettings(input: QuestionInput, optionCount: number): Result {
  if (!hasOwnOptions(input.kind)) return { ok: true };
  if (optionCount < 2) return { ok: false, error: 'builder:optionsMissing', field: 'options' };
  if (input.maxSelections && input.maxSelections > optionCount)
    return { ok: false, error: `builder:maxSelectionsTooMany|${optionCount}`, field: 'maxSelections' };
  if (input.rankCount && input.rankCount > optionCount) return { ok: false, error: `builder:rankCountTooMany|${optionCount}`, field: 'rankCount' };
  return { ok: true };
}

export function listQuestions(db: Db, consultationId: number): Promise<Question[]> {
  return db.selectFrom('questions').selectAll().where('consultation_id', '=', consultationId).orderBy('position').orderBy('id').execute();
}

export function findQuestion(db: Db, consultationId: number, id: number): Promise<Question | undefined> {
  return db.selectFrom('questions').selectAll().where('consultation_id', '=', consultationId).where('id', '=', id).executeTakeFirst();
}

async function sectionBelongs(db: Db, consultationId: number, sectionId: number) {
  return (
    (await db.selectFrom('sections').select('id').where('id', '=', sectionId).where('consultation_id', '=', consultationId).executeTakeFirst()) !== undefined
  );
}

export function addQuestion(db: Db, actor: Actor, consultationId: number, input: NewQuestionInput, now = new Date()): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (trx) => {
    if (!(await sectionBelongs(trx, consultationId, input.sectionId))) return { ok: false, error: 'builder:sectionMissing', field: 'sectionId' };
    const labels = hasOwnOptions(input.kind) ? input.options.map((l) => l.trim()).filter(Boolean) : [];
    const checked = checkSettings(input, labels.length + (input.otherLabel ? 1 : 0));
    if (!checked.ok) return checked;
    const existing = await listQuestions(trx, consultationId);
    const values = {
      consultation_id: consultationId,
      section_id: input.sectionId,
      key: uniqueKey(
        keyFrom(input.text, '_', 'question'),
        existing.map((q) => q.key),
      ),
      position: Math.max(0, ...existing.map((q) => q.position)) + 1,
      kind: input.kind,
      text: input.text,
      hint: input.hint,
      required: (input.required ? 1 : 0) as 0 | 1,
      ...settingsOf(input),
    };
    const { id } = await trx.insertInto('questions').values(values).returning('id').executeTakeFirstOrThrow();
    const options = optionRows(id, input.kind, labels, input.otherLabel);
    if (options.length) await trx.insertInto('options').values(options).execute();
    await touchConsultation(trx, consultationId, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'question.create',
        entityType: 'question',
        entityId: id,
        consultationId,
        summary: `Added the question "${input.text}"`,
        after: { ...values, options },
      },
      now,
    );
    return { ok: true, id };
  });
}

function optionRows(questionId: number, kind: QuestionKind, labels: string[], otherLabel?: string) {
  const standard = STANDARD_OPTIONS[kind];
  // The standard options' words come from the interface's translations; the label is for the workspace.
  if (standard) return standard.map((key, i) => ({ question_id: questionId, key, position: i + 1, label: key.replace(/_/g, ' '), is_other: 0 as 0 | 1 }));
  const keys: string[] = [];
  const rows = labels.map((label, i) => {
    const key = uniqueKey(keyFrom(label, '_', 'option'), keys);
    keys.push(key);
    return { question_id: questionId, key, position: i + 1, label, is_other: 0 as 0 | 1 };
  });
  if (otherLabel) rows.push({ question_id: questionId, key: uniqueKey('other', keys), position: rows.length + 1, label: otherLabel, is_other: 1 });
  return rows;
}

/** What can no longer change once a consultation has responses. */
const MEANING = ['kind', 'rating_max', 'rank_count'] as const;

export function updateQuestion(
  db: Db,
  actor: Actor,
  consultationId: number,
  id: number,
  input: QuestionInput,
  reason: string | undefined,
  now = new Date(),
): Promise<Result> {
  const after = {
    section_id: input.sectionId,
    kind: input.kind,
    text: input.text,
    hint: input.hint,
    required: (input.required ? 1 : 0) as 0 | 1,
    ...settingsOf(input),
  };
  return refusedByRouting(
    changeConsultationPart(
      db,
      actor,
      consultationId,
      {
        find: async (trx) => {
          const question = await findQuestion(trx, consultationId, id);
          return (
            question && {
              question,
              locked: await hasResponses(trx, consultationId),
              options: await trx.selectFrom('options').select(['id', 'hidden']).where('question_id', '=', id).execute(),
            }
          );
        },
        check: async ({ question: before, locked, options }, trx) => {
          if (!(await sectionBelongs(trx, consultationId, input.sectionId))) return refuse('builder:sectionMissing', 'sectionId');
          // A grid's statements share one scale and stand together: the grid's own page changes those.
          if (before.grid_id !== null && (input.kind !== before.kind || input.sectionId !== before.section_id)) return refuse('builder:gridStatementFixed');
          if (locked) {
            if (MEANING.some((field) => after[field] !== before[field])) return refuse('builder:meaningLocked');
            if (!reason) return refuse('builder:reasonMissing', 'reason');
          }
          if (before.kind === input.kind || hasOwnOptions(input.kind) === hasOwnOptions(before.kind)) {
            const checked = checkSettings(input, options.filter((o) => o.hidden === 0).length);
            if (!checked.ok && checked.error !== 'builder:optionsMissing') return checked;
          }
          return undefined;
        },
        change: (trx, { question: before, options }) =>
          keepingRouting(trx, consultationId, async () => {
            if (before.kind !== input.kind && !(hasOwnOptions(before.kind) && hasOwnOptions(input.kind))) {
              // A new kind brings its own options (or none); nobody has answered, so nothing is lost.
              await deleteOptionRows(
                trx,
                options.map((o) => o.id),
              );
              const fresh = optionRows(id, input.kind, []);
              if (fresh.length) await trx.insertInto('options').values(fresh).execute();
            }
            if (input.sectionId !== before.section_id) {
              const last = await trx
                .selectFrom('questions')
                .select((eb) => eb.fn.max<number | null>('position').as('p'))
                .where('consultation_id', '=', consultationId)
                .executeTakeFirst();
              Object.assign(after, { position: Number(last?.p ?? 0) + 1 });
            }
            await trx.updateTable('questions').set(after).where('id', '=', id).execute();
          }),
        audit: ({ question: before, locked }) => ({
          action: locked ? 'question.reword' : 'question.update',
          entityType: 'question',
          entityId: id,
          summary: `Changed the question "${input.text}"`,
          before,
          after,
          reason,
        }),
      },
      now,
    ),
  );
}

/** Hiding keeps the question and its answers but stops asking it; showing it again is allowed. */
export function setQuestionHidden(
  db: Db,
  actor: Actor,
  consultationId: number,
  id: number,
  hidden: boolean,
  reason: string | undefined,
  now = new Date(),
): Promise<Result> {
  const after = { hidden: (hidden ? 1 : 0) as 0 | 1, hidden_reason: hidden ? reason : null };
  return refusedByRouting(
    changeConsultationPart(
      db,
      actor,
      consultationId,
      {
        find: (trx) => findQuestion(trx, consultationId, id),
        check: () => (reason ? undefined : refuse('builder:reasonMissing', 'reason')),
        change: (trx) =>
          keepingRouting(trx, consultationId, async () => {
            await trx.updateTable('questions').set(after).where('id', '=', id).execute();
          }),
        audit: (before) => ({
          action: hidden ? 'question.hide' : 'question.show',
          entityType: 'question',
          entityId: id,
          summary: `${hidden ? 'Hid' : 'Showed again'} the question "${before.text}"`,
          before: { hidden: before.hidden, hidden_reason: before.hidden_reason },
          after,
          reason,
        }),
      },
      now,
    ),
  );
}

export function deleteQuestion(db: Db, actor: Actor, consultationId: number, id: number, now = new Date()): Promise<Result> {
  return refusedByRouting(
    changeConsultationPart(
      db,
      actor,
      consultationId,
      {
        find: (trx) => findQuestion(trx, consultationId, id),
        check: async (_before, trx) => ((await hasResponses(trx, consultationId)) ? refuse('builder:deleteLocked') : undefined),
        change: (trx) => keepingRouting(trx, consultationId, () => deleteQuestionRows(trx, [id])),
        audit: (before) => ({ action: 'question.delete', entityType: 'question', entityId: id, summary: `Deleted the question "${before.text}"`, before }),
      },
      now,
    ),
  );
}

/** Questions with their options, translations and young people's versions (only before any response). */
export async function deleteQuestionRows(trx: Trx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const options = await trx.selectFrom('options').select('id').where('question_id', 'in', ids).execute();
  await deleteOptionRows(
    trx,
    options.map((o) => o.id),
  );
  const items = await trx.selectFrom('youth_items').select('id').where('question_id', 'in', ids).execute();
  if (items.length) {
    const itemIds = items.map((i) => i.id);
    await trx.deleteFrom('translations').where('entity_type', '=', 'youth_item').where('entity_id', 'in', itemIds).execute();
    await trx.deleteFrom('youth_items').where('id', 'in', itemIds).execute();
  }
  await trx.deleteFrom('translations').where('entity_type', '=', 'question').where('entity_id', 'in', ids).execute();
  await trx.deleteFrom('questions').where('id', 'in', ids).execute();
}

export async function deleteOptionRows(trx: Trx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const youth = await trx.selectFrom('youth_options').select('id').where('option_id', 'in', ids).execute();
  if (youth.length) {
    const youthIds = youth.map((y) => y.id);
    await trx.deleteFrom('translations').where('entity_type', '=', 'youth_option').where('entity_id', 'in', youthIds).execute();
    await trx.deleteFrom('youth_options').where('id', 'in', youthIds).execute();
  }
  await trx.deleteFrom('translations').where('entity_type', '=', 'option').where('entity_id', 'in', ids).execute();
  await trx.deleteFrom('options').where('id', 'in', ids).execute();
}

/**
 * Moves a question before or after its neighbour in the same section. A grid stands as one block:
 * a question next to it moves past all its statements, and a statement moves on the grid's own page.
 */
export function moveQuestion(db: Db, actor: Actor, consultationId: number, id: number, direction: Direction, now = new Date()): Promise<Result> {
  return refusedByRouting(
    inTransaction(db, async (trx): Promise<Result> => {
      const question = await findQuestion(trx, consultationId, id);
      if (!question) return { ok: false, error: 'builder:notFound' };
      if (question.grid_id !== null) return { ok: false, error: 'builder:gridStatementFixed' };
      const siblingsNow = async () => (await listQuestions(trx, consultationId)).filter((q) => q.section_id === question.section_id);
      const siblings = await siblingsNow();
      const steps = stepsPast(siblings, id, direction);
      const moved = await keepingRouting(trx, consultationId, async () => {
        let last = await moveAmong(trx, 'questions', siblings, id, direction);
        for (let i = 1; i < steps && typeof last !== 'string'; i++) last = await moveAmong(trx, 'questions', await siblingsNow(), id, direction);
        return last;
      });
      if (moved === 'missing') return { ok: false, error: 'builder:notFound' };
      if (moved === 'edge') return { ok: true };
      const after = (await findQuestion(trx, consultationId, id))!.position;
      await recordAudit(
        trx,
        actor,
        {
          action: 'question.move',
          entityType: 'question',
          entityId: id,
          consultationId,
          summary: `Moved the question "${question.text}" ${direction}`,
          before: { position: question.position },
          after: { position: after },
        },
        now,
      );
      await touchConsultation(trx, consultationId, now);
      return { ok: true };
    }),
  );
}

/** How many single swaps a move takes: one, or the number of statements of the grid it passes. */
function stepsPast(siblings: readonly Question[], id: number, direction: Direction): number {
  const index = siblings.findIndex((q) => q.id === id);
  const step = direction === 'up' ? -1 : 1;
  const grid = siblings[index + step]?.grid_id ?? null;
  if (grid === null) return 1;
  let n = 0;
  for (let i = index + step; siblings[i]?.grid_id === grid; i += step) n++;
  return n;
}
