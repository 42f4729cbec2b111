import type { Db } from '#db/connection';
import { sql, type ExpressionBuilder } from 'kysely';
import { BLOCK_REASONS, type BlockReason, type Database } from '#db/schema';

const HOUR = 60 * 60 * 1000;
/** An hour is marked as a possible flood at this many responses or more, however quiet it usually is. */
export const FLOOD_FLOOR = 10;
/** ...and at this many times the usual hour (the median hour of the last 7 days). */
export const FLOOD_FACTOR = 4;

export interface HourCount {
  /** The hour's start, ISO (UTC). */
  hour: string;
  count: number;
  flood: boolean;
}

export interface FloodReport {
  blocked: { day: Record<BlockReason, number>; week: Record<BlockReason, number> };
  hours: HourCount[];
  /** Responses in the usual hour (the median of the last 168), and the count that marks a flood. */
  usual: number;
  threshold: number;
}

async function blockedSince(db: Db, consultationId: number, since: Date): Promise<Record<BlockReason, number>> {
  const rows = await db
    .selectFrom('blocked_submissions')
    .select(['reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('consultation_id', '=', consultationId)
    .where('at', '>=', since.toISOString())
    .groupBy('reason')
    .execute();
  const counts = Object.fromEntries(BLOCK_REASONS.map((r) => [r, 0])) as Record<BlockReason, number>;
  for (const row of rows) counts[row.reason] = Number(row.n);
  return counts;
}

// The hour of an ISO time, "2026-11-22T09": the same text in SELECT and GROUP BY (literals, not
// parameters, so PostgreSQL sees one expression).
const hourOf = (eb: ExpressionBuilder<Database, 'responses'>) => eb.fn<string>('substr', ['submitted_at', sql.lit(1), sql.lit(13)]);

/** Responses received in each hour since `since`, by hour. */
async function responsesByHour(db: Db, consultationId: number, since: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('responses')
    .select((eb) => [hourOf(eb).as('hour'), eb.fn.countAll<number>().as('n')])
    .where('consultation_id', '=', consultationId)
    .where('submitted_at', '>=', since.toISOString())
    .groupBy(hourOf)
    .execute();
  return new Map(rows.map((r) => [r.hour, Number(r.n)]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * What officers need to see a flood: submissions turned away (honeypot, rate limit) in the last
 * day and week, and responses per hour over the last 24 hours with any hour far above the usual
 * marked. Every response received counts here, marked as spam or not: a flood is about what came in.
 */
export async function floodReport(db: Db, consultationId: number, now = new Date()): Promise<FloodReport> {
  const thisHour = Math.floor(now.getTime() / HOUR) * HOUR;
  const weekStart = new Date(thisHour - 167 * HOUR);
  const [day, week, byHour] = await Promise.all([
    blockedSince(db, consultationId, new Date(now.getTime() - 24 * HOUR)),
    blockedSince(db, consultationId, new Date(now.getTime() - 7 * 24 * HOUR)),
    responsesByHour(db, consultationId, weekStart),
  ]);
  const hourKey = (t: number) => new Date(t).toISOString().slice(0, 13);
  const weekCounts = Array.from({ length: 168 }, (_, i) => byHour.get(hourKey(weekStart.getTime() + i * HOUR)) ?? 0);
  const usual = median(weekCounts);
  const threshold = Math.max(FLOOD_FLOOR, Math.ceil(FLOOD_FACTOR * usual));
  const hours = Array.from({ length: 24 }, (_, i) => {
    const start = thisHour - (23 - i) * HOUR;
    const count = byHour.get(hourKey(start)) ?? 0;
    return { hour: new Date(start).toISOString(), count, flood: count >= threshold };
  });
  return { blocked: { day, week }, hours, usual, threshold };
}
