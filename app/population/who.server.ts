import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { protectTable, type Cell } from '~/analysis/disclosure';
import { analysisIndex } from '~/analysis/indexes.server';
import { summarise, type Filter, type Summary } from '~/analysis/summarise';
import { allQuestions } from '~/consultations/definition';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import type { Locale } from '~/platform/i18n/config';
import type { RespondentGroup } from '~/responses/codes';
import { findBaseline, listBaselines, readFigures, type BaselineRow } from './baselines.server';
import { POPULATION_DIMENSIONS, type PopulationDimension } from './census-labels';
import type { BaselineFigure } from './combine';
import { minimumStratum, ORDERED_DIMENSIONS, populationValueOf, REWEIGHTABLE_KINDS } from './groups';
import { compareWithPopulation, type Comparison } from './representation';
import { countRespondents, type GroupCount } from '~/analysis/respondent-counts';
import { reweight, type ReweightResult } from './reweight';

// "Who we heard from": the page model. Respondent counts come from the consultation's in-memory
// index (one summary per dimension, broken down by it), never from a scan of the responses;
// the population from the chosen baseline. Every figure passes through protectTable.

export interface WhoRequest {
  baselineId: number | null;
  group: RespondentGroup | null;
  questionId: number | null;
  weightBy: PopulationDimension | null;
}

export interface DimensionView {
  dimension: PopulationDimension;
  comparison: Comparison;
}

export interface ReweightView {
  questions: { id: number; text: string }[];
  questionId: number;
  questionText: string;
  weightBy: PopulationDimension;
  dimensions: PopulationDimension[];
  optionLabels: string[];
  result: ReweightResult;
  minStratum: number;
}

export interface WhoModel {
  baselines: { id: number; name: string; kind: BaselineRow['kind'] }[];
  baseline: BaselineRow | null;
  group: RespondentGroup | null;
  threshold: number;
  /** Counted responses in the set (filtered by group). */
  total: Cell;
  dimensions: DimensionView[];
  /** Dimensions the baseline has no figures for. */
  missing: PopulationDimension[];
  /** Ward code → name, for labels. */
  wards: Record<string, string>;
  reweighting: ReweightView | null;
}

/** Raw respondent counts of one dimension placed in the baseline's groups; the rest is not compared. */
export function placeRespondents(groups: readonly GroupCount[], dimension: PopulationDimension, values: readonly string[]) {
  const respondents = new Map(values.map((v) => [v, 0]));
  let notCompared = 0;
  for (const group of groups) {
    const value = populationValueOf(dimension, group.value);
    if (value !== null && respondents.has(value)) respondents.set(value, (respondents.get(value) ?? 0) + group.responses);
    else notCompared += group.responses;
  }
  return { respondents, notCompared };
}

function byDimension(figures: readonly BaselineFigure[], wardOrder: ReadonlyMap<string, number>): Map<PopulationDimension, BaselineFigure[]> {
  const map = new Map<PopulationDimension, BaselineFigure[]>();
  for (const f of figures) map.set(f.dimension, [...(map.get(f.dimension) ?? []), f]);
  map.get('ward')?.sort((a, b) => (wardOrder.get(a.value) ?? Infinity) - (wardOrder.get(b.value) ?? Infinity));
  return map;
}

