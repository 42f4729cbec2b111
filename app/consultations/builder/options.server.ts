import { inTransaction, type Db } from '#db/connection';
import type { Option, Question } from '#db/schema';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { hasResponses } from '~/consultations/answered.server';
import { changeConsultationPart, refuse, touchConsultation, type PartChange, type Result } from '~/consultations/change.server';
import { keyFrom, uniqueKey } from './keys';
import { deleteOptionRows, findQuestion, hasOwnOptions } from './questions.server';
import { moveRecorded, type Direction } from '~/platform/reorder.server';
import { keepingRouting, refusedByRouting } from './routing.server';

// The options of a choice or ranking question. Their keys are what answers store, so a key is
// made once and kept; after the first response an option can be reworded or hidden, not removed.

export interface OptionInput {
  label: string;
  isOther: boolean;
}

export function listOptions(db: Db, questionId: number): Promise<Option[]> {
  return db.selectFrom('options').selectAll().where('question_id', '=', questionId).orderBy('position').orderBy('id').execute();
}

/** The option and its question, when both belong to the consultation and the question has its own options. */
async function findOwnOption(db: Db, consultationId: number, questionId: number, optionId?: number) {
  const question = await findQuestion(db, consultationId, questionId);
  if (!question) return { ok: false as const, error: 'builder:notFound' };
  if (!hasOwnOptions(question.kind)) return { ok: false as const, error: 'builder:standardOptions' };
  if (optionId === undefined) return { ok: true as const, question, option: undefined };
  const option = await db.selectFrom('options').selectAll().where('id', '=', optionId).where('question_id', '=', questionId).executeTakeFirst();
  if (!option) return { ok: false as const, error: 'builder:notFound' };
  return { ok: true as const, question, option };
}

export function addOption(
  db: Db,
  actor: Actor,
  consultationId: number,
  questionId: number,
  input: OptionInput,
  now = new Date(),
): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (trx) => {
    const found = await findOwnOption(trx, consultationId, questionId);
    if (!found.ok) return found;
    const existing = await listOptions(trx, questionId);
    const values = {
      question_id: questionId,
      key: uniqueKey(
        input.isOther ? 'other' : keyFrom(input.label, '_', 'option'),
        existing.map((o) => o.key),
      ),
      position: Math.max(0, ...existing.map((o) => o.position)) + 1,
      label: input.label,
      is_other: (input.isOther ? 1 : 0) as 0 | 1,
    };
    const { id } = await trx.insertInto('options').values(values).returning('id').executeTakeFirstOrThrow();
    await touchConsultation(trx, consultationId, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'option.create',
        entityType: 'option',
        entityId: id,
        consultationId,
        summary: `Added the option "${input.label}" to "${found.question.text}"`,
        after: values,
      },
      now,
    );
    return { ok: true, id };
  });
}

/** An option and its question; `locked` (anyone has answered) is read only for the changes that ask. */
type OwnOption = { question: Question; option: Option; locked: boolean };

/**
 * Changes one option of a question that has its own options, in changeConsultationPart's shape.
 * A question with standard options is refused (builder:standardOptions) before its option is
 * looked for, as findOwnOption does.
 */
function changeOwnOption<Done>(
  db: Db,
  actor: Actor,
  ids: { consultationId: number; questionId: number; optionId: number; readLocked: boolean },
  steps: Omit<PartChange<OwnOption, Done>, 'find'>,
  now: Date,
): Promise<Result> {
  const { consultationId, questionId, optionId } = ids;
  // The refusal is the first check, so every step after it has the option.
  const own = (found: { question: Question; option: Option | null; locked: boolean }) => found as OwnOption;
  return refusedByRouting(
    changeConsultationPart(
      db,
      actor,
      consultationId,
      {
        find: async (trx) => {
          const question = await findQuestion(trx, consultationId, questionId);
          if (!question || !hasOwnOptions(question.kind)) return question && { question, option: null, locked: false };
          const option = await trx.selectFrom('options').selectAll().where('id', '=', optionId).where('question_id', '=', questionId).executeTakeFirst();
          return option && { question, option, locked: ids.readLocked && (await hasResponses(trx, consultationId)) };
        },
        check: (found, trx) => (found.option ? steps.check?.(own(found), trx) : refuse('builder:standardOptions')),
        change: (trx, found) => steps.change(trx, own(found)),
        audit: (found, done) => steps.audit(own(found), done),
      },
      now,
    ),
  );
}

