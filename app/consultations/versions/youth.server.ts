import { inTransaction, type Db, type Trx } from '#db/connection';
import type { YouthKind } from '#db/schema';
import { actorOf, recordAudit } from '~/platform/audit.server';
import { maxLengthOf } from '~/consultations/question-kinds';
import { moveRecorded } from '~/platform/reorder.server';
import { canStandFor } from '~/consultations/versions/youth-compatibility';
import { changeConsultationPart, touchConsultation } from '~/consultations/change.server';
import { YOUTH_CHOICE_KINDS, type YouthItemInput } from './youth-schema';

// The young people's version as officers build it: which questions it asks, in whose words,
// and which main option each of its answers counts as.

type User = { id: number; email: string };
export type Problems = { formErrors: string[]; fieldErrors: Record<string, string[]> };

/** The questions a youth item can stand for: shown, with their shown options and whether they already have one. */
export async function listYouthQuestions(db: Db, consultationId: number) {
  const questions = await db
    .selectFrom('questions as q')
    .innerJoin('sections as s', 's.id', 'q.section_id')
    .leftJoin('youth_items as y', 'y.question_id', 'q.id')
    .select(['q.id', 'q.key', 'q.kind', 'q.text', 'q.max_selections', 'q.max_length', 's.audience', 'y.id as youthItemId'])
    .where('q.consultation_id', '=', consultationId)
    .where('q.hidden', '=', 0)
    .orderBy('s.position')
    .orderBy('q.position')
    .execute();
  const ids = questions.map((q) => q.id);
  const options = ids.length
    ? await db
        .selectFrom('options')
        .select(['id', 'question_id', 'key', 'label'])
        .where('question_id', 'in', ids)
        .where('hidden', '=', 0)
        .orderBy('position')
        .execute()
    : [];
  return questions.map((q) => ({ ...q, options: options.filter((o) => o.question_id === q.id) }));
}
export type YouthQuestion = Awaited<ReturnType<typeof listYouthQuestions>>[number];

export async function listYouthItems(db: Db, consultationId: number) {
  const items = await db
    .selectFrom('youth_items as y')
    .innerJoin('questions as q', 'q.id', 'y.question_id')
    .select(['y.id', 'y.key', 'y.kind', 'y.text', 'y.hint', 'y.required', 'y.question_id', 'q.key as questionKey', 'q.text as questionText'])
    .where('y.consultation_id', '=', consultationId)
    .orderBy('y.position')
    .orderBy('y.id')
    .execute();
  const ids = items.map((i) => i.id);
  const options = ids.length
    ? await db
        .selectFrom('youth_options as yo')
        .innerJoin('options as o', 'o.id', 'yo.option_id')
        .select(['yo.id', 'yo.youth_item_id', 'yo.label', 'yo.picture', 'yo.option_id', 'o.label as optionLabel'])
        .where('yo.youth_item_id', 'in', ids)
        .orderBy('yo.position')
        .execute()
    : [];
  return items.map((i) => ({ ...i, options: options.filter((o) => o.youth_item_id === i.id) }));
}
export type YouthItemRow = Awaited<ReturnType<typeof listYouthItems>>[number];

/**
 * Checks a youth item against its question: a kind that can stand for the question's kind, and
 * for choices, every answer mapped onto a shown option of that same question. Returns the
 * answers to store, or the problems in the form's field names.
 */
