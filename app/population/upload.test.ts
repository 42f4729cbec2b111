import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedReference } from '#db/seed/index';
import { createTestDb } from '../../tests/db';
import type { Actor } from '~/platform/audit.server';
import { readFigures } from './baselines.server';
import { addFilesToBaseline, createBaseline, removeBaseline } from './upload.server';

// Loading census tables into baselines on a fresh database (SQLite, and PostgreSQL when
// TEST_DATABASE_URL names a server): all or nothing, audited, a later upload replacing only
// the dimensions it brings.

const census = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(import.meta.dirname, '../../db/reference/census', name))) });
const text = (name: string, csv: string) => ({ name, bytes: new TextEncoder().encode(csv) });
const actor: Actor = { userId: null, label: 'test officer' };
const input = {
  name: 'Census 2021: Stockport',
  kind: 'census' as const,
  source: 'Source: Office for National Statistics licensed under the Open Government Licence v3.0',
  notes: '',
};
let db: Db;
let destroy: () => Promise<void>;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedReference(db);
});
afterAll(() => destroy());

const totals = async (baselineId: number) => {
  const out: Record<string, number> = {};
  for (const f of await readFigures(db, baselineId)) out[f.dimension] = (out[f.dimension] ?? 0) + f.count;
  return out;
};
const auditOf = (id: number) =>
  db
    .selectFrom('audit_events')
    .select(['action', 'actor', 'before_json', 'after_json'])
    .where('entity_id', '=', String(id))
    .where('entity_type', '=', 'population_baseline')
    .orderBy('id')
    .execute();

describe('loading census tables', () => {
  it('stores a baseline from several real tables, with its audit entry', async () => {
    const result = await createBaseline(db, actor, input, [census('stockport_la_2021_population_by_sex.csv'), census('stockport_la_2021_unpaid_care.csv')], {
      wardsApproximate: false,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(await totals(result.id)).toEqual({ sex: 294773, carer: 278196 });
    const audit = await auditOf(result.id);
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['population_baseline.create', 'test officer']]);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ name: input.name, kind: 'census', figures: { sex: { female: 151373, male: 143400 } } });
  });

  it('stores nothing when any table is refused, and says where', async () => {
    const before = await db.selectFrom('population_baselines').select('id').execute();
    const result = await createBaseline(
      db,
      actor,
      { ...input, name: 'Refused' },
      [
        census('stockport_la_2021_population_by_sex.csv'),
        text('ages.csv', 'ward_code,Age: Aged 65 years and over\nE05000779,3000\n'),
        text('scan.pdf', '%PDF-1.4\u0000\u0000'),
      ],
      { wardsApproximate: false },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { file: 'ages.csv', row: 1, column: 'Age: Aged 65 years and over', code: 'openAgeBand', values: { label: 'Age: Aged 65 years and over' } },
        { file: 'scan.pdf', row: null, column: null, code: 'unreadable' },
      ],
    });
    expect(await db.selectFrom('population_baselines').select('id').execute()).toEqual(before);
  });

  it('replaces only the dimensions a later upload brings, and keeps the old figures in the audit log', async () => {
    const created = await createBaseline(
      db,
      actor,
      { ...input, name: 'Replace', kind: 'illustrative' },
      [text('sex.csv', 'area_code,indicator,value\nE08000007,Female,100\nE08000007,Male,90\n'), census('stockport_la_2021_disability.csv')],
      { wardsApproximate: false },
    );
    if (!created.ok) throw new Error('refused');
    const added = await addFilesToBaseline(
      db,
      actor,
      created.id,
      [census('stockport_la_2021_population_by_sex.csv'), census('stockport_ts007a_age5yr_ward_wd22_from_lsoa_bestfit.csv')],
      { wardsApproximate: true },
    );
    expect(added).toEqual({ ok: true, id: created.id });
    // Sex replaced, disability kept, age and wards added (age summed from the wards: 294,793).
    expect(await totals(created.id)).toEqual({ sex: 294773, disability: 294773, ageBand: 294793, ward: 294793 });
    const figures = await readFigures(db, created.id);
    expect(figures.filter((f) => f.dimension === 'ward').every((f) => f.approximation === 'small-area')).toBe(true);
    const upload = (await auditOf(created.id)).find((a) => a.action === 'population_baseline.upload')!;
    expect(JSON.parse(upload.before_json!)).toEqual({ figures: { sex: { female: 100, male: 90 } } });

    expect(await removeBaseline(db, actor, created.id)).toBe(true);
    expect(await readFigures(db, created.id)).toEqual([]);
    const deleted = (await auditOf(created.id)).find((a) => a.action === 'population_baseline.delete')!;
    expect(JSON.parse(deleted.before_json!)).toMatchObject({ name: 'Replace', kind: 'illustrative', figures: { sex: { female: 151373 } } });
    expect(await removeBaseline(db, actor, created.id)).toBe(false);
  });
});
