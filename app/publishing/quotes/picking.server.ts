import { inTransaction, type Db } from '#db/connection';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { auditedChange } from '~/platform/audited-change.server';
import { findAnswerToQuote, type AnswerRefusal } from './answers.server';
import { isExcerptOf, normaliseExcerpt } from './excerpt';

// Picking a quote and taking it off again, each with its audit entry in the same transaction.
// The rules are checked here, whatever the form sent: the answer is a counted free-text answer of
// this consultation whose respondent agreed to be quoted, the theme is this consultation's, and
// the words are one unbroken part of the answer.

export interface PickInput {
  consultationId: number;
  answerId: number;
  themeId?: number | null;
  priorityId?: number | null;
  excerpt: string;
}

type Field = 'themeId' | 'priorityId' | 'excerpt';
export type PickRefusal =
  AnswerRefusal | 'quotes:targetMissing' | 'quotes:themeUnknown' | 'quotes:priorityUnknown' | 'quotes:notExcerpt' | 'quotes:alreadyPicked';
export type PickResult = { ok: true; id: number } | { ok: false; error: PickRefusal; field?: Field };

export async function pickQuote(db: Db, actor: Actor, input: PickInput, now = new Date()): Promise<PickResult> {
  return inTransaction(db, async (trx): Promise<PickResult> => {
    const found = await findAnswerToQuote(trx, input.consultationId, input.answerId);
    if (!found.ok) return found;
    const themeId = input.themeId ?? null;
    const priorityId = input.priorityId ?? null;
    if (themeId === null && priorityId === null) return { ok: false, error: 'quotes:targetMissing', field: 'themeId' };
    if (themeId !== null) {
      const theme = await trx
        .selectFrom('codebook_themes')
        .select('id')
        .where('id', '=', themeId)
        .where('consultation_id', '=', input.consultationId)
        .executeTakeFirst();
      if (!theme) return { ok: false, error: 'quotes:themeUnknown', field: 'themeId' };
    }
    if (priorityId !== null) {
      const priority = await trx.selectFrom('priorities').select('id').where('id', '=', priorityId).executeTakeFirst();
      if (!priority) return { ok: false, error: 'quotes:priorityUnknown', field: 'priorityId' };
    }
    const text = normaliseExcerpt(input.excerpt);
    if (!isExcerptOf(found.answer.text, text)) return { ok: false, error: 'quotes:notExcerpt', field: 'excerpt' };
    const twin = await trx
      .selectFrom('quotes')
      .select('id')
      .where('answer_id', '=', input.answerId)
      .where((eb) => (themeId === null ? eb('theme_id', 'is', null) : eb('theme_id', '=', themeId)))
      .where((eb) => (priorityId === null ? eb('priority_id', 'is', null) : eb('priority_id', '=', priorityId)))
      .executeTakeFirst();
    if (twin) return { ok: false, error: 'quotes:alreadyPicked' };

    const row = {
      consultation_id: input.consultationId,
      answer_id: input.answerId,
      theme_id: themeId,
      priority_id: priorityId,
      text,
      picked_by: actor.userId,
      picked_at: now.toISOString(),
    };
    const { id } = await trx.insertInto('quotes').values(row).returning('id').executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      actor,
      {
        action: 'quote.pick',
        entityType: 'quote',
        entityId: id,
        consultationId: input.consultationId,
        summary: `Picked a quote from response ${found.answer.reference}`,
        after: { answer_id: row.answer_id, theme_id: themeId, priority_id: priorityId, text },
      },
      now,
    );
    return { ok: true, id };
  });
}

/** Takes a quote off the consultation's list; false when there was no such quote. */
export async function removeQuote(db: Db, actor: Actor, input: { consultationId: number; quoteId: number }, now = new Date()): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const outcome = await auditedChange(
      trx,
      actor,
      {
        find: (t) => t.selectFrom('quotes').selectAll().where('id', '=', input.quoteId).where('consultation_id', '=', input.consultationId).executeTakeFirst(),
        missing: { ok: false },
        change: async (t, quote) => {
          await t.deleteFrom('quotes').where('id', '=', quote.id).execute();
        },
        audit: (quote) => ({
          action: 'quote.remove',
          entityType: 'quote',
          entityId: quote.id,
          consultationId: input.consultationId,
          summary: 'Removed a quote',
          before: { answer_id: quote.answer_id, theme_id: quote.theme_id, priority_id: quote.priority_id, text: quote.text },
        }),
      },
      now,
    );
    return outcome.ok;
  });
}
