import type { User } from '#db/schema';
import type { Db } from '#db/connection';

// The audit log: who changed what, when, with the row before and after. Written in the same
// transaction as the change, so there is never a change without its entry.

export interface Actor {
  userId: number | null;
  /** How the actor is named in the log: an email address, or "command line". */
  label: string;
}

export function actorOf(user: Pick<User, 'id' | 'email'>): Actor {
  return { userId: user.id, label: user.email };
}

export const COMMAND_LINE: Actor = { userId: null, label: 'command line' };

export interface AuditEntry {
  /** Dotted, entity first: consultation.publish, question.hide, response.exclude. */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  consultationId?: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry, now = new Date()): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: now.toISOString(),
      user_id: actor.userId,
      actor: actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      consultation_id: entry.consultationId ?? null,
      summary: entry.summary,
      before_json: json(entry.before),
      after_json: json(entry.after),
      reason: entry.reason?.trim() || null,
    })
    .execute();
}

export interface AuditFilter {
  actor?: string;
  entityType?: string;
  action?: string;
  consultationId?: number;
  /** Dates as YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_events');
  if (filter.actor) query = query.where('actor', '=', filter.actor);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.consultationId) query = query.where('consultation_id', '=', filter.consultationId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', nextDay(filter.to));
  const page = Math.max(1, filter.page ?? 1);
  const [events, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { events, total: Number(total.n), page, pages: Math.max(1, Math.ceil(Number(total.n) / AUDIT_PAGE_SIZE)) };
}

/** The choices the log's filters offer: who has acted, and on what. */
export async function listAuditFacets(db: Db) {
  const [actors, entityTypes, actions] = await Promise.all([
    db.selectFrom('audit_events').select('actor').distinct().orderBy('actor').execute(),
    db.selectFrom('audit_events').select('entity_type').distinct().orderBy('entity_type').execute(),
    db.selectFrom('audit_events').select('action').distinct().orderBy('action').execute(),
  ]);
  return { actors: actors.map((r) => r.actor), entityTypes: entityTypes.map((r) => r.entity_type), actions: actions.map((r) => r.action) };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
