import { NOT_STATED } from './filters';
import { testQuestion } from './notable';
import { HIDDEN, type Cell, type Column, type Count, type QuestionResult, type ResultsModel } from './results-model';
import { wilsonInterval } from './statistics';

// Small protected models written out by hand, for the tests of the comparison of groups: each
// group's responses, base and yes/no counts (null: hidden), tested as the results model is.

export const count = (n: number | null): Count => (n === null ? HIDDEN : { suppressed: false, value: n });

function column(key: string, responses: number | null, base: number | null, total = false, notAsked = 0): Column {
  const noAnswer = responses !== null && base !== null ? count(responses - base - notAsked) : HIDDEN;
  return {
    key,
    label: key === 'all' ? 'All' : key === NOT_STATED ? 'Not stated' : `Ward ${key}`,
    total,
    responses: count(responses),
    base: count(base),
    noAnswer,
    notAsked: count(notAsked),
    percentOf: base === null && responses !== null ? 'responses' : 'answered',
  };
}

/** A shown cell with its percentage and Wilson interval, as safe-figures.ts makes them. */
function cell(n: number | null, base: number | null): Cell {
  if (n === null) return HIDDEN;
  if (base === null || base === 0) return { suppressed: false, count: n, percent: null, ciLow: null, ciHigh: null };
  const interval = wilsonInterval(n, base)!;
  return { suppressed: false, count: n, percent: (n / base) * 100, ciLow: interval.lower * 100, ciHigh: interval.upper * 100 };
}

/** `notAsked`: routed past the question, in the responses but not the base (0 when left out). */
export type Group = { key: string; responses: number | null; base: number | null; yes: number | null; no: number | null; notAsked?: number };

export function question(key: string, groups: Group[], kind: QuestionResult['kind'] = 'yes_no'): QuestionResult {
  const all = groups.reduce(
    (sum, g) => ({
      responses: sum.responses + (g.responses ?? 0),
      base: sum.base + (g.base ?? 0),
      yes: sum.yes + (g.yes ?? 0),
      no: sum.no + (g.no ?? 0),
      notAsked: sum.notAsked + (g.notAsked ?? 0),
    }),
    { responses: 0, base: 0, yes: 0, no: 0, notAsked: 0 },
  );
  const columns = [column('all', all.responses, all.base, true, all.notAsked), ...groups.map((g) => column(g.key, g.responses, g.base, false, g.notAsked))];
  const q: QuestionResult = {
    key,
    text: `Question ${key}?`,
    kind,
    scale: false,
    hidden: false,
    ...(all.notAsked > 0 ? { routed: true } : {}),
    columns,
    rows: [
      { key: 'yes', label: 'Yes', cells: [cell(all.yes, all.base), ...groups.map((g) => cell(g.yes, g.base))] },
      { key: 'no', label: 'No', cells: [cell(all.no, all.base), ...groups.map((g) => cell(g.no, g.base))] },
    ],
    notable: [],
  };
  testQuestion(q);
  return q;
}

export const g = (key: string, yes: number | null, no: number | null, extra: Partial<Group> = {}): Group => ({
  key,
  responses: (yes ?? 0) + (no ?? 0),
  base: (yes ?? 0) + (no ?? 0),
  yes,
  no,
  ...extra,
});

/** A breakdown by ward of these questions, as the results page's model. */
export function wardModel(parts: Pick<ResultsModel, 'questions' | 'youth' | 'themes'>): ResultsModel {
  return {
    consultation: { id: 1, slug: 'test', title: 'Test' },
    threshold: 10,
    breakdown: { dimension: 'ward', label: 'Ward' },
    filter: [],
    responses: count(400),
    ...parts,
    labels: { all: 'All', noAnswer: 'No answer' },
  };
}
