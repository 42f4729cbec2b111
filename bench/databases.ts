import SQLite from 'better-sqlite3';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedDemo } from '../db/seed/index';
import type { LoadResult } from './load';
import { loadShape, type ConsultationShape } from './shape';

// The two databases of a run: preparing the baseline's, and reading back what each server stored.

export interface StoredCheck {
  /** Responses stored under the run's key prefix, and their answer rows. */
  responses: number;
  answers: number;
  expectedAnswers: number;
  /** 303s autocannon counted. */
  redirects: number;
  ok: boolean;
  note: string;
}

/** A second database with the same schema and the same seeded content, for the bare server. */
export async function prepareBareDatabase(path: string): Promise<void> {
  const db = openDatabase(path);
  try {
    await migrateToLatest(db);
    await seedDemo(db);
  } finally {
    await db.destroy();
  }
}

export function readShape(path: string, slug: string): ConsultationShape {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    return loadShape(db, slug);
  } finally {
    db.close();
  }
}

/** Question and option ids and keys: they must be the same in both databases. */
export function idsOf(shape: ConsultationShape): string {
  return JSON.stringify([shape.id, shape.askAboutYou, shape.questions.map((q) => [q.id, q.key, q.kind, q.options.map((o) => [o.id, o.key])])]);
}

/** A stored response as comparable data: everything but ids, reference, key and time. */
export function storedResponse(path: string, idempotencyKey: string) {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const response = db.prepare('select * from responses where idempotency_key = ?').get(idempotencyKey) as Record<string, unknown> | undefined;
    if (!response) return null;
    const answers = db
      .prepare('select question_id, option_id, rank, value_number, value_text from answers where response_id = ? order by question_id, option_id, rank')
      .all(response.id);
    const { id: _id, reference: _r, idempotency_key: _k, submitted_at: _s, ...fields } = response;
    return { fields, answers };
  } finally {
    db.close();
  }
}

export function countStored(path: string, prefix: string): { responses: number; answers: number } {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const like = `${prefix}%`;
    const responses = (db.prepare('select count(*) as n from responses where idempotency_key like ?').get(like) as { n: number }).n;
    const answers = (
      db.prepare('select count(*) as n from answers where response_id in (select id from responses where idempotency_key like ?)').get(like) as { n: number }
    ).n;
    return { responses, answers };
  } finally {
    db.close();
  }
}

export function storedCheck(path: string, prefix: string, result: LoadResult, answersPerResponse: number, connections: number): StoredCheck {
  const { responses, answers } = countStored(path, prefix);
  const redirects = result.status3xx;
  const expectedAnswers = responses * answersPerResponse;
  // A request still in flight when autocannon stops is stored but never counted: at most one per connection.
  const extra = responses - redirects;
  const ok = extra >= 0 && extra <= connections && answers === expectedAnswers;
  const note =
    extra < 0
      ? `${-extra} redirects have no stored response`
      : answers !== expectedAnswers
        ? `expected ${expectedAnswers} answer rows`
        : extra > 0
          ? `${extra} stored from requests still in flight when the run stopped`
          : 'one stored response per 303';
  return { responses, answers, expectedAnswers, redirects, ok, note };
}
