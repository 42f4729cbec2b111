import { groupKey } from '~/analysis/filters';
import type { QuestionResult, ResultsModel } from '~/analysis/results-model';
import type { Counts, QuestionCounts, Summary } from '~/analysis/summarise';
import type { Figure, PublishedTables, Relation, Term } from './bounds-auditor';
import { determinedBySums } from './linked-auditor';

// An intruder's view of three results pages published side by side (test support): the
// unfiltered figures at one breakdown, a filter's, and its complement's. Every figure any of
// them shows (counts, "no answer", "not asked", responses, bases) is a constant, every hidden
// one an unknown, and the true sums between them relations: within a page, a breakdown's All
// column is its groups added up and answers that exclude each other add up to the responses;
// across the pages, everyone = the filter + its complement, figure by figure (a group a page
// leaves out, nobody in it, is a known 0). The figures' true values come from the raw summaries,
// not from the code under test. linked-auditor.ts then solves the equalities exactly, and
// bounds-auditor.ts bounds each hidden figure by linear programming (counts being ≥ 0 and a
// count of those who chose an answer at most those who answered).

const ADDITIVE: ReadonlySet<string> = new Set(['single_choice', 'yes_no', 'agree_scale', 'rating']);

export interface AuditedPage {
  /** A short name: 'all', 'F', 'notF'. */
  name: string;
  model: ResultsModel;
  summary: Summary;
  coded?: Summary;
}

function truthOf(page: AuditedPage) {
  const byColumn = new Map<string, Map<string, QuestionCounts>>();
  const responses = new Map<string, number>();
  const add = (column: string, counts: Counts | undefined) => {
    if (!counts) return;
    const map = byColumn.get(column) ?? new Map<string, QuestionCounts>();
    for (const q of counts.questions) map.set(q.key, q);
    byColumn.set(column, map);
  };
  add('all', page.summary.total);
  add('all', page.coded?.total);
  responses.set('all', page.summary.total.responses);
  for (const g of page.summary.breakdown?.groups ?? []) {
    add(groupKey(g.value), g.counts);
    responses.set(groupKey(g.value), g.counts.responses);
  }
  for (const g of page.coded?.breakdown?.groups ?? []) add(groupKey(g.value), g.counts);
  return {
    responses: (column: string) => responses.get(column) ?? 0,
    value: (question: string, line: string, column: string) => {
      const q = byColumn.get(column)?.get(question);
      if (!q) return 0;
      if (line === 'noAnswer') return q.noAnswer;
      if (line === 'notAsked') return q.notAsked;
      const [measure, i] = line.split(':') as [string, string];
      if (measure === 'count') return q.options[Number(i)]?.count ?? 0;
      const r = q.ranking?.[Number(i)];
      return (measure === 'first' ? r?.first : r?.top3) ?? 0;
    },
  };
}

const questionsOf = (model: ResultsModel): QuestionResult[] => [...model.questions, ...model.youth, ...model.themes];