export function checkYouthItem(input: YouthItemInput, question: YouthQuestion | undefined) {
  const problems: Problems = { formErrors: [], fieldErrors: {} };
  const fail = (field: string | null, code: string) => (field ? (problems.fieldErrors[field] = [code]) : problems.formErrors.push(code));
  if (!question) {
    fail('questionId', 'versions:questionGone');
    return { problems, options: [] };
  }
  if (!canStandFor(input.kind, question.kind)) fail('kind', 'versions:kindIncompatible');
  const options: { id?: number; label: string; picture: string | null; optionId: number; key: string }[] = [];
  if (!YOUTH_CHOICE_KINDS.includes(input.kind)) return { problems: hasProblems(problems) ? problems : null, options };

  const byId = new Map(question.options.map((o) => [o.id, o]));
  const used = new Map<number, number>();
  (input.options ?? []).forEach((row, i) => {
    if (!row.label && !row.optionId && !row.picture) return;
    const main = row.optionId === undefined ? undefined : byId.get(row.optionId);
    if (row.optionId === undefined) return fail(`options[${i}].optionId`, 'versions:mapMissing');
    if (!main) return fail(`options[${i}].optionId`, 'versions:mapOtherQuestion');
    // Faces are labelled by the interface when an officer leaves them blank.
    if (!row.label && input.kind !== 'agree_scale') return fail(`options[${i}].label`, 'versions:labelMissing');
    const count = (used.get(main.id) ?? 0) + 1;
    used.set(main.id, count);
    // A scale or yes/no answer is shown by its key, so each main answer can be offered once.
    if (count > 1 && (input.kind === 'agree_scale' || input.kind === 'yes_no')) return fail(`options[${i}].optionId`, 'versions:mapDuplicate');
    options.push({ id: row.id, label: row.label ?? '', picture: row.picture || null, optionId: main.id, key: count > 1 ? `${main.key}_${count}` : main.key });
  });
  if (options.length < 2 && !problems.fieldErrors['options[0].optionId']) fail(null, 'versions:tooFewOptions');
  return { problems: hasProblems(problems) ? problems : null, options };
}

const hasProblems = (p: Problems) => p.formErrors.length > 0 || Object.keys(p.fieldErrors).length > 0;

/** Adds (itemId undefined) or changes a youth item; null when saved, else the problems to show. */
export async function saveYouthItem(db: Db, user: User, consultationId: number, input: YouthItemInput, itemId?: number, now = new Date()) {
  return inTransaction(db, async (trx): Promise<{ problems: Problems } | { id: number }> => {
    const questions = await listYouthQuestions(trx, consultationId);
    const question = questions.find((q) => q.id === input.questionId);
    const existing = itemId === undefined ? undefined : (await listYouthItems(trx, consultationId)).find((i) => i.id === itemId);
    if (itemId !== undefined && (!existing || existing.question_id !== input.questionId))
      return { problems: { formErrors: ['versions:itemGone'], fieldErrors: {} } };
    if (itemId === undefined && question?.youthItemId) return { problems: { formErrors: ['versions:questionTaken'], fieldErrors: {} } };
    const { problems, options } = checkYouthItem(input, question);
    if (problems || !question) return { problems: problems ?? { formErrors: ['versions:questionGone'], fieldErrors: {} } };

    const values = {
      kind: input.kind as YouthKind,
      text: input.text,
      hint: input.hint ?? '',
      required: input.required ? (1 as const) : (0 as const),
      // A young person's answer must also be a valid answer to the main question.
      max_selections: input.kind === 'multiple_choice' ? question.max_selections : null,
      max_length: input.kind === 'short_text' || input.kind === 'long_text' ? maxLengthOf(question) : null,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      await trx.updateTable('youth_items').set(values).where('id', '=', id).execute();
    } else {
      const last = await trx
        .selectFrom('youth_items')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('consultation_id', '=', consultationId)
        .executeTakeFirst();
      ({ id } = await trx
        .insertInto('youth_items')
        .values({ ...values, consultation_id: consultationId, question_id: question.id, key: question.key, position: Number(last?.max ?? 0) + 1 })
        .returning('id')
        .executeTakeFirstOrThrow());
    }
    await replaceYouthOptions(trx, id, existing?.options.map((o) => o.id) ?? [], options);
    await touchConsultation(trx, consultationId, now);
    await recordAudit(
      trx,
      actorOf(user),
      {
        action: existing ? 'youth_item.edit' : 'youth_item.add',
        entityType: 'youth_item',
        entityId: id,
        consultationId,
        summary: `${existing ? 'Changed' : 'Added'} the young people's question for ${question.key}`,
        before: existing ? auditView(existing) : null,
        after: { ...values, question: question.key, options: options.map((o) => ({ label: o.label, picture: o.picture, option_id: o.optionId })) },
      },
      now,
    );
    return { id };
  });
}

