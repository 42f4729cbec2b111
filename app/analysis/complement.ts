import { protectTable, type Cell as DisclosureCell } from './disclosure';
import { groupKey } from './filters';
import { buildResults, type Pinned, type ResultsInput } from './results';
import type { QuestionResult, ResultsModel } from './results-model';
import { figureName } from './safe-figures';
import { splitPage, withParentGroups } from './split-figures';
import type { Counts, QuestionCounts, Summary } from './summarise';

// An officer's filter protected with its complement (issue 15). Each filtered page is protected
// within itself (safe-figures.ts), but a filter F, the unfiltered figures at the same breakdown
// and F's complement (everyone else: "not F") add up, figure by figure: unfiltered = F + not-F,
// for every answer, "no answer", "not asked" and group's responses, in the All column and in
// every group. So the unfiltered page less F's page gives not-F's figures, and a figure F's page
// hides could be read off the unfiltered page less what not-F's page shows.
//
// The method is the one linked-disclosure.ts uses for wards in committees (HiTaS, as tau-ARGUS
// calls it), with the unfiltered figures as the parent whose pattern is fixed: the unfiltered
// page is protected on its own, as it always was, and adding a filter never changes what it
// shows. Its hidden figures are forced hidden in the children below. Then, until no table hides
// anything new:
// - F's page and not-F's page are protected each as a page (buildResults), with what the other
//   tables hide of their figures pinned (hidden alike);
// - for each question, each column (everyone, then each group of the breakdown) and each of the
//   question's tables, a child table: F's and not-F's lines as two columns, the parent's column
//   as the row totals, the groups' responses as column totals (where the answers add up to the
//   responses; where people may choose several, each line is a child of its own, as the page
//   protects each such line on its own, by the line rule: no line of F, not-F and the parent
//   with exactly one hidden figure), and one line for the groups' responses. What a child hides
//   is pinned on the page it belongs to.
// The two columns of a child are ordered by the sides' sizes, not by which was asked (both
// orders, hiding what either hides, when the sizes are equal: two safe patterns together are
// safe, every hidden figure still on a cycle of hidden ones), so asking for the complement as a
// filter (the other values of the dimension) shows exactly what F's complement was protected as.
// Where one side has nobody in a group, the other side's group is the parent's, figure for
// figure: it is pinned to what the parent hides and shown as the parent shows it; a filter that
// keeps every group whole or leaves it out (the breakdown's own dimension) is built from the
// parent's page outright (split-figures.ts). A side nobody was routed past a question says
// "not asked: 0", so the other side's "not asked" is the parent's likewise. A group shown as the
// parent's cannot be what protects the side's other figures: where the side's own page hid one
// of its figures the parent shows, the side's All of that line is hidden instead.
// A line the parent shows as 0 is 0 on both sides, known from the parent alone (counts are never
// negative): it is kept out of the child's table, whose interval rule would otherwise find a
// side's small-group zero with no room and hide the parent's 0, and protected as a line: where
// one side hides its zero, so does the other.
//
// What stays open. Only F, its complement and the unfiltered figures at one breakdown are
// protected together. With several dimensions (F = A and B) the complement is "not (A and B)"
// within everyone; A alone, "A and not B", or B are other requests, each protected with its own
// complement and not with F. So two different overlapping filters can still be combined: on the
// demo conversation (700 responses), the pages for paper, paper and resident, and paper and
// every other group (the last two add up to the first, which none of them is protected with)
// left 30 of their 234 hidden figures determined (measured before the interval rule; the
// leak is the same kind after it). Likewise nested filters (paper, and paper or
// online: their difference is a third filter), one filter at two breakdowns (its All column is
// protected with a different parent at each), and in general any family of filters whose sets
// a reader can add and subtract: a reader who can ask any filter can isolate a small set as a
// difference of filters, and only the threshold on every count a page shows stands in the way.
// Figures the parent shows are never hidden to protect a child. The interval rule (disclosure.ts)
// can still want one hidden, to give two small figures of a line room that the shown figures do
// not leave (HiTaS's known limit; 7 such lines over the random consultations of
// complement.server.test.ts): the joint protection counts them in `conflicts` and keeps each such
// line with two hidden figures or none, so nothing there is worked out by subtraction, but those
// figures can be narrowed below "fewer than t" by a reader who also uses non-negativity.

