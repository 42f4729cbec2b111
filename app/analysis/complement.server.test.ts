import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, type Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { createRandom } from '#db/seed/random';
import { seedWards } from '#db/seed/wards';
import type { Channel } from '~/responses/codes';
import { insertResponse } from '~/responses/submit.server';
import { createConsultation } from '../../tests/factories';
import { createTestDb } from '../../tests/db';
import { storeRandomResponses } from '../../tests/random-responses';
import { auditBounds } from '../../tests/bounds-auditor';
import { complementTables, determinedInComplement, type AuditedPage } from '../../tests/complement-auditor';
import { hiddenFigures } from './complement';
import { loadJointResults, loadResults } from './results.server';
import type { ResultsModel } from './results-model';

// A filter, its complement and the unfiltered figures at the same breakdown, published side by
// side, under the auditors (tests/complement-auditor.ts): nothing hidden may be worked out from
// the three together. Real responses in a fresh database (SQLite; PostgreSQL with
// TEST_DATABASE_URL), through the results page's own loader.

const THRESHOLD = 10;
let db: Db;
let destroy: () => Promise<void>;

afterAll(() => destroy());
beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedWards(db);
}, 60_000);

async function consultationOf(id: number): Promise<Consultation> {
  return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The pages an intruder holds: the unfiltered one, the filter's, and its complement's as protected with it. */
async function jointPages(consultation: Consultation, params: URLSearchParams) {
  const outcome = await loadJointResults(db, consultation, 'en', params, THRESHOLD);
  if (!outcome.ok || !outcome.joint) throw new Error(`not a filtered request: ${params}`);
  const { parent, asked, complement, conflicts } = outcome.joint;
  const pages: AuditedPage[] = [
    { name: 'all', model: parent.model, summary: parent.input.summary, coded: parent.input.coded?.summary },
    { name: 'F', model: outcome.model, summary: asked.summary, coded: asked.coded?.summary },
    { name: 'notF', model: complement.model, summary: complement.input.summary, coded: complement.input.coded?.summary },
  ];
  return { pages, conflicts, model: outcome.model, complement: complement.model };
}

function audit(pages: AuditedPage[]) {
  const [parent, ...rest] = pages;
  return complementTables(THRESHOLD, parent!, rest);
}

/** What a page hides, as names, with the figures' places on the page. */
const pattern = (model: ResultsModel) => {
  const { figures, responses } = hiddenFigures(model);
  return { figures: [...figures].sort(), responses: [...responses].sort() };
};

describe('a filter beside its complement and the unfiltered figures (hand-made)', () => {
  // Paper: 3 yes, 20 no. Online: 47 yes, 20 no, 10 gave no answer. Alone, the paper page hides
  // its 3 (and the 20 beside it), while the online page and the unfiltered page show everything:
  // 50 yes in all less 47 online gave the hidden 3 away.
  let consultation: Consultation;
  beforeAll(async () => {
    const id = await createConsultation(db, { sections: [{ key: 'main', questions: [{ key: 'yn', kind: 'yes_no' }] }] });
    consultation = await consultationOf(id);
    const question = await db.selectFrom('questions').select('id').where('consultation_id', '=', id).executeTakeFirstOrThrow();
    const options = await db.selectFrom('options').select(['id', 'key']).where('question_id', '=', question.id).orderBy('position').execute();
    const yes = options.find((o) => o.key === 'yes')!.id;
    const no = options.find((o) => o.key === 'no')!.id;
    const people: [Channel, number | null, number][] = [
      ['paper', yes, 3],
      ['paper', no, 20],
      ['online', yes, 47],
      ['online', no, 20],
      ['online', null, 10],
    ];
    let n = 0;
    for (const [channel, option, count] of people) {
      for (let i = 0; i < count; i++) {
        const answers = option === null ? [] : [{ question_id: question.id, option_id: option, rank: null, value_number: null, value_text: null }];
        const fields = { age_band: null, sex: null, ethnicity: null, disability: null, carer: null, ward_code: null, respondent_group: 'resident' };
        const meta = { idempotencyKey: `hand-made-${n++}`, locale: 'en' as const, channel, now: new Date() };
        await inTransaction(db, (trx) => insertResponse(trx, { consultationId: id, fields, answers }, meta));
      }
    }
  }, 60_000);

  it('keeps the paper page’s hidden "yes" hidden, and the online page says no more than the three pages allow', async () => {
    const paper = await loadResults(db, consultation, 'en', new URLSearchParams({ channel: 'paper' }), THRESHOLD);
    const online = await loadResults(db, consultation, 'en', new URLSearchParams({ channel: 'online' }), THRESHOLD);
    const everyone = await loadResults(db, consultation, 'en', new URLSearchParams(), THRESHOLD);
    if (!paper.ok || !online.ok || !everyone.ok) throw new Error('refused');
    const yes = (m: ResultsModel) => m.questions[0]!.rows[0]!.cells[0]!;
    expect(yes(paper.model).suppressed).toBe(true);
    expect(yes(everyone.model)).toMatchObject({ suppressed: false, count: 50 });
    // The online figures that would give the 3 away are hidden with it.
    expect(yes(online.model).suppressed).toBe(true);

    const { pages } = await jointPages(consultation, new URLSearchParams({ channel: 'paper' }));
    // The online page as asked is the complement the paper page was protected with.
    expect(pattern(online.model)).toEqual(pattern(pages[2]!.model));
    expect(determinedInComplement(audit(pages))).toEqual([]);
  });
});

describe('random filters on random responses with small groups planted', () => {
  let consultation: Consultation;
  const choices: Record<string, string[]> = {};
  beforeAll(async () => {
    const id = await createConsultation(db, {
      sections: [
        {
          key: 'main',
          questions: [
            { key: 'pick', kind: 'single_choice', options: ['a', 'b', 'c'] },
            { key: 'many', kind: 'multiple_choice', options: ['m1', 'm2', 'm3'] },
            { key: 'rank', kind: 'ranking', options: ['r1', 'r2', 'r3'], rankCount: 2 },
            { key: 'yn', kind: 'yes_no' },
          ],
        },
      ],
    });
    await storeRandomResponses(db, id, 260, createRandom(15));
    // Planted small groups: few on video, few businesses.
    const planted = async (column: 'channel' | 'respondent_group', value: string, keep: number, instead: string) => {
      const ids = await db.selectFrom('responses').select('id').where('consultation_id', '=', id).where(column, '=', value).orderBy('id').execute();
      const moved = ids.slice(keep).map((r) => r.id);
      if (moved.length > 0)
        await db
          .updateTable('responses')
          .set({ [column]: instead })
          .where('id', 'in', moved)
          .execute();
    };
    await planted('channel', 'video_booth', 4, 'online');
    await planted('respondent_group', 'business', 6, 'resident');
    consultation = await consultationOf(id);
    const outcome = await loadResults(db, consultation, 'en', new URLSearchParams(), THRESHOLD);
    if (!outcome.ok) throw new Error('refused');
    for (const d of outcome.form.dimensions) choices[d.dimension] = d.choices.map((c) => c.value);
  }, 120_000);

  const dimensions = ['channel', 'respondentGroup', 'ageBand'] as const;
  const requestArb = fc.record({
    breakdown: fc.constantFrom(null, 'channel', 'respondentGroup', 'sex'),
    filters: fc.uniqueArray(fc.record({ dimension: fc.constantFrom(...dimensions), pick: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }) }), {
      minLength: 1,
      maxLength: 2,
      selector: (f) => f.dimension,
    }),
  });
  const paramsOf = (r: { dimension: string; pick: boolean[] }[], breakdown: string | null) => {
    const params = new URLSearchParams(breakdown ? { breakdown } : {});
    for (const f of r) {
      const values = (choices[f.dimension] ?? []).filter((_, i) => f.pick[i]);
      for (const v of values.length > 0 ? values : (choices[f.dimension] ?? []).slice(0, 1)) params.append(f.dimension, v);
    }
    return params;
  };

  it('leaves no hidden figure determined by the filter, its complement and the unfiltered figures together', async () => {
    let audited = 0;
    const bounds = { checked: 0, failures: 0, pagesAlone: 0, conflicts: 0, kinds: {} as Record<string, number> };
    await fc.assert(
      fc.asyncProperty(requestArb, async ({ breakdown, filters }) => {
        const params = paramsOf(filters, breakdown);
        const { pages, conflicts } = await jointPages(consultation, params);
        const tables = audit(pages);
        expect(determinedInComplement(tables), params.toString()).toEqual([]);
        const found = await auditBounds(tables);
        bounds.checked += found.bounds.length;
        bounds.failures += found.failures.length;
        for (const f of found.failures) bounds.kinds[f.kind] = (bounds.kinds[f.kind] ?? 0) + 1;
        // Each page alone, for comparison: the single-page protection fails this auditor already.
        for (const alone of pages) bounds.pagesAlone += (await auditBounds(complementTables(THRESHOLD, alone, []))).failures.length;
        bounds.conflicts += conflicts;
        audited += 1;
      }),
      { seed: 1512, numRuns: 30 },
    );
    expect(audited).toBe(30);
    console.log(
      `complement audit: ${bounds.checked} hidden figures bounded, ${bounds.failures} failing the bounds auditor ${JSON.stringify(bounds.kinds)} (each page audited alone: ${bounds.pagesAlone}), ${bounds.conflicts} conflicts`,
    );
  }, 300_000);

  it('gives the complement, asked as a filter, exactly the pattern the filter’s complement had, and leaves the unfiltered page as it was', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(null, 'channel', 'sex', 'ageBand'),
        fc.constantFrom(...dimensions),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        async (breakdown, dimension, pick) => {
          const all = choices[dimension] ?? [];
          const values = all.filter((_, i) => pick[i]);
          fc.pre(values.length > 0 && values.length < all.length);
          compared += 1;
          const asked = new URLSearchParams(breakdown ? { breakdown } : {});
          const other = new URLSearchParams(breakdown ? { breakdown } : {});
          for (const v of all) (values.includes(v) ? asked : other).append(dimension, v);
          const f = await jointPages(consultation, asked);
          const notF = await jointPages(consultation, other);
          // The complement counted as everyone less the filter is the complement counted as a filter.
          expect(f.pages[2]!.summary).toEqual(notF.pages[1]!.summary);
          expect(pattern(notF.model)).toEqual(pattern(f.complement));
          expect(pattern(f.model)).toEqual(pattern(notF.complement));
          const everyone = await loadResults(db, consultation, 'en', new URLSearchParams(breakdown ? { breakdown } : {}), THRESHOLD);
          if (!everyone.ok) throw new Error('refused');
          expect(pattern(f.pages[0]!.model)).toEqual(pattern(everyone.model));
        },
      ),
      { seed: 77, numRuns: 16 },
    );
    expect(compared).toBeGreaterThanOrEqual(12);
  }, 300_000);
});