/** Every figure of the three pages, and every true relation between them. */
export function complementTables(threshold: number, parent: AuditedPage, pages: readonly AuditedPage[]): PublishedTables {
  const figures = new Map<string, Figure>();
  const relations: Relation[] = [];
  const small = (v: number) => v > 0 && v < threshold;
  const routedAnywhere = new Set(
    [parent, ...pages].flatMap((p) =>
      questionsOf(p.model)
        .filter((q) => q.routed)
        .map((q) => q.key),
    ),
  );
  const name = (page: string, question: string, line: string, column: string) => `${page}|${question}|${line}|${column}`;
  const plus = (n: string): Term => ({ name: n, coefficient: 1 });
  const minus = (n: string): Term => ({ name: n, coefficient: -1 });

  for (const page of [parent, ...pages]) {
    const truth = truthOf(page);
    const put = (n: string, value: number, shown: { suppressed: boolean; value?: number }, sensitive: boolean) => {
      if (!shown.suppressed && shown.value !== value) throw new Error(`${n} is shown as ${shown.value}, truly ${value}`);
      figures.set(n, { name: n, value, shown: !shown.suppressed, sensitive: shown.suppressed && sensitive });
    };
    for (const q of questionsOf(page.model)) {
      const lines = [
        ...q.rows.map((_, i) => `count:${i}`),
        ...(q.ranking ?? []).flatMap((_, i) => [`first:${i}`, `top3:${i}`]),
        'noAnswer',
        ...(routedAnywhere.has(q.key) ? ['notAsked'] : []),
      ];
      q.columns.forEach((column, c) => {
        const responses = truth.responses(column.key);
        const sensitive = (v: number) => small(v) || (v === 0 && small(responses));
        put(`${page.name}|r|${column.key}`, responses, column.responses, small(responses));
        for (const line of lines) {
          const value = truth.value(q.key, line, column.key);
          const [measure, i] = line.split(':') as [string, string];
          const cell =
            line === 'noAnswer'
              ? column.noAnswer
              : line === 'notAsked'
                ? column.notAsked
                : measure === 'count'
                  ? q.rows[Number(i)]?.cells[c]
                  : q.ranking?.[Number(i)]?.[measure as 'first' | 'top3'][c];
          const shown = !cell || cell.suppressed ? { suppressed: true } : { suppressed: false, value: 'count' in cell ? cell.count : cell.value };
          put(name(page.name, q.key, line, column.key), value, shown, sensitive(value));
        }
        if (!column.base.suppressed) {
          const base = `${page.name}|base|${q.key}|${column.key}`;
          put(base, column.base.value, column.base, false);
          const notAsked = lines.includes('notAsked') ? [minus(name(page.name, q.key, 'notAsked', column.key))] : [];
          relations.push({
            terms: [minus(base), plus(`${page.name}|r|${column.key}`), minus(name(page.name, q.key, 'noAnswer', column.key)), ...notAsked],
            sense: '=',
          });
        }
        const tails = [name(page.name, q.key, 'noAnswer', column.key), ...(lines.includes('notAsked') ? [name(page.name, q.key, 'notAsked', column.key)] : [])];
        const adds = (measure: string) => [...q.rows.map((_, i) => name(page.name, q.key, `${measure}:${i}`, column.key)), ...tails];
        const totalsTo = (terms: string[]) => relations.push({ terms: [...terms.map(plus), minus(`${page.name}|r|${column.key}`)], sense: '=' });
        if (q.ranking) totalsTo(adds('first'));
        else if (ADDITIVE.has(q.kind)) totalsTo(adds('count'));
        // Those who chose an answer are among those who answered.
        for (const line of lines.filter((l) => !l.startsWith('first') && l !== 'noAnswer' && l !== 'notAsked')) {
          relations.push({ terms: [plus(name(page.name, q.key, line, column.key)), ...tails.map(plus), minus(`${page.name}|r|${column.key}`)], sense: '<=' });
        }
      });
      // A breakdown's All column is its groups added up.
      const groups = q.columns.filter((c) => c.key !== 'all');
      if (groups.length > 0) {
        for (const line of lines)
          relations.push({ terms: [minus(name(page.name, q.key, line, 'all')), ...groups.map((g) => plus(name(page.name, q.key, line, g.key)))], sense: '=' });
      }
    }
    const columns = questionsOf(page.model)[0]?.columns ?? [];
    const groups = columns.filter((c) => c.key !== 'all');
    if (groups.length > 0) relations.push({ terms: [minus(`${page.name}|r|all`), ...groups.map((g) => plus(`${page.name}|r|${g.key}`))], sense: '=' });
  }

  // Everyone is the filter and its complement, figure by figure; a figure a page leaves out is 0.
  for (const n of [...figures.keys()].filter((k) => pages.length > 0 && k.startsWith(`${parent.name}|`) && !k.includes('|base|'))) {
    const rest = n.slice(parent.name.length);
    relations.push({ terms: [minus(n), ...pages.flatMap((p) => (figures.has(`${p.name}${rest}`) ? [plus(`${p.name}${rest}`)] : []))], sense: '=' });
  }
  return { threshold, figures: [...figures.values()], relations };
}

/** Hidden figures the equalities alone pin down (exact linear algebra). */
export function determinedInComplement(tables: PublishedTables): { name: string; value: bigint }[] {
  return determinedBySums(tables);
}