/** `whole` less `part`, group by group (groups with nobody left are dropped, as summarise drops them). */
export function complementOf(whole: Summary, part: Summary): Summary {
  const byGroup = new Map((part.breakdown?.groups ?? []).map((g) => [groupKey(g.value), g.counts]));
  const result: Summary = { total: less(whole.total, part.total) };
  if (whole.breakdown) {
    const groups = whole.breakdown.groups
      .map((g) => ({ value: g.value, counts: less(g.counts, byGroup.get(groupKey(g.value))) }))
      .filter((g) => g.counts.responses > 0);
    result.breakdown = { dimension: whole.breakdown.dimension, groups };
  }
  return result;
}

function less(whole: Counts, part: Counts | undefined): Counts {
  const byKey = new Map((part?.questions ?? []).map((q) => [q.key, q]));
  return {
    responses: whole.responses - (part?.responses ?? 0),
    questions: whole.questions.map((q): QuestionCounts => {
      const p = byKey.get(q.key);
      const option = (i: number) => p?.options[i]?.count ?? 0;
      const result: QuestionCounts = {
        ...q,
        base: q.base - (p?.base ?? 0),
        noAnswer: q.noAnswer - (p?.noAnswer ?? 0),
        notAsked: q.notAsked - (p?.notAsked ?? 0),
        options: q.options.map((o, i) => ({ ...o, count: o.count - option(i) })),
      };
      if (q.ranking) {
        result.ranking = q.ranking.map((r, i) => {
          const other = p?.ranking?.[i];
          const ranked = r.ranked - (other?.ranked ?? 0);
          const rankSum = r.rankSum - (other?.rankSum ?? 0);
          return {
            ...r,
            ranked,
            rankSum,
            meanRank: ranked > 0 ? rankSum / ranked : null,
            first: r.first - (other?.first ?? 0),
            top3: r.top3 - (other?.top3 ?? 0),
          };
        });
      }
      return result;
    }),
  };
}

/** Every figure a page hides, by figureName, and the columns whose responses it hides. */
export function hiddenFigures(model: ResultsModel): { figures: Set<string>; responses: Set<string> } {
  const figures = new Set<string>();
  const responses = new Set<string>();
  const hide = (q: QuestionResult, line: string, column: string, hidden: boolean | undefined) => hidden && figures.add(figureName(q.key, line, column));
  for (const q of [...model.questions, ...model.youth, ...model.themes]) {
    q.columns.forEach((column, c) => {
      if (column.responses.suppressed) responses.add(column.key);
      q.rows.forEach((row, i) => hide(q, `count:${i}`, column.key, row.cells[c]?.suppressed));
      hide(q, 'noAnswer', column.key, column.noAnswer.suppressed);
      if (q.routed) hide(q, 'notAsked', column.key, column.notAsked.suppressed);
      q.ranking?.forEach((row, i) => {
        hide(q, `first:${i}`, column.key, row.first[c]?.suppressed);
        hide(q, `top3:${i}`, column.key, row.top3[c]?.suppressed);
      });
    });
  }
  return { figures, responses };
}

const ADDITIVE: ReadonlySet<string> = new Set(['single_choice', 'yes_no', 'agree_scale', 'rating']);

/** The raw figures of one side (parent, F or not-F): per question, line and column key. */
interface Side {
  responses: (column: string) => number;
  /** Whether some were routed past the question: only then has the side's page a "not asked" line (else it says 0). */
  routed: (question: string) => boolean;
  value: (question: string, line: string, column: string) => number;
}

