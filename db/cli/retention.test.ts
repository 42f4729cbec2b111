import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../connection';
import { migrateToLatest } from '../migrate';
import { createConsultation } from '../../tests/factories';

// `npm run retention` as a person runs it: a real process on a real database file. --dry-run
// lists per consultation what would change and changes nothing; without it, it does it.

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'heard-retention-'));
const database = join(dir, 'heard.sqlite');
let db: Db;
let dueId: number;

async function retentionCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'db/cli/retention.ts', '--database', database, ...args], {
      cwd: process.cwd(),
      env: { ...process.env, RETENTION_MONTHS: '24' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const monthsAgo = (months: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
};

async function addResponse(consultationId: number, questionId: number, n: number) {
  const { id } = await db
    .insertInto('responses')
    .values({
      consultation_id: consultationId,
      reference: `HRD-CLI-${consultationId}-${n}`,
      idempotency_key: `cli-${consultationId}-${n}`,
      channel: 'online',
      respondent_group: 'resident',
      locale: 'en',
      submitted_at: monthsAgo(8),
      ethnicity: 'white_irish',
      religion: 'none',
      quote_name: 'Jo',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('answers')
    .values({ response_id: id, question_id: questionId, value_text: `Answer ${n}` })
    .execute();
}

beforeAll(async () => {
  db = openDatabase(database);
  await migrateToLatest(db);
  const make = async (slug: string, closedMonthsAgo: number) => {
    const id = await createConsultation(db, {
      slug,
      status: 'closed',
      opensAt: monthsAgo(12),
      closesAt: monthsAgo(closedMonthsAgo),
      sections: [{ key: 's', questions: [{ key: 'why', kind: 'long_text' }] }],
    });
    await db.updateTable('consultations').set({ retention_months: 6 }).where('id', '=', id).execute();
    const { id: questionId } = await db.selectFrom('questions').select('id').where('consultation_id', '=', id).executeTakeFirstOrThrow();
    for (let n = 0; n < 3; n++) await addResponse(id, questionId, n);
    return id;
  };
  dueId = await make('due-now', 7);
  await make('not-yet', 5);
}, 60_000);

afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const texts = async () =>
  (
    await db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .select('answers.value_text')
      .where('responses.consultation_id', '=', dueId)
      .execute()
  ).map((r) => r.value_text);

describe('npm run retention', () => {
  it('with --dry-run lists what would change for each due consultation and changes nothing', async () => {
    const { code, stdout } = await retentionCli('--dry-run');
    expect(code).toBe(0);
    expect(stdout).toContain('Dry run: 1 consultation(s) due for anonymising; nothing was changed.');
    expect(stdout).toContain('due-now: "Test consultation"');
    expect(stdout).toContain('policy: 6 months after closing, free text redact, about you coarsen');
    expect(stdout).toContain('would change 3 responses');
    expect(stdout).toContain('free-text answers redacted: 3;');
    expect(stdout).toContain('about you coarsened: ethnicity 3');
    expect(stdout).toContain('about you removed: religion 3');
    expect(stdout).toContain('contact fields deleted: name to quote by 3');
    expect(stdout).not.toContain('not-yet');
    expect(await texts()).toEqual(['Answer 0', 'Answer 1', 'Answer 2']);
    expect((await db.selectFrom('consultations').select('anonymised_at').where('id', '=', dueId).executeTakeFirstOrThrow()).anonymised_at).toBeNull();
  }, 60_000);

  it('without it anonymises, once', async () => {
    const first = await retentionCli();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Anonymised 1 consultation(s).');
    expect(await texts()).toEqual(['[redacted]', '[redacted]', '[redacted]']);
    const again = await retentionCli();
    expect(again.stdout).toContain('No consultation is due for anonymising.');
  }, 60_000);

  it('refuses an unknown option', async () => {
    const { code, stderr } = await retentionCli('--dryrun');
    expect(code).toBe(1);
    expect(stderr).toContain('Usage: npm run retention');
  }, 60_000);
});
