import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { percentageOf, type Cell as Protected } from '~/analysis/disclosure';
import { summaryRequestOf } from '~/analysis/filters';
import { DIMENSIONS, type Dimension } from '~/analysis/dimensions';
import { analysisIndex } from '~/analysis/indexes.server';
import { loadResults, type ResultsOutcome } from '~/analysis/results.server';
import {
  percentBaseOf,
  type AppliedFilter,
  type Count,
  type QuestionResult,
  type ResultsForm,
  type ResultsModel,
  type ResultsRequestError,
} from '~/analysis/results-model';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import { directionOf, type Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';
import { listActions } from '~/publishing/actions.server';
import { whoWeHeardFrom } from '~/population/who.server';
import { groupLabel } from '~/population/components/group-label';
import type { RespondentGroup } from '~/responses/codes';
import type { Block, ReportDocument } from './document';
import { actionBlocks } from './next-steps';
import { quotesByTheme, type ReportQuote } from './quotes.server';
import { reportWords, type ReportWords } from './words.server';

// The committee report of one consultation, in the shape of the council's Area Committee
// reports: introduction and purpose, how we engaged, what we heard by theme (figures and
// quotes), who we heard from, next steps. Every figure comes from the protected results model
// (loadResults) for the officer's filters, so the report says what the results page says.

/** Dimensions "who we heard from" breaks the responses down by. */
const WHO_DIMENSIONS: readonly Dimension[] = ['respondentGroup', 'ageBand', 'sex', 'ethnicGroup', 'disability', 'areaCommittee'];
/** Quotes per theme, as the source reports give them. */
const QUOTES_PER_THEME = 3;

/** The report, or why the filters are not ones the form could send; with the filter form's choices either way. */
export type ReportOutcome = { ok: true; report: ReportDocument; form: ResultsForm } | { ok: false; errors: ResultsRequestError[]; form: ResultsForm };

/** Only the filters: a report is not broken down, and other parameters (the language) are not figures'. */
export function reportFilterParams(params: URLSearchParams): URLSearchParams {
  const filters = new URLSearchParams();
  for (const d of DIMENSIONS) for (const v of params.getAll(d)) if (v !== '') filters.append(d, v);
  return filters;
}

const toProtected = (c: Count): Protected => (c.suppressed ? { kind: 'suppressed' } : { kind: 'shown', value: c.value });

/** "Area committee: Marple; Respondent group: Young person", or null for everyone. */
export function describeFilters(filter: readonly AppliedFilter[], words: ReportWords): string | null {
  if (filter.length === 0) return null;
  return filter.map((f) => words.t('scope.filter', { dimension: f.label, values: f.values.map((v) => v.label).join(words.t('scope.or')) })).join('; ');
}

function figureRows(q: QuestionResult, words: ReportWords): string[][] {
  return q.rows.map((row) => {
    const cell = row.cells[0] ?? { suppressed: true as const };
    return [row.label, words.cellCount(cell), words.cellPercent(cell)];
  });
}

function baseOf(q: QuestionResult, words: ReportWords): string {
  const base = q.columns[0]?.base ?? { suppressed: true as const };
  return words.ofCount(base);
}

/** Those routed past the question, when anyone was (a hidden count says someone may have been). */
function notAskedOf(q: QuestionResult): Count | null {
  const notAsked = q.columns[0]?.notAsked;
  return notAsked && (notAsked.suppressed || notAsked.value > 0) ? notAsked : null;
}

function heardBlocks(model: ResultsModel, quotes: ReadonlyMap<string, ReportQuote[]>, words: ReportWords): Block[] {
  const { t } = words;
  const blocks: Block[] = [];
  if (model.themes.length === 0) blocks.push({ kind: 'paragraph', text: t('heard.noThemes') });
  else blocks.push({ kind: 'paragraph', text: t('heard.themesIntro') });
  for (const q of model.themes) {
    blocks.push({ kind: 'subheading', text: q.text });
    blocks.push({ kind: 'paragraph', text: t('heard.coded', { coded: baseOf(q, words) }) });
    blocks.push({
      kind: 'table',
      caption: t('heard.themesCaption', { question: q.text }),
      head: [t('heard.theme'), t('heard.answers'), t('heard.share')],
      rows: figureRows(q, words),
    });
    for (const row of q.rows) {
      const cell = row.cells[0] ?? { suppressed: true as const };
      const said = quotes.get(row.key) ?? [];
      const figure = cell.suppressed
        ? t('heard.themeFewer', { theme: row.label, fewer: words.fewer })
        : t('heard.themeFigure', { theme: row.label, answers: words.cellCount(cell), percent: words.cellPercent(cell) });
      blocks.push({ kind: 'paragraph', text: figure });
      for (const quote of said.slice(0, QUOTES_PER_THEME)) blocks.push({ kind: 'quote', text: quote.text, credit: quote.credit });
    }
  }
  const closed = [...model.questions, ...model.youth].filter((q) => q.rows.length > 0);
  if (closed.length > 0) {
    blocks.push({ kind: 'subheading', text: t('heard.closedHeading') });
    blocks.push({ kind: 'paragraph', text: t('heard.closedIntro') });
    for (const q of closed) {
      blocks.push({
        kind: 'table',
        // Where the number who answered is hidden (a small "no answer"), the shares are of everyone
        // (or of everyone asked, where some were not).
        caption:
          q.columns[0]?.percentOf === 'responses'
            ? t('heard.closedCaptionAll', { question: q.text, responses: words.ofCount(q.columns[0].responses) })
            : q.columns[0]?.percentOf === 'asked'
              ? t('heard.closedCaptionAsked', {
                  question: q.text,
                  asked: words.ofCount(percentBaseOf(q.columns[0])),
                  notAsked: words.ofCount(q.columns[0].notAsked),
                })
              : notAskedOf(q)
                ? t('heard.closedCaptionRouted', { question: q.text, base: baseOf(q, words), notAsked: words.ofCount(notAskedOf(q)!) })
                : t('heard.closedCaption', { question: q.text, base: baseOf(q, words) }),
        head: [t('heard.answer'), t('heard.people'), t('heard.shareAnswered')],
        rows: figureRows(q, words),
      });
    }
  }
  return blocks;
}

async function breakdownOf(
  db: Db,
  consultation: Consultation,
  locale: Locale,
  filters: URLSearchParams,
  threshold: number,
  dimension: Dimension,
): Promise<ResultsModel | null> {
  const params = new URLSearchParams(filters);
  params.set('breakdown', dimension);
  const outcome: ResultsOutcome = await loadResults(db, consultation, locale, params, threshold);
  return outcome.ok ? outcome.model : null;
}

async function whoBlocks(
  db: Db,
  consultation: Consultation,
  locale: Locale,
  filters: URLSearchParams,
  threshold: number,
  model: ResultsModel,
  words: ReportWords,
): Promise<Block[]> {
  const { t } = words;
  const blocks: Block[] = [{ kind: 'paragraph', text: t('who.intro', { responses: words.ofCount(model.responses) }) }];
  for (const dimension of WHO_DIMENSIONS) {
    const split = await breakdownOf(db, consultation, locale, filters, threshold, dimension);
    if (!split) continue;
    const total = toProtected(split.responses);
    const groups = (split.questions[0] ?? split.themes[0])?.columns.filter((c) => !c.total) ?? [];
    if (groups.length === 0) continue;
    const label = split.breakdown?.label ?? dimension;
    blocks.push({
      kind: 'table',
      caption: t('who.caption', { dimension: label }),
      head: [label, t('who.responses'), t('who.share')],
      rows: groups.map((g) => {
        const share = percentageOf(toProtected(g.responses), total);
        return [
          g.label,
          words.ofCount(g.responses),
          share.kind === 'shown' ? words.percent(share.proportion * 100) : share.kind === 'suppressed' ? words.fewer : '–',
        ];
      }),
    });
  }
  blocks.push(...(await populationBlocks(db, consultation, locale, model, threshold, words)));
  return blocks;
}

/** Respondents against the population, where a baseline exists and the figures are for everyone or one respondent group. */
async function populationBlocks(
  db: Db,
  consultation: Consultation,
  locale: Locale,
  model: ResultsModel,
  threshold: number,
  words: ReportWords,
): Promise<Block[]> {
  const { t } = words;
  const groups = model.filter.find((f) => f.dimension === 'respondentGroup')?.values ?? [];
  const comparable = model.filter.every((f) => f.dimension === 'respondentGroup') && groups.length <= 1;
  if (!comparable) return [{ kind: 'paragraph', text: t('who.noComparison') }];
  const who = await whoWeHeardFrom(
    db,
    consultation,
    { baselineId: null, group: (groups[0]?.key as RespondentGroup | undefined) ?? null, questionId: null, weightBy: null },
    { threshold, locale },
  );
  if (!who.baseline || who.dimensions.length === 0) return [{ kind: 'paragraph', text: t('who.noBaseline') }];
  const population = tFor(locale, 'population');
  const blocks: Block[] = [
    { kind: 'subheading', text: t('who.populationHeading') },
    { kind: 'paragraph', text: t('who.populationIntro', { baseline: who.baseline.name }) },
  ];
  for (const { dimension, comparison } of who.dimensions) {
    const label = population(`dimension.${dimension}`);
    blocks.push({
      kind: 'table',
      caption: t('who.populationCaption', { dimension: label }),
      head: [label, t('who.respondentShare'), t('who.populationShare')],
      rows: comparison.rows.map((r) => [
        groupLabel(population, dimension, r.value, who.wards),
        r.share.kind === 'shown' ? words.percent(r.share.proportion * 100) : r.share.kind === 'suppressed' ? words.fewer : '–',
        words.percent(r.populationShare * 100),
      ]),
    });
  }
  return blocks;
}

export interface ReportOptions {
  threshold: number;
  /** The day the report is made (tests fix it). */
  now?: Date;
}

/** The report of one consultation for the filters in `params`, or the reasons the filters are not ones the form could send. */
export async function buildConsultationReport(
  db: Db,
  consultation: Consultation,
  locale: Locale,
  params: URLSearchParams,
  options: ReportOptions,
): Promise<ReportOutcome> {
  const { threshold, now = new Date() } = options;
  const filters = reportFilterParams(params);
  const outcome = await loadResults(db, consultation, locale, filters, threshold);
  if (!outcome.ok) return { ok: false, errors: outcome.errors, form: outcome.form };
  const { model, query } = outcome;
  const words = reportWords(locale, threshold);
  const { t } = words;
  const index = await analysisIndex(db, consultation.id);
  const [definition, quotes, actions, channels] = await Promise.all([
    loadConsultationDefinition(db, consultation, locale),
    quotesByTheme(db, consultation.id, locale, index, summaryRequestOf(query).filter ?? {}),
    listActions(db, consultation.id, locale),
    breakdownOf(db, consultation, locale, filters, threshold, 'channel'),
  ]);
  const scope = describeFilters(model.filter, words);
  const scopeText = scope ? t('scope.filtered', { filters: scope }) : t('scope.everyone');

  const introduction: Block[] = [{ kind: 'paragraph', text: t('intro.purpose', { title: definition.title }) }];
  if (definition.summary.trim()) introduction.push({ kind: 'paragraph', text: definition.summary });
  if (definition.whyAsking.trim()) introduction.push({ kind: 'subheading', text: t('intro.why') }, { kind: 'paragraph', text: definition.whyAsking });

  const engagement: Block[] = [
    {
      kind: 'paragraph',
      text:
        definition.opensAt && definition.closesAt
          ? t('engaged.dates', { opens: words.date(definition.opensAt), closes: words.date(definition.closesAt) })
          : definition.opensAt
            ? t('engaged.opened', { opens: words.date(definition.opensAt) })
            : t('engaged.noDates'),
    },
    { kind: 'paragraph', text: t('engaged.responses', { responses: words.ofCount(model.responses) }) },
  ];
  const channelColumns = (channels?.questions[0] ?? channels?.themes[0])?.columns.filter((c) => !c.total) ?? [];
  if (channelColumns.length > 0) {
    engagement.push({
      kind: 'table',
      caption: t('engaged.channelsCaption'),
      head: [t('engaged.channel'), t('engaged.channelResponses')],
      rows: channelColumns.map((c) => [c.label, words.ofCount(c.responses)]),
    });
  }

  const next: Block[] = actionBlocks(actions, words);
  if (definition.whatHappensNext.trim())
    next.push({ kind: 'subheading', text: t('next.whatHappensNext') }, { kind: 'paragraph', text: definition.whatHappensNext });

  return {
    ok: true,
    form: outcome.form,
    report: {
      locale,
      dir: directionOf(locale),
      kicker: t('kicker'),
      title: definition.title,
      meta: [t('meta.date', { date: words.date(now.toISOString()) }), scopeText, t('meta.threshold', { fewer: words.fewer })],
      sections: [
        { id: 'introduction', heading: t('sections.introduction'), blocks: introduction },
        { id: 'engagement', heading: t('sections.engagement'), blocks: engagement },
        { id: 'heard', heading: t('sections.heard'), blocks: heardBlocks(model, quotes, words) },
        { id: 'who', heading: t('sections.who'), blocks: await whoBlocks(db, consultation, locale, filters, threshold, model, words) },
        { id: 'next', heading: t('sections.next'), blocks: next },
      ],
    },
  };
}
