import type { QuestionKind } from '#db/schema';
import { groupKey } from './filters';
import type { Dimension } from './dimensions';
import type { Counts, QuestionCounts, Summary } from './summarise';
import { testQuestion } from './notable';
import { protectFamily, type Family, type HiddenTotals, type TabulatedQuestion } from './safe-figures';
import type { AppliedFilter, Count, QuestionResult, ResultsModel } from './results-model';

// Raw summaries (the index's counts, and the coded themes' counts) with their labels, made into
// the protected "what we heard" model. Pure: the server gathers the inputs (results.server.ts).
// Work is O(questions x options x groups): nothing here looks at single responses.

export interface QuestionLabel {
  id: number;
  key: string;
  kind: QuestionKind;
  text: string;
  /** No longer asked. */
  hidden: boolean;
  /** In a section only young people are asked. */
  youthOnly: boolean;
  /** Option id -> its label. */
  options: ReadonlyMap<number, string>;
}

export interface ResultsInput {
  consultation: ResultsModel['consultation'];
  threshold: number;
  summary: Summary;
  /** Coded free text, questions whose options are themes. */
  coded?: { summary: Summary; themes: readonly { id: number; name: string }[] };
  /** Every question of the consultation, in display order. */
  questions: readonly QuestionLabel[];
  breakdown: { dimension: Dimension; label: string } | null;
  groupLabel: (value: string | null) => string;
  filter: AppliedFilter[];
  labels: ResultsModel['labels'];
  /**
   * Figures tables outside this page hide (a filter's complement beside the unfiltered figures,
   * complement.ts), hidden here alike: by figureName, and the groups' responses by column key
   * ('all' for everyone).
   */
  pinned?: Pinned;
}

export interface Pinned {
  figures: ReadonlySet<string>;
  responses: ReadonlySet<string>;
}

const SCALES: readonly string[] = ['agree_scale', 'rating'];

function familyOf(summary: Summary, input: ResultsInput): { family: Family; counts: Counts[] } {
  const groups = summary.breakdown?.groups;
  if (!groups) {
    const family = { columns: [{ key: 'all', label: input.labels.all }], responses: [summary.total.responses], breakdown: false, allLabel: input.labels.all };
    return { family, counts: [summary.total] };
  }
  const columns = groups.map((g) => ({ key: groupKey(g.value), label: input.groupLabel(g.value) }));
  return {
    family: { columns, responses: groups.map((g) => g.counts.responses), breakdown: true, allLabel: input.labels.all },
    counts: groups.map((g) => g.counts),
  };
}

function tabulate(
  q: QuestionCounts,
  perGroup: readonly (QuestionCounts | undefined)[],
  described: Omit<TabulatedQuestion, 'counts' | 'noAnswer' | 'notAsked' | 'ranking'>,
): TabulatedQuestion {
  const byGroup = <T>(read: (g: QuestionCounts, i: number) => T) => q.options.map((_, i) => perGroup.map((g) => (g ? read(g, i) : (0 as T))));
  const tabulated: TabulatedQuestion = {
    ...described,
    counts: byGroup((g, i) => g.options[i]?.count ?? 0),
    noAnswer: perGroup.map((g) => g?.noAnswer ?? 0),
    notAsked: perGroup.map((g) => g?.notAsked ?? 0),
  };
  if (q.ranking) {
    tabulated.ranking = {
      first: byGroup((g, i) => g.ranking?.[i]?.first ?? 0),
      top3: byGroup((g, i) => g.ranking?.[i]?.top3 ?? 0),
      rankSum: byGroup((g, i) => g.ranking?.[i]?.rankSum ?? 0),
    };
  }
  return tabulated;
}

type Describe = (q: QuestionCounts) => Omit<TabulatedQuestion, 'counts' | 'noAnswer' | 'notAsked' | 'ranking'>;

/** What another part of the page hides, with the groups' responses pinned from outside it. */
function withPinned(family: Family, alsoHidden: HiddenTotals | undefined, pinned: Pinned | undefined): HiddenTotals | undefined {
  if (!pinned || pinned.responses.size === 0) return alsoHidden;
  const totals = new Set(alsoHidden?.totals);
  family.columns.forEach((c, j) => pinned.responses.has(c.key) && totals.add(j));
  return { totals, grand: (alsoHidden?.grand ?? false) || pinned.responses.has('all'), notAsked: alsoHidden?.notAsked ?? new Map() };
}

