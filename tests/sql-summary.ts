import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Db } from '#db/connection';
import { ETHNIC_GROUPS } from '~/responses/demographics';
import type { Dimension } from '~/analysis/dimensions';
import type { Counts, Summary, SummaryRequest } from '~/analysis/summarise';
import { CLOSED_KINDS } from '~/analysis/index/columns';

// The straightforward recomputation the index is checked against: GROUP BY over the answers
// table, as issue 5 says not to do per page view. Test support only. Results come in a plain
// comparable form (see `Comparable`), which `comparable()` also makes of an index's Summary.

export interface ComparableQuestion {
  base: number;
  noAnswer: number;
  /** Routed past the question (not_asked rows): in neither the base nor noAnswer. */
  notAsked: number;
  /** Option key (a rating's value) -> count, zero counts left out. */
  options: Record<string, number>;
  ranking?: Record<string, { ranked: number; rankSum: number; first: number; top3: number }>;
}
export interface ComparableCounts {
  responses: number;
  questions: Record<string, ComparableQuestion>;
}
export interface Comparable {
  total: ComparableCounts;
  groups?: Record<string, ComparableCounts>;
}

const lit = (s: string) => sql.lit(s);

/** The SQL for a dimension's value, mirroring dimensions.ts independently. */
function expression(dimension: Dimension): RawBuilder<string | null> {
  switch (dimension) {
    case 'ethnicGroup': {
      const whens = Object.entries(ETHNIC_GROUPS).map(([group, codes]) => sql`when responses.ethnicity in (${sql.join(codes.map(lit))}) then ${lit(group)}`);
      return sql<string | null>`(case ${sql.join(whens, sql` `)} else responses.ethnicity end)`;
    }
    case 'areaCommittee':
      return sql<string | null>`wards.area_committee`;
    default: {
      const columns = {
        ageBand: 'age_band',
        sex: 'sex',
        ethnicity: 'ethnicity',
        disability: 'disability',
        carer: 'carer',
        ward: 'ward_code',
        respondentGroup: 'respondent_group',
        channel: 'channel',
        locale: 'locale',
      } as const;
      return sql<string | null>`${sql.ref(`responses.${columns[dimension]}`)}`;
    }
  }
}

function where(request: SummaryRequest): Expression<unknown>[] {
  return Object.entries(request.filter ?? {}).map(([dimension, values]) => {
    const e = expression(dimension as Dimension);
    const present = (values ?? []).filter((v): v is string => v !== null);
    const parts = [present.length > 0 ? sql`${e} in (${sql.join(present)})` : sql`1 = 0`];
    if ((values ?? []).includes(null)) parts.push(sql`${e} is null`);
    return sql`(${sql.join(parts, sql` or `)})`;
  });
}

type Group = string; // String(value): "null" for "not stated"