function sideOf(input: ResultsInput): Side {
  const columns = new Map<string, Counts>([['all', input.summary.total]]);
  for (const g of input.summary.breakdown?.groups ?? []) columns.set(groupKey(g.value), g.counts);
  const coded = new Map<string, Counts>([['all', input.coded?.summary.total ?? { responses: 0, questions: [] }]]);
  for (const g of input.coded?.summary.breakdown?.groups ?? []) coded.set(groupKey(g.value), g.counts);
  const byKey = new Map<string, Map<string, QuestionCounts>>();
  for (const [column, counts] of columns) byKey.set(column, new Map([...(coded.get(column)?.questions ?? []), ...counts.questions].map((q) => [q.key, q])));
  const question = (key: string, column: string) => byKey.get(column)?.get(key);
  return {
    responses: (column) => columns.get(column)?.responses ?? 0,
    routed: (key) => (question(key, 'all')?.notAsked ?? 0) > 0,
    value: (key, line, column) => {
      const q = question(key, column);
      if (!q) return 0;
      if (line === 'noAnswer') return q.noAnswer;
      if (line === 'notAsked') return q.notAsked;
      const [measure, i] = line.split(':') as [string, string];
      if (measure === 'count') return q.options[Number(i)]?.count ?? 0;
      const ranked = q.ranking?.[Number(i)];
      return measure === 'first' ? (ranked?.first ?? 0) : (ranked?.top3 ?? 0);
    },
  };
}

/** One child table: lines of the two sides as columns, the parent's as row totals, with the names they hold. */
interface Child {
  question: string;
  column: string;
  lines: string[];
  /** Whether the lines add up to the groups' responses (then those are the column totals). */
  additive: boolean;
}

/** The parent's questions as child tables, one per column, table and (where answers do not add up) line. */
function childrenOf(parent: ResultsInput): Child[] {
  const columns = ['all', ...(parent.summary.breakdown?.groups ?? []).map((g) => groupKey(g.value))];
  const children: Child[] = [];
  const closed = parent.summary.total.questions.map((q) => ({ q, coded: false }));
  const coded = (parent.coded?.summary.total.questions ?? []).map((q) => ({ q, coded: true }));
  for (const { q, coded: isCoded } of [...closed, ...coded]) {
    const tails = q.notAsked > 0 ? ['noAnswer', 'notAsked'] : ['noAnswer'];
    const measure = (name: string) => q.options.map((_, i) => `${name}:${i}`);
    const tables: [string[], boolean][] = q.ranking
      ? [
          [measure('count'), false],
          [measure('first'), true],
          [measure('top3'), false],
        ]
      : [[measure('count'), !isCoded && ADDITIVE.has(q.kind)]];
    for (const column of columns) {
      for (const [lines, additive] of tables) {
        const all = [...lines, ...tails];
        if (additive) children.push({ question: q.key, column, lines: all, additive });
        else for (const line of all) children.push({ question: q.key, column, lines: [line], additive });
      }
    }
  }
  return children;
}

type Hidden = { figures: ReadonlySet<string>; responses: ReadonlySet<string> };
const isHidden = (cell: DisclosureCell | undefined) => cell?.kind !== 'shown';

/**
 * One line on its own (an answer where people may choose several, or the groups' responses):
 * F + not-F = the parent. A line with exactly one hidden figure gives it away, so the other
 * side hides too, or, where only the parent's is hidden, the smaller side (both when equal, so
 * neither side is favoured). protectTable is not used here: a one-line table has no column
 * totals of its own, and the ones it would make up (each figure again) hide the parent's total
 * for no reason.
 */
function protectLine(values: readonly [number, number], hidden: readonly [boolean, boolean], parentHidden: boolean): [boolean, boolean] {
  const [a, b] = hidden;
  if (Number(a) + Number(b) + Number(parentHidden) !== 1) return [a, b];
  if (a || b) return [true, true];
  return [values[0] <= values[1], values[1] <= values[0]];
}