function protectSummary(summary: Summary, input: ResultsInput, describe: Describe, alsoHidden?: HiddenTotals) {
  const { family, counts } = familyOf(summary, input);
  const byId = counts.map((c) => new Map(c.questions.map((q) => [q.questionId, q])));
  const tabulated = summary.total.questions.map((q) =>
    tabulate(
      q,
      byId.map((m) => m.get(q.questionId)),
      describe(q),
    ),
  );
  const result = protectFamily(family, tabulated, input.threshold, withPinned(family, alsoHidden, input.pinned), input.pinned?.figures);
  if (family.breakdown) for (const q of result.questions) testQuestion(q);
  return { ...result, family };
}

const sameGroups = (a: Family, b: Family) =>
  a.responses.length === b.responses.length && a.responses.every((r, j) => r === b.responses[j] && a.columns[j]?.key === b.columns[j]?.key);
const hidesMore = (a: HiddenTotals, b: HiddenTotals) =>
  (a.grand && !b.grand) ||
  [...a.totals].some((j) => !b.totals.has(j)) ||
  // A free-text question on a closed question's route: their "not asked" is the same figure.
  [...a.notAsked].some(([route, hidden]) => {
    const other = b.notAsked.get(route);
    return (hidden.total && !other?.total) || [...hidden.cells].some((j) => !other?.cells.has(j));
  });

export function buildResults(input: ResultsInput): ResultsModel {
  const labels = new Map(input.questions.map((q) => [q.id, q]));
  const position = new Map(input.questions.map((q, i) => [q.id, i]));
  const ordered = {
    ...input.summary,
    total: {
      ...input.summary.total,
      questions: [...input.summary.total.questions].sort((a, b) => (position.get(a.questionId) ?? Infinity) - (position.get(b.questionId) ?? Infinity)),
    },
  };

  const describeClosed: Describe = (q) => {
    const label = labels.get(q.questionId);
    return {
      key: q.key,
      text: label?.text ?? q.key,
      kind: q.kind,
      scale: SCALES.includes(q.kind),
      hidden: label?.hidden ?? false,
      // A rating's values have no option rows: the value is its own label.
      options: q.options.map((o) => ({ key: o.key, label: (o.optionId !== null ? label?.options.get(o.optionId) : undefined) ?? o.key })),
    };
  };
  let main = protectSummary(ordered, input, describeClosed);
  const youthOnly = new Set(input.questions.filter((q) => q.youthOnly).map((q) => q.key));
  const split = (results: QuestionResult[], youth: boolean) => results.filter((q) => youthOnly.has(q.key) === youth);

  let themes: QuestionResult[] = [];
  const coded = input.coded;
  if (coded && coded.summary.total.questions.length > 0) {
    const names = new Map(coded.themes.map((t) => [t.id, t.name]));
    const describeCoded: Describe = (q) => ({
      key: q.key,
      text: labels.get(q.questionId)?.text ?? q.key,
      kind: 'coded',
      scale: false,
      hidden: labels.get(q.questionId)?.hidden ?? false,
      options: q.options.map((o) => ({ key: o.key, label: (o.optionId !== null ? names.get(o.optionId) : undefined) ?? o.key })),
    });
    // The same groups' responses appear in both parts of the page, so both hide the same ones.
    const linked = sameGroups(familyOf(coded.summary, input).family, main.family);
    let part = protectSummary(coded.summary, input, describeCoded, linked ? main.hidden : undefined);
    while (linked && hidesMore(part.hidden, main.hidden)) {
      main = protectSummary(ordered, input, describeClosed, part.hidden);
      part = protectSummary(coded.summary, input, describeCoded, main.hidden);
    }
    themes = part.questions;
  }

  const responses: Count = main.responses;
  return {
    consultation: input.consultation,
    threshold: input.threshold,
    breakdown: input.breakdown,
    filter: input.filter,
    responses,
    questions: split(main.questions, false),
    youth: split(main.questions, true),
    themes,
    labels: input.labels,
  };
}