export function updateOption(
  db: Db,
  actor: Actor,
  consultationId: number,
  questionId: number,
  optionId: number,
  input: OptionInput,
  reason: string | undefined,
  now = new Date(),
): Promise<Result> {
  const after = { label: input.label, is_other: (input.isOther ? 1 : 0) as 0 | 1 };
  return changeOwnOption(
    db,
    actor,
    { consultationId, questionId, optionId, readLocked: true },
    {
      check: ({ option: before, locked }) => {
        if (!locked) return undefined;
        if (after.is_other !== before.is_other) return refuse('builder:meaningLocked');
        return reason ? undefined : refuse('builder:reasonMissing', 'reason');
      },
      change: async (trx) => {
        await trx.updateTable('options').set(after).where('id', '=', optionId).execute();
      },
      audit: ({ option: before, locked }) => ({
        action: locked ? 'option.reword' : 'option.update',
        entityType: 'option',
        entityId: optionId,
        summary: `Changed the option "${before.label}" to "${input.label}"`,
        before,
        after,
        reason,
      }),
    },
    now,
  );
}

export function setOptionHidden(
  db: Db,
  actor: Actor,
  consultationId: number,
  questionId: number,
  optionId: number,
  hidden: boolean,
  reason: string | undefined,
  now = new Date(),
): Promise<Result> {
  return changeOwnOption(
    db,
    actor,
    { consultationId, questionId, optionId, readLocked: false },
    {
      check: () => (reason ? undefined : refuse('builder:reasonMissing', 'reason')),
      change: (trx) =>
        keepingRouting(trx, consultationId, async () => {
          await trx
            .updateTable('options')
            .set({ hidden: hidden ? 1 : 0 })
            .where('id', '=', optionId)
            .execute();
        }),
      audit: ({ option }) => ({
        action: hidden ? 'option.hide' : 'option.show',
        entityType: 'option',
        entityId: optionId,
        summary: `${hidden ? 'Hid' : 'Showed again'} the option "${option.label}"`,
        before: { hidden: option.hidden },
        after: { hidden: hidden ? 1 : 0 },
        reason,
      }),
    },
    now,
  );
}

export function deleteOption(db: Db, actor: Actor, consultationId: number, questionId: number, optionId: number, now = new Date()): Promise<Result> {
  return changeOwnOption(
    db,
    actor,
    { consultationId, questionId, optionId, readLocked: true },
    {
      check: ({ locked }) => (locked ? refuse('builder:deleteLocked') : undefined),
      change: (trx) => keepingRouting(trx, consultationId, () => deleteOptionRows(trx, [optionId])),
      audit: ({ option }) => ({
        action: 'option.delete',
        entityType: 'option',
        entityId: optionId,
        summary: `Deleted the option "${option.label}"`,
        before: option,
      }),
    },
    now,
  );
}

export function moveOption(
  db: Db,
  actor: Actor,
  consultationId: number,
  questionId: number,
  optionId: number,
  direction: Direction,
  now = new Date(),
): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const found = await findOwnOption(trx, consultationId, questionId, optionId);
    if (!found.ok || !found.option) return found.ok ? { ok: false, error: 'builder:notFound' } : found;
    const label = found.option.label;
    const moved = await moveRecorded(
      trx,
      actor,
      {
        table: 'options',
        rows: await listOptions(trx, questionId),
        id: optionId,
        direction,
        audit: () => ({ action: 'option.move', entityType: 'option', entityId: optionId, consultationId, summary: `Moved the option "${label}" ${direction}` }),
      },
      now,
    );
    if (moved === 'missing') return { ok: false, error: 'builder:notFound' };
    if (moved !== 'edge') await touchConsultation(trx, consultationId, now);
    return { ok: true };
  });
}
