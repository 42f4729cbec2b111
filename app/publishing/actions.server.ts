import type { Db } from '#db/connection';
import type { ActionStatus } from '#db/schema';
import type { Locale } from '~/platform/i18n/config';
import { loadTranslations, translated } from '~/platform/i18n/content-translations.server';

// "What we did": the actions an officer records in answer to a consultation, read by the public
// results page, the committee report and the open-data description alike.

export interface ActionUpdateView {
  status: ActionStatus;
  note: string;
  happenedOn: string;
}

export interface ActionView {
  id: number;
  title: string;
  description: string;
  status: ActionStatus;
  dueOn: string | null;
  doneOn: string | null;
  priority: { id: number; key: string; name: string } | null;
  /** Oldest first. */
  updates: ActionUpdateView[];
}

/** A consultation's actions in the officer's order, in the reader's language where translated (English otherwise). */
export async function listActions(db: Db, consultationId: number, locale: Locale = 'en'): Promise<ActionView[]> {
  const rows = await db
    .selectFrom('actions')
    .leftJoin('priorities', 'priorities.id', 'actions.priority_id')
    .select([
      'actions.id',
      'actions.title',
      'actions.description',
      'actions.status',
      'actions.due_on',
      'actions.done_on',
      'priorities.id as priority_id',
      'priorities.key as priority_key',
      'priorities.name as priority_name',
    ])
    .where('actions.consultation_id', '=', consultationId)
    .orderBy('actions.position')
    .orderBy('actions.id')
    .execute();
  if (rows.length === 0) return [];
  const updates = await db
    .selectFrom('action_updates')
    .select(['action_id', 'status', 'note', 'happened_on'])
    .where(
      'action_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('happened_on')
    .orderBy('id')
    .execute();
  const priorityIds = rows.flatMap((r) => (r.priority_id === null ? [] : [r.priority_id]));
  const texts = await loadTranslations(db, locale, [
    { type: 'priority', ids: priorityIds },
    { type: 'action', ids: rows.map((r) => r.id) },
  ]);
  return rows.map((r) => ({
    id: r.id,
    title: translated(texts, 'action', r.id, 'title', r.title),
    description: translated(texts, 'action', r.id, 'description', r.description),
    status: r.status,
    dueOn: r.due_on,
    doneOn: r.done_on,
    priority:
      r.priority_id === null || r.priority_key === null || r.priority_name === null
        ? null
        : { id: r.priority_id, key: r.priority_key, name: translated(texts, 'priority', r.priority_id, 'name', r.priority_name) },
    updates: updates.filter((u) => u.action_id === r.id).map((u) => ({ status: u.status, note: u.note, happenedOn: u.happened_on })),
  }));
}