export async function whoWeHeardFrom(
  db: Db,
  consultation: Consultation,
  request: WhoRequest,
  options: { threshold: number; locale: Locale },
): Promise<WhoModel> {
  const { threshold } = options;
  const baselines = await listBaselines(db);
  const chosen = (request.baselineId !== null && baselines.find((b) => b.id === request.baselineId)) || baselines[0];
  const baseline = chosen ? ((await findBaseline(db, chosen.id)) ?? null) : null;
  const wardRows = await db.selectFrom('wards').select(['code', 'name', 'position']).orderBy('position').execute();
  const figures = byDimension(baseline ? await readFigures(db, baseline.id) : [], new Map(wardRows.map((w) => [w.code, w.position])));

  const index = await analysisIndex(db, consultation.id);
  const filter: Filter = request.group ? { respondentGroup: [request.group] } : {};
  const summaries = new Map<PopulationDimension, Summary>();
  const summaryOf = (d: PopulationDimension) => {
    let s = summaries.get(d);
    if (!s) summaries.set(d, (s = summarise(index, { filter, breakdown: d })));
    return s;
  };

  const compared = POPULATION_DIMENSIONS.filter((d) => figures.has(d));
  const counts = countRespondents(index, request.group, compared);
  const dimensions: DimensionView[] = [];
  for (const dimension of compared) {
    const population = figures.get(dimension) ?? [];
    const { respondents, notCompared } = placeRespondents(
      counts.get(dimension) ?? [],
      dimension,
      population.map((f) => f.value),
    );
    const groups = population.map((f) => ({ value: f.value, respondents: respondents.get(f.value) ?? 0, population: f.count, approximation: f.approximation }));
    dimensions.push({ dimension, comparison: compareWithPopulation(groups, notCompared, threshold) });
  }
  // Every response is in exactly one group of any dimension ("not stated" is one).
  const first = compared[0];
  const responses = first ? (counts.get(first) ?? []).reduce((sum, g) => sum + g.responses, 0) : summarise(index, { filter }).total.responses;

  return {
    baselines: baselines.map((b) => ({ id: b.id, name: b.name, kind: b.kind })),
    baseline,
    group: request.group,
    threshold,
    total: protectTable({ cells: [[responses]] }, threshold).grandTotal,
    dimensions,
    missing: baseline ? POPULATION_DIMENSIONS.filter((d) => !figures.has(d)) : [],
    wards: Object.fromEntries(wardRows.map((w) => [w.code, w.name])),
    reweighting: baseline ? await reweighting(db, consultation, request, figures, summaryOf, options) : null,
  };
}

async function reweighting(
  db: Db,
  consultation: Consultation,
  request: WhoRequest,
  figures: Map<PopulationDimension, BaselineFigure[]>,
  summaryOf: (d: PopulationDimension) => Summary,
  { threshold, locale }: { threshold: number; locale: Locale },
): Promise<ReweightView | null> {
  const definition = await loadConsultationDefinition(db, consultation, locale);
  const questions = allQuestions(definition).filter((q) => REWEIGHTABLE_KINDS.includes(q.kind));
  const question = questions.find((q) => q.id === request.questionId) ?? questions[0];
  const dimensions = POPULATION_DIMENSIONS.filter((d) => figures.has(d));
  const weightBy = request.weightBy && dimensions.includes(request.weightBy) ? request.weightBy : dimensions.includes('ageBand') ? 'ageBand' : dimensions[0];
  if (!question || !weightBy) return null;

  const population = figures.get(weightBy) ?? [];
  const summary = summaryOf(weightBy);
  const countsOf = (counts: Summary['total']) => counts.questions.find((q) => q.questionId === question.id);
  const columnTotal = countsOf(summary.total);
  if (!columnTotal) return null;
  const zero = () => columnTotal.options.map(() => 0);
  const strata = new Map(population.map((f) => [f.value, zero()]));
  const outside = zero();
  for (const group of summary.breakdown?.groups ?? []) {
    const value = populationValueOf(weightBy, group.value);
    const into = (value !== null && strata.get(value)) || outside;
    countsOf(group.counts)?.options.forEach((o, i) => (into[i] = (into[i] ?? 0) + o.count));
  }
  const minStratum = minimumStratum(threshold);
  const result = reweight({
    options: columnTotal.options.map((o) => o.key),
    strata: population.map((f) => ({ value: f.value, population: f.count, counts: strata.get(f.value) ?? zero() })),
    outside,
    ordered: ORDERED_DIMENSIONS.has(weightBy),
    threshold,
    minStratum,
  });
  const labelOf = new Map(question.options.map((o) => [o.id, o.label]));
  return {
    questions: questions.map((q) => ({ id: q.id, text: q.text })),
    questionId: question.id,
    questionText: question.text,
    weightBy,
    dimensions,
    optionLabels: columnTotal.options.map((o) => (o.optionId !== null ? (labelOf.get(o.optionId) ?? o.key) : o.key)),
    result,
    minStratum,
  };
}