/** Protects one child with its sides in the given order; the names each side must hide. */
function protectChild(child: Child, sides: [Side, Side], hidden: [Hidden, Hidden], parent: Side, parentHidden: Hidden, threshold: number) {
  const { question, column, lines } = child;
  const name = (line: string) => figureName(question, line, column);
  // A side nobody was routed past says "not asked: 0", shown: the other side's "not asked" is
  // then the parent's (pinned alike, see protectWithComplement), and the child's columns are
  // those asked, the line left out.
  const unrouted = !sides[0].routed(question) || !sides[1].routed(question);
  if (!child.additive) {
    const line = lines[0] ?? '';
    if (line === 'notAsked' && unrouted) return { figures: [[], []], responses: [false, false], conflicts: [] as string[] };
    const hides = protectLine(
      [sides[0].value(question, line, column), sides[1].value(question, line, column)],
      [hidden[0].figures.has(name(line)), hidden[1].figures.has(name(line))],
      parentHidden.figures.has(name(line)),
    );
    return { figures: hides.map((h) => (h ? [name(line)] : [])), responses: [false, false], conflicts: [] as string[] };
  }
  const asked = unrouted && lines.includes('notAsked');
  const counted = asked ? lines.filter((line) => line !== 'notAsked') : lines;
  // A line the parent shows as 0 is 0 on both sides (counts are never negative): a reader knows
  // both figures from the parent page alone, and no pattern here can change that. Left in the
  // table, the interval rule sees a side's small-group zero with no room under a total of 0 and
  // hides that total, the parent's figure, which the parent shows (a `conflict`): the pattern
  // then leans on a hidden figure that is in plain view, and the side's zero is given away by the
  // parent less the other side. So such a line is taken out of the table (its zeros change no
  // sum) and protected as a line of its own: F + not-F = 0, the parent shown, so where either side
  // hides its zero the other hides its zero too, and neither is worked out by subtraction.
  const zero = (line: string) => !parentHidden.figures.has(name(line)) && parent.value(question, line, column) === 0;
  const kept = counted.filter((line) => !zero(line));
  const zeros = counted.filter(zero).map((line) => {
    const hides = protectLine([0, 0], [hidden[0].figures.has(name(line)), hidden[1].figures.has(name(line))], false);
    return { line, hides };
  });
  const zeroFigures = (s: number) => zeros.filter((z) => z.hides[s]).map((z) => name(z.line));
  const notAsked = (side: Side, hides: Hidden | null) =>
    asked ? { value: side.value(question, 'notAsked', column), hidden: hides?.figures.has(name('notAsked')) ?? false } : { value: 0, hidden: false };
  // The parent's responses less its "not asked": hidden where either is.
  const parentGrandHidden = parentHidden.responses.has(column) || notAsked(parent, parentHidden).hidden;
  if (kept.length === 0) return { figures: [zeroFigures(0), zeroFigures(1)], responses: [false, false], conflicts: [] as string[] };
  // The true figures, with what another table hides marked (their sums hold, so the interval
  // rule in protectTable reasons about the real room each hidden figure has).
  const result = protectTable(
    {
      cells: kept.map((line) => sides.map((side) => side.value(question, line, column))),
      rowTotals: kept.map((line) => parent.value(question, line, column)),
      columnTotals: sides.map((side) => side.responses(column) - notAsked(side, null).value),
      grandTotal: parent.responses(column) - notAsked(parent, null).value,
    },
    threshold,
    {
      hidden: {
        cells: kept.map((line) => sides.map((_, s) => hidden[s]!.figures.has(name(line)))),
        rowTotals: kept.map((line) => parentHidden.figures.has(name(line))),
        columnTotals: sides.map((side, s) => hidden[s]!.responses.has(column) || notAsked(side, hidden[s]!).hidden),
        grandTotal: parentGrandHidden,
      },
    },
  );
  // A total the parent shows that the table hid anyway (a `conflict`: the interval rule found no
  // other room) is in plain view, so its line holds only if it still has two hidden figures or
  // none: where one side hides and the other does not, the other hides too.
  const rowConflict = (i: number) => isHidden(result.rowTotals[i]) && !parentHidden.figures.has(name(kept[i]!));
  const grandConflict = isHidden(result.grandTotal) && !parentGrandHidden;
  const paired = (a: boolean, b: boolean, conflict: boolean): [boolean, boolean] => (conflict && a !== b ? [true, true] : [a, b]);
  const cells = kept.map((_, i) => paired(isHidden(result.cells[i]?.[0]), isHidden(result.cells[i]?.[1]), rowConflict(i)));
  const responses = paired(isHidden(result.columnTotals[0]), isHidden(result.columnTotals[1]), grandConflict);
  const figures = sides.map((_, s) => [...kept.filter((_, i) => cells[i]![s]).map(name), ...zeroFigures(s)]);
  const conflicts = kept.filter((_, i) => rowConflict(i)).map(name);
  if (grandConflict) conflicts.push(`responses|${column}`);
  return { figures, responses, conflicts };
}