// Kept answers keep their ids (and so their translations); keys are parked first so two answers can swap keys.
async function replaceYouthOptions(
  trx: Trx,
  itemId: number,
  oldIds: number[],
  options: { id?: number; label: string; picture: string | null; optionId: number; key: string }[],
) {
  const kept = new Set(options.map((o) => o.id).filter((id): id is number => id !== undefined && oldIds.includes(id)));
  const gone = oldIds.filter((id) => !kept.has(id));
  if (gone.length) {
    await trx.deleteFrom('youth_options').where('id', 'in', gone).execute();
    await trx.deleteFrom('translations').where('entity_type', '=', 'youth_option').where('entity_id', 'in', gone).execute();
  }
  for (const id of kept)
    await trx
      .updateTable('youth_options')
      .set({ key: `moving-${id}` })
      .where('id', '=', id)
      .execute();
  for (const [i, o] of options.entries()) {
    const row = { key: o.key, position: i + 1, label: o.label, picture: o.picture, option_id: o.optionId };
    if (o.id !== undefined && kept.has(o.id)) await trx.updateTable('youth_options').set(row).where('id', '=', o.id).execute();
    else
      await trx
        .insertInto('youth_options')
        .values({ ...row, youth_item_id: itemId })
        .execute();
  }
}

const auditView = (i: YouthItemRow) => ({
  kind: i.kind,
  text: i.text,
  hint: i.hint,
  required: i.required,
  question: i.questionKey,
  options: i.options.map((o) => ({ label: o.label, picture: o.picture, option_id: o.option_id })),
});

/** Moves a youth item one place up or down; false when it is not this consultation's. */
export async function moveYouthItem(db: Db, user: User, consultationId: number, itemId: number, direction: 'up' | 'down', now = new Date()) {
  return inTransaction(db, async (trx) => {
    const items = await trx
      .selectFrom('youth_items')
      .select(['id', 'key', 'position'])
      .where('consultation_id', '=', consultationId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const moved = await moveRecorded(
      trx,
      actorOf(user),
      {
        table: 'youth_items',
        rows: items,
        id: itemId,
        direction,
        audit: (row) => ({
          action: 'youth_item.move',
          entityType: 'youth_item',
          entityId: itemId,
          consultationId,
          summary: `Moved the young people's question ${row.key} ${direction}`,
        }),
      },
      now,
    );
    if (moved === 'missing') return false;
    if (moved !== 'edge') await touchConsultation(trx, consultationId, now);
    return true;
  });
}

/** Removes a youth item and its answers' wording; stored answers belong to the main questions and stay. */
export async function removeYouthItem(db: Db, user: User, consultationId: number, itemId: number, now = new Date()) {
  const outcome = await changeConsultationPart(
    db,
    actorOf(user),
    consultationId,
    {
      find: async (trx) => (await listYouthItems(trx, consultationId)).find((i) => i.id === itemId),
      change: async (trx, item) => {
        const optionIds = item.options.map((o) => o.id);
        await trx.deleteFrom('youth_options').where('youth_item_id', '=', itemId).execute();
        await trx.deleteFrom('youth_items').where('id', '=', itemId).execute();
        await trx.deleteFrom('translations').where('entity_type', '=', 'youth_item').where('entity_id', '=', itemId).execute();
        if (optionIds.length) await trx.deleteFrom('translations').where('entity_type', '=', 'youth_option').where('entity_id', 'in', optionIds).execute();
      },
      audit: (item) => ({
        action: 'youth_item.remove',
        entityType: 'youth_item',
        entityId: itemId,
        summary: `Removed the young people's question for ${item.questionKey}`,
        before: auditView(item),
      }),
    },
    now,
  );
  return outcome.ok;
}

/** Sets (or, with null, removes) the short code of /young/<code>; refused when another consultation has it. */
export async function setYouthCode(db: Db, user: User, consultationId: number, code: string | null, now = new Date()): Promise<Problems | null> {
  return inTransaction(db, async (trx) => {
    const current = await trx.selectFrom('consultations').select('youth_code').where('id', '=', consultationId).executeTakeFirstOrThrow();
    if (current.youth_code === code) return null;
    if (code) {
      const taken = await trx.selectFrom('consultations').select('id').where('youth_code', '=', code).where('id', '!=', consultationId).executeTakeFirst();
      if (taken) return { formErrors: [], fieldErrors: { code: ['versions:codeTaken'] } };
    }
    await trx.updateTable('consultations').set({ youth_code: code, updated_at: now.toISOString() }).where('id', '=', consultationId).execute();
    await recordAudit(
      trx,
      actorOf(user),
      {
        action: 'consultation.youth_code',
        entityType: 'consultation',
        entityId: consultationId,
        consultationId,
        summary: code ? `Set the young people's code to ${code}` : "Removed the young people's code",
        before: { youth_code: current.youth_code },
        after: { youth_code: code },
      },
      now,
    );
    return null;
  });
}