async function countsBySql(db: Db, consultationId: number, request: SummaryRequest, grouped: boolean) {
  const g = grouped && request.breakdown ? expression(request.breakdown) : sql<string>`'all'`;
  const conditions = where(request);
  const scope = <T extends { where: (e: Expression<unknown>) => T }>(qb: T) => conditions.reduce((q, c) => q.where(c), qb);
  const responses = await scope(
    db
      .selectFrom('responses')
      .leftJoin('wards', 'wards.code', 'responses.ward_code')
      .where('responses.consultation_id', '=', consultationId)
      .where('responses.status', '=', 'counted'),
  )
    .select([g.as('g'), sql<number>`count(*)`.as('n')])
    .groupBy(sql`1`)
    .execute();
  const answered = () =>
    scope(
      db
        .selectFrom('answers')
        .innerJoin('responses', 'responses.id', 'answers.response_id')
        .innerJoin('questions', 'questions.id', 'answers.question_id')
        .leftJoin('wards', 'wards.code', 'responses.ward_code')
        .where('responses.consultation_id', '=', consultationId)
        .where('responses.status', '=', 'counted')
        .where('questions.kind', 'in', CLOSED_KINDS),
    );
  const options = await answered()
    .leftJoin('options', 'options.id', 'answers.option_id')
    .select([
      g.as('g'),
      'questions.key as question',
      'options.key as option',
      'answers.value_number',
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(answers.rank)`.as('rank_sum'),
      sql<number>`sum(case when answers.rank = 1 then 1 else 0 end)`.as('first'),
      sql<number>`sum(case when answers.rank <= 3 then 1 else 0 end)`.as('top3'),
    ])
    .groupBy([sql`1`, 'questions.key', 'options.key', 'answers.value_number'])
    .execute();
  const bases = await answered()
    .select([g.as('g'), 'questions.key as question', sql<number>`count(distinct answers.response_id)`.as('n')])
    .groupBy([sql`1`, 'questions.key'])
    .execute();
  const skipped = await scope(
    db
      .selectFrom('not_asked')
      .innerJoin('responses', 'responses.id', 'not_asked.response_id')
      .innerJoin('questions', 'questions.id', 'not_asked.question_id')
      .leftJoin('wards', 'wards.code', 'responses.ward_code')
      .where('responses.consultation_id', '=', consultationId)
      .where('responses.status', '=', 'counted')
      .where('questions.kind', 'in', CLOSED_KINDS),
  )
    .select([g.as('g'), 'questions.key as question', sql<number>`count(*)`.as('n')])
    .groupBy([sql`1`, 'questions.key'])
    .execute();
  return { responses, options, bases, skipped };
}

export async function summariseBySql(db: Db, consultationId: number, request: SummaryRequest): Promise<Comparable> {
  const closed = await db
    .selectFrom('questions')
    .select(['key', 'kind'])
    .where('consultation_id', '=', consultationId)
    .where('kind', 'in', CLOSED_KINDS)
    .execute();
  const assemble = async (grouped: boolean): Promise<Record<Group, ComparableCounts>> => {
    const { responses, options, bases, skipped } = await countsBySql(db, consultationId, request, grouped);
    const out: Record<Group, ComparableCounts> = {};
    for (const r of responses) {
      const questions = Object.fromEntries(
        closed.map((q) => [q.key, { base: 0, noAnswer: Number(r.n), notAsked: 0, options: {}, ...(q.kind === 'ranking' ? { ranking: {} } : {}) }]),
      );
      out[String(r.g)] = { responses: Number(r.n), questions };
    }
    for (const b of bases) {
      const q = out[String(b.g)]?.questions[b.question];
      if (!q) throw new Error(`Answers without a response group: ${b.g}`);
      q.base = Number(b.n);
      q.noAnswer -= Number(b.n);
    }
    for (const k of skipped) {
      const q = out[String(k.g)]?.questions[k.question];
      if (!q) throw new Error(`Not asked without a response group: ${k.g}`);
      q.notAsked = Number(k.n);
      q.noAnswer -= Number(k.n);
    }
    for (const o of options) {
      const q = out[String(o.g)]?.questions[o.question];
      if (!q) throw new Error(`Answers without a response group: ${o.g}`);
      const key = o.option ?? String(o.value_number);
      q.options[key] = Number(o.n);
      if (q.ranking) q.ranking[key] = { ranked: Number(o.n), rankSum: Number(o.rank_sum), first: Number(o.first), top3: Number(o.top3) };
    }
    return out;
  };
  const total = (await assemble(false)).all ?? { responses: 0, questions: {} };
  if (total.responses === 0) {
    total.questions = Object.fromEntries(
      closed.map((q) => [q.key, { base: 0, noAnswer: 0, notAsked: 0, options: {}, ...(q.kind === 'ranking' ? { ranking: {} } : {}) }]),
    );
  }
  return request.breakdown ? { total, groups: await assemble(true) } : { total };
}

function comparableCounts(c: Counts): ComparableCounts {
  const questions: Record<string, ComparableQuestion> = {};
  for (const q of c.questions) {
    const options = Object.fromEntries(q.options.filter((o) => o.count > 0).map((o) => [o.key, o.count]));
    const out: ComparableQuestion = { base: q.base, noAnswer: q.noAnswer, notAsked: q.notAsked, options };
    if (q.ranking) {
      out.ranking = Object.fromEntries(
        q.ranking.filter((r) => r.ranked > 0).map((r) => [r.key, { ranked: r.ranked, rankSum: r.rankSum, first: r.first, top3: r.top3 }]),
      );
    }
    questions[q.key] = out;
  }
  return { responses: c.responses, questions };
}

/** An index's summary in the form summariseBySql returns. */
export function comparable(summary: Summary): Comparable {
  const total = comparableCounts(summary.total);
  if (!summary.breakdown) return { total };
  return { total, groups: Object.fromEntries(summary.breakdown.groups.map((g) => [String(g.value), comparableCounts(g.counts)])) };
}