/** The groups' responses: each column's two sides add up to the parent's. */
function protectResponses(column: string, sides: [Side, Side], hidden: [Hidden, Hidden], parentHidden: Hidden) {
  return protectLine(
    [sides[0].responses(column), sides[1].responses(column)],
    [hidden[0].responses.has(column), hidden[1].responses.has(column)],
    parentHidden.responses.has(column),
  );
}

export interface JointResults {
  model: ResultsModel;
  complement: ResultsModel;
  /** Figures the unfiltered page shows that a child table would have hidden (see the header). */
  conflicts: number;
}

/**
 * The page asked for (`asked`, a filtered request) protected with its complement and with the
 * unfiltered figures at the same breakdown (`parent`, whose page is `parentModel`).
 */
export function protectWithComplement(asked: ResultsInput, complement: ResultsInput, parent: ResultsInput, parentModel: ResultsModel): JointResults {
  const pins: [Pinned & { figures: Set<string>; responses: Set<string> }, Pinned & { figures: Set<string>; responses: Set<string> }] = [
    { figures: new Set(), responses: new Set() },
    { figures: new Set(), responses: new Set() },
  ];
  const sides: [Side, Side] = [sideOf(asked), sideOf(complement)];
  const parentSide = sideOf(parent);
  const parentHidden = hiddenFigures(parentModel);
  const children = childrenOf(parent);
  const columns = ['all', ...(parent.summary.breakdown?.groups ?? []).map((g) => groupKey(g.value))];
  // A filter that keeps each group of the breakdown whole or leaves it out: its groups are the
  // parent's, and each side is built from the parent's page (split-figures.ts).
  const groups = columns.filter((c) => c !== 'all');
  if (groups.length > 0 && groups.every((g) => sides[0].responses(g) === 0 || sides[1].responses(g) === 0)) {
    return { model: splitPage(asked, parentModel), complement: splitPage(complement, parentModel), conflicts: 0 };
  }
  // A group with nobody on one side is the parent's group on the other, figure for figure: that
  // side hides what the parent hides of it (its child tables would add nothing: the empty side's
  // figures are known zeros, which no page can hide).
  const empty = (s: 0 | 1, column: string) => column !== 'all' && sides[s].responses(column) === 0;
  columns.forEach((column) => {
    ([0, 1] as const).forEach((s) => {
      if (!empty(s, column)) return;
      const other = pins[1 - s]!;
      if (parentHidden.responses.has(column)) other.responses.add(column);
      for (const child of children.filter((c) => c.column === column)) {
        for (const line of child.lines)
          if (parentHidden.figures.has(figureName(child.question, line, column))) other.figures.add(figureName(child.question, line, column));
      }
    });
  });
  const present = (column: string) => !empty(0, column) && !empty(1, column);
  // A question nobody on one side was routed past: the other side's "not asked" is the parent's.
  for (const child of children.filter((c) => c.lines.includes('notAsked'))) {
    ([0, 1] as const).forEach((s) => {
      const name = figureName(child.question, 'notAsked', child.column);
      if (!sides[s].routed(child.question) && parentHidden.figures.has(name)) pins[s === 0 ? 1 : 0].figures.add(name);
    });
  }
  // Each pass only adds pins, so the loop ends: at worst every figure of both sides is hidden.
  const build = (s: 0 | 1) => buildResults({ ...(s === 0 ? asked : complement), pinned: pins[s] });
  let models: [ResultsModel, ResultsModel] = [build(0), build(1)];
  // A child whose inputs (what each side hides of it) have not changed since it was last
  // protected hides the same again: only the others are protected again on the next pass.
  const last = new Map<Child, { inputs: string; conflicts: string[] }>();
  const inputsOf = (child: Child, hidden: [Hidden, Hidden]) =>
    hidden
      .map(
        (h) =>
          child.lines.map((line) => (h.figures.has(figureName(child.question, line, child.column)) ? 1 : 0)).join('') + Number(h.responses.has(child.column)),
      )
      .join('/');
  const presentChildren = children.filter((c) => present(c.column));
  // The order a child's two columns are protected in, chosen from the figures, not from which
  // side was asked: the smaller side first; both orders (hiding what either hides) when the two
  // are the same size.
  const [a, b] = [sides[0].responses('all'), sides[1].responses('all')];
  const orders: (readonly [0 | 1, 0 | 1])[] =
    a < b
      ? [[0, 1]]
      : b < a
        ? [[1, 0]]
        : [
            [0, 1],
            [1, 0],
          ];
  for (;;) {
    const hidden: [Hidden, Hidden] = [hiddenFigures(models[0]), hiddenFigures(models[1])];
    const grew = [false, false];
    const pin = (s: 0 | 1, kind: 'figures' | 'responses', name: string) => {
      const set = pins[s][kind];
      if (!hidden[s][kind].has(name) && !set.has(name)) {
        set.add(name);
        grew[s] = true;
      }
    };
    for (const child of presentChildren) {
      const inputs = inputsOf(child, hidden);
      if (last.get(child)?.inputs === inputs) continue;
      const conflicts: string[] = [];
      // Nothing hidden in it, nothing to protect: a value from 1 to threshold-1 (or a zero in a
      // small group) is hidden on its own page already.
      const parentHides = child.lines.some((line) => parentHidden.figures.has(figureName(child.question, line, child.column)));
      if (!/1/.test(inputs) && !parentHides && !parentHidden.responses.has(child.column)) {
        last.set(child, { inputs, conflicts });
        continue;
      }
      for (const order of orders) {
        const result = protectChild(
          child,
          [sides[order[0]], sides[order[1]]],
          [hidden[order[0]], hidden[order[1]]],
          parentSide,
          parentHidden,
          parent.threshold,
        );
        conflicts.push(...result.conflicts);
        order.forEach((s, k) => {
          for (const name of result.figures[k] ?? []) pin(s, 'figures', name);
          if (result.responses[k]) pin(s, 'responses', child.column);
        });
      }
      last.set(child, { inputs, conflicts });
    }
    // Symmetric by construction: one pass, either order.
    for (const column of columns.filter(present)) {
      protectResponses(column, sides, hidden, parentHidden).forEach((hides, s) => hides && pin(s as 0 | 1, 'responses', column));
    }
    const alone = (s: 0 | 1) => new Set(columns.filter((c) => empty(s === 0 ? 1 : 0, c)));
    // A group wholly on one side is shown as the parent shows it (withParentGroups below), so a
    // figure of it the side's own page hid, the parent showing it, is in plain view: it cannot be
    // what keeps another of the side's hidden figures from being worked out along its line. The
    // side's All of that line, which the parent does not give, is hidden in its place (pinned, so
    // the side's page protects it in turn) and the side protected again.
    ([0, 1] as const).forEach((s) => {
      const groups = alone(s);
      if (groups.size === 0) return;
      for (const column of groups) if (hidden[s].responses.has(column) && !parentHidden.responses.has(column)) pin(s, 'responses', 'all');
      for (const name of hidden[s].figures) {
        const [question, line, column] = name.split('|') as [string, string, string];
        if (groups.has(column) && !parentHidden.figures.has(name)) pin(s, 'figures', figureName(question, line, 'all'));
      }
    });
    if (!grew[0] && !grew[1]) {
      const conflicts = new Set([...last.values()].flatMap((l) => l.conflicts));
      return {
        model: withParentGroups(models[0], parentModel, alone(0)),
        complement: withParentGroups(models[1], parentModel, alone(1)),
        conflicts: conflicts.size,
      };
    }
    models = [grew[0] ? build(0) : models[0], grew[1] ? build(1) : models[1]];
  }
}
