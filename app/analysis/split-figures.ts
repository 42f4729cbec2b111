import { percentageOf } from './disclosure';
import { groupKey } from './filters';
import { testQuestion } from './notable';
import type { ResultsInput } from './results';
import { HIDDEN, percentBaseOf, type Cell, type Column, type Count, type QuestionResult, type ResultsModel } from './results-model';
import type { QuestionCounts } from './summarise';

// A filter on the breakdown's own dimension (or one that otherwise keeps each group whole or
// leaves it out: wards by area committee, say) splits the unfiltered page's groups between the
// filter and its complement. Each group's figures are then the unfiltered page's, figure for
// figure, so they must be shown and hidden exactly as that page shows and hides them, and the
// only new figures are each side's All column: the sum of its groups. That sum is shown only
// where the unfiltered page already gives it away (every group of the line on one side is shown
// there, and so is its All), so the two pages say nothing the unfiltered page does not: safe
// together by construction, and the same whichever side was asked.

const ADDITIVE: ReadonlySet<string> = new Set(['single_choice', 'yes_no', 'agree_scale', 'rating']);
const shown = (value: number): Count => ({ suppressed: false, value });

/** The side's page, built from the unfiltered page (`parent`) of the same breakdown. */
export function splitPage(side: ResultsInput, parent: ResultsModel): ResultsModel {
  const groups = new Set((side.summary.breakdown?.groups ?? []).map((g) => groupKey(g.value)));
  const raw = new Map<string, QuestionCounts[]>();
  for (const g of [...(side.summary.breakdown?.groups ?? []), ...(side.coded?.summary.breakdown?.groups ?? [])]) {
    for (const q of g.counts.questions) raw.set(q.key, [...(raw.get(q.key) ?? []), q]);
  }
  const total = (key: string, read: (q: QuestionCounts) => number) => (raw.get(key) ?? []).reduce((n, q) => n + read(q), 0);

  const page = (q: QuestionResult): QuestionResult => {
    const all = q.columns.findIndex((c) => c.total);
    const kept = q.columns.flatMap((c, j) => (groups.has(c.key) && !c.total ? [j] : []));
    const rest = q.columns.flatMap((c, j) => (!groups.has(c.key) && !c.total ? [j] : []));
    // A line's All on this side, when the parent's figures give it away: the parent's All less
    // the other side's groups, or this side's groups added up, every one of them shown.
    const implied = (hidden: (j: number) => boolean, value: number): Count =>
      kept.every((j) => !hidden(j)) || (!hidden(all) && rest.every((j) => !hidden(j))) ? shown(value) : HIDDEN;
    const parentAll = q.columns[all]!;
    const responses = implied((j) => q.columns[j]!.responses.suppressed, side.summary.total.responses);
    const noAnswer = implied(
      (j) => q.columns[j]!.noAnswer.suppressed,
      total(q.key, (c) => c.noAnswer),
    );
    const notAsked = q.routed
      ? implied(
          (j) => q.columns[j]!.notAsked.suppressed,
          total(q.key, (c) => c.notAsked),
        )
      : shown(0);
    const counts = q.rows.map((r, i) =>
      implied(
        (j) => r.cells[j]!.suppressed,
        total(q.key, (c) => c.options[i]?.count ?? 0),
      ),
    );
    const answered =
      ADDITIVE.has(q.kind) && !q.ranking && counts.every((c) => !c.suppressed) ? counts.reduce((n, c) => n + (c.suppressed ? 0 : c.value), 0) : null;
    const base: Count =
      !responses.suppressed && !noAnswer.suppressed && !notAsked.suppressed
        ? shown(responses.value - noAnswer.value - notAsked.value)
        : !responses.suppressed && answered !== null
          ? shown(answered)
          : HIDDEN;
    const fallback = base.suppressed && !responses.suppressed && !notAsked.suppressed;
    const column: Column = {
      ...parentAll,
      responses,
      noAnswer,
      notAsked,
      base,
      percentOf: !fallback ? 'answered' : !notAsked.suppressed && notAsked.value === 0 ? 'responses' : 'asked',
    };
    const cell = (count: Count): Cell => {
      if (count.suppressed) return HIDDEN;
      const b = percentBaseOf(column);
      const p = percentageOf({ kind: 'shown', value: count.value }, b.suppressed ? { kind: 'suppressed' } : { kind: 'shown', value: b.value });
      if (p.kind !== 'shown') return { suppressed: false, count: count.value, percent: null, ciLow: null, ciHigh: null };
      return { suppressed: false, count: count.value, percent: p.proportion * 100, ciLow: p.interval.lower * 100, ciHigh: p.interval.upper * 100 };
    };
    // The groups' cells as the parent shows them, without the parent's notable flags (tested again below).
    const copy = (c: Cell): Cell => (c.suppressed ? HIDDEN : { suppressed: false, count: c.count, percent: c.percent, ciLow: c.ciLow, ciHigh: c.ciHigh });
    const result: QuestionResult = {
      ...q,
      columns: [column, ...kept.map((j) => q.columns[j]!)],
      rows: q.rows.map((r, i) => ({ ...r, cells: [cell(counts[i]!), ...kept.map((j) => copy(r.cells[j]!))] })),
      notable: [],
    };
    delete result.test;
    if (q.ranking) {
      result.ranking = q.ranking.map((r, i) => {
        const first = implied(
          (j) => r.first[j]!.suppressed,
          total(q.key, (c) => c.ranking?.[i]?.first ?? 0),
        );
        const top3 = implied(
          (j) => r.top3[j]!.suppressed,
          total(q.key, (c) => c.ranking?.[i]?.top3 ?? 0),
        );
        const ranked = counts[i]!;
        const rankSum = total(q.key, (c) => c.ranking?.[i]?.rankSum ?? 0);
        return {
          ...r,
          first: [cell(first), ...kept.map((j) => copy(r.first[j]!))],
          top3: [cell(top3), ...kept.map((j) => copy(r.top3[j]!))],
          meanRank: [
            ranked.suppressed ? HIDDEN : { suppressed: false, value: ranked.value > 0 ? rankSum / ranked.value : null },
            ...kept.map((j) => r.meanRank[j]!),
          ],
        };
      });
    }
    testQuestion(result);
    return result;
  };
  const responses = parent.questions[0] ?? parent.youth[0] ?? parent.themes[0];
  return {
    ...parent,
    filter: side.filter,
    responses: responses ? page(responses).columns[0]!.responses : HIDDEN,
    questions: parent.questions.map(page),
    youth: parent.youth.map(page),
    themes: parent.themes.map(page),
  };
}

