import { inTransaction, type Db } from '#db/connection';
import type { Section } from '#db/schema';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { hasResponses } from '~/consultations/answered.server';
import { changeConsultationPart, refuse, touchConsultation, type Result } from '~/consultations/change.server';
import { keyFrom, uniqueKey } from './keys';
import { moveRecorded, type Direction } from '~/platform/reorder.server';
import { deleteQuestionRows } from './questions.server';
import { keepingRouting, refusedByRouting } from './routing.server';

// The sections of the main form (a page each). Young people's sections are made by the young
// people's editor; they are listed here but keep their audience.

export interface SectionInput {
  title: string;
  intro: string;
}

export function listSections(db: Db, consultationId: number): Promise<Section[]> {
  return db.selectFrom('sections').selectAll().where('consultation_id', '=', consultationId).orderBy('position').orderBy('id').execute();
}

export function findSection(db: Db, consultationId: number, id: number): Promise<Section | undefined> {
  return db.selectFrom('sections').selectAll().where('consultation_id', '=', consultationId).where('id', '=', id).executeTakeFirst();
}

export function addSection(db: Db, actor: Actor, consultationId: number, input: SectionInput, now = new Date()): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (trx) => {
    const existing = await listSections(trx, consultationId);
    const values = {
      consultation_id: consultationId,
      key: uniqueKey(
        keyFrom(input.title, '_', 'section'),
        existing.map((s) => s.key),
      ),
      position: Math.max(0, ...existing.map((s) => s.position)) + 1,
      title: input.title,
      intro: input.intro,
    };
    const { id } = await trx.insertInto('sections').values(values).returning('id').executeTakeFirstOrThrow();
    await touchConsultation(trx, consultationId, now);
    await recordAudit(
      trx,
      actor,
      { action: 'section.create', entityType: 'section', entityId: id, consultationId, summary: `Added the section "${input.title}"`, after: values },
      now,
    );
    return { ok: true, id };
  });
}

export function updateSection(
  db: Db,
  actor: Actor,
  consultationId: number,
  id: number,
  input: SectionInput,
  reason: string | undefined,
  now = new Date(),
): Promise<Result> {
  return changeConsultationPart(
    db,
    actor,
    consultationId,
    {
      find: async (trx) => {
        const section = await findSection(trx, consultationId, id);
        return section && { section, locked: await hasResponses(trx, consultationId) };
      },
      check: ({ locked }) => (locked && !reason ? refuse('builder:reasonMissing', 'reason') : undefined),
      change: async (trx) => {
        await trx.updateTable('sections').set({ title: input.title, intro: input.intro }).where('id', '=', id).execute();
      },
      audit: ({ section: before, locked }) => ({
        action: locked ? 'section.reword' : 'section.update',
        entityType: 'section',
        entityId: id,
        summary: `Changed the section "${input.title}"`,
        before,
        after: { ...before, ...input },
        reason,
      }),
    },
    now,
  );
}

/** Deleting a section deletes its questions, so it is refused once anyone has answered. */
export function deleteSection(db: Db, actor: Actor, consultationId: number, id: number, now = new Date()): Promise<Result> {
  return refusedByRouting(
    changeConsultationPart(
      db,
      actor,
      consultationId,
      {
        find: (trx) => findSection(trx, consultationId, id),
        check: async (_before, trx) => ((await hasResponses(trx, consultationId)) ? refuse('builder:deleteLocked') : undefined),
        change: (trx) =>
          keepingRouting(trx, consultationId, async () => {
            const questions = await trx.selectFrom('questions').select('id').where('section_id', '=', id).execute();
            await deleteQuestionRows(
              trx,
              questions.map((q) => q.id),
            );
            await trx.deleteFrom('translations').where('entity_type', '=', 'section').where('entity_id', '=', id).execute();
            await trx.deleteFrom('sections').where('id', '=', id).execute();
          }),
        audit: (before) => ({ action: 'section.delete', entityType: 'section', entityId: id, summary: `Deleted the section "${before.title}"`, before }),
      },
      now,
    ),
  );
}

export function moveSection(db: Db, actor: Actor, consultationId: number, id: number, direction: Direction, now = new Date()): Promise<Result> {
  return refusedByRouting(
    inTransaction(db, async (trx): Promise<Result> => {
      const moved = await keepingRouting(trx, consultationId, async () =>
        moveRecorded(
          trx,
          actor,
          {
            table: 'sections',
            rows: await listSections(trx, consultationId),
            id,
            direction,
            audit: (row) => ({
              action: 'section.move',
              entityType: 'section',
              entityId: id,
              consultationId,
              summary: `Moved the section "${row.title}" ${direction}`,
            }),
          },
          now,
        ),
      );
      if (moved === 'missing') return { ok: false, error: 'builder:notFound' };
      if (moved !== 'edge') await touchConsultation(trx, consultationId, now);
      return { ok: true };
    }),
  );
}