/**
 * `model` with the groups named in `keys` as the parent shows them. Used where the other side
 * has nobody in a group: the group's figures are then the parent's, known to anyone who reads
 * the parent's page, so a figure the side's own protection hid there hides nothing (and the
 * joint protection has already taken it as known); showing it as the parent does adds nothing
 * to what the pages together tell, and keeps the two pages alike.
 */
export function withParentGroups(model: ResultsModel, parent: ResultsModel, keys: ReadonlySet<string>): ResultsModel {
  if (keys.size === 0) return model;
  const parents = new Map([...parent.questions, ...parent.youth, ...parent.themes].map((q) => [q.key, q]));
  const copy = (c: Cell): Cell => (c.suppressed ? HIDDEN : { suppressed: false, count: c.count, percent: c.percent, ciLow: c.ciLow, ciHigh: c.ciHigh });
  const page = (q: QuestionResult): QuestionResult => {
    const p = parents.get(q.key);
    if (!p) return q;
    const from = q.columns.map((c) => (!c.total && keys.has(c.key) ? p.columns.findIndex((x) => x.key === c.key && !x.total) : -1));
    if (from.every((j) => j === -1)) return q;
    const pick = <T>(own: readonly T[], theirs: readonly T[], map: (t: T) => T) => own.map((c, j) => (from[j]! >= 0 ? map(theirs[from[j]!]!) : map(c)));
    const result: QuestionResult = {
      ...q,
      columns: q.columns.map((c, j) => (from[j]! >= 0 ? p.columns[from[j]!]! : c)),
      rows: q.rows.map((r, i) => ({ ...r, cells: pick(r.cells, p.rows[i]?.cells ?? [], copy) })),
      notable: [],
    };
    if (q.ranking) {
      result.ranking = q.ranking.map((r, i) => {
        const theirs = p.ranking?.[i];
        return {
          ...r,
          first: pick(r.first, theirs?.first ?? [], copy),
          top3: pick(r.top3, theirs?.top3 ?? [], copy),
          meanRank: pick(r.meanRank, theirs?.meanRank ?? [], (m) => m),
        };
      });
    }
    delete result.test;
    testQuestion(result);
    return result;
  };
  return { ...model, questions: model.questions.map(page), youth: model.youth.map(page), themes: model.themes.map(page) };
}
