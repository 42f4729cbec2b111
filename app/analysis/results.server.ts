import { parseWithZod } from '@conform-to/zod/v4';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { summariseCodedThemes } from '~/analysis/coded-themes.server';
import { translated, loadTranslations } from '~/platform/i18n/content-translations.server';
import { env } from '~/platform/env.server';
import type { Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';
import {
  filteredDimensions,
  groupKey,
  NOT_STATED,
  queryParams,
  resultsQuerySchema,
  summaryRequestOf,
  type DimensionChoices,
  type ResultsQuery,
} from './filters';
import type { ConsultationIndex } from './index/consultation-index';
import { DIMENSIONS, type Dimension } from './dimensions';
import { analysisIndex } from './indexes.server';
import { summarise } from './summarise';
import { groupLabeller, loadQuestionLabels } from './labels.server';
import { buildResults, type ResultsInput } from './results';
import { complementOf, protectWithComplement } from './complement';
import { inAgeOrder } from './age-order';
import type { ResultsForm, ResultsModel, ResultsRequestError } from './results-model';

// The results page and its JSON twin: read the request, count with the consultation's index
// (never by scanning answers), and hand back the protected model with the form's choices.

/** Dimensions where a response may have said nothing (the others are always recorded). */
const ALWAYS_RECORDED: readonly Dimension[] = ['respondentGroup', 'channel', 'locale'];

export type ResultsOutcome =
  { ok: true; model: ResultsModel; form: ResultsForm; query: ResultsQuery } | { ok: false; errors: ResultsRequestError[]; form: ResultsForm };

function choicesOf(index: ConsultationIndex): DimensionChoices {
  const choices = {} as Record<Dimension, readonly string[]>;
  for (const d of DIMENSIONS) choices[d] = d === 'ageBand' ? inAgeOrder(index.coder.dictionaries[d].values) : [...index.coder.dictionaries[d].values];
  return choices;
}

function asked(params: URLSearchParams): { selected: ResultsForm['selected']; breakdown: string } {
  const selected: ResultsForm['selected'] = {};
  for (const d of DIMENSIONS) {
    const values = params.getAll(d).filter((v) => v !== '');
    if (values.length > 0) selected[d] = values;
  }
  return { selected, breakdown: params.get('breakdown') ?? '' };
}

async function consultationTitle(db: Db, consultation: Consultation, locale: Locale): Promise<string> {
  const tr = await loadTranslations(db, locale, [{ type: 'consultation', ids: [consultation.id] }]);
  return translated(tr, 'consultation', consultation.id, 'title', consultation.title);
}

/**
 * The figures for one request. `threshold` is the disclosure threshold (env().DISCLOSURE_THRESHOLD
 * in the app; tests vary it). An address the form could not have made (a group that does not
 * exist, say) comes back as errors to show, with nothing counted.
 */
export async function loadResults(db: Db, consultation: Consultation, locale: Locale, params: URLSearchParams, threshold: number): Promise<ResultsOutcome> {
  const outcome = await loadJointResults(db, consultation, locale, params, threshold);
  return outcome.ok ? { ok: true, model: outcome.model, form: outcome.form, query: outcome.query } : outcome;
}

/** The three sides of a filtered request, as protected together (for the auditor's tests). */
export interface JointSides {
  parent: { input: ResultsInput; model: ResultsModel };
  asked: ResultsInput;
  complement: { input: ResultsInput; model: ResultsModel };
  conflicts: number;
}

/** loadResults, with the unfiltered figures and the complement a filtered request was protected with. */
export async function loadJointResults(
  db: Db,
  consultation: Consultation,
  locale: Locale,
  params: URLSearchParams,
  threshold: number,
): Promise<(ResultsOutcome & { ok: true; joint: JointSides | null }) | (ResultsOutcome & { ok: false })> {
  const index = await analysisIndex(db, consultation.id);
  const choices = choicesOf(index);
  const groupLabel = await groupLabeller(db, locale);
  const t = tFor(locale, 'analysis');
  const form: ResultsForm = {
    dimensions: DIMENSIONS.map((d) => ({
      dimension: d,
      label: t(`dimension.${d}`),
      choices: [...(ALWAYS_RECORDED.includes(d) ? [] : [null]), ...choices[d]].map((v) => ({ value: groupKey(v), label: groupLabel(d, v) })),
    })),
    ...asked(params),
  };

  const submission = parseWithZod(params, { schema: resultsQuerySchema(choices) });
  if (submission.status !== 'success') {
    const errors = Object.entries(submission.error ?? {}).flatMap(([name, codes]) => {
      const field = name.replace(/\[\d+\]$/, '');
      return codes?.[0] ? [{ field, code: codes[0] }] : [];
    });
    // One message per field, as the error summary lists them.
    return { ok: false, errors: errors.filter((e, i) => errors.findIndex((x) => x.field === e.field) === i), form };
  }
  const query = submission.value as ResultsQuery;
  const request = summaryRequestOf(query);
  const summary = summarise(index, request);
  const [questions, coded, title] = await Promise.all([
    loadQuestionLabels(db, consultation, locale),
    summariseCodedThemes(db, index, request, summary),
    consultationTitle(db, consultation, locale),
  ]);
  const breakdown = query.breakdown ?? null;
  const input: ResultsInput = {
    consultation: { id: consultation.id, slug: consultation.slug, title },
    threshold,
    summary,
    coded,
    questions,
    breakdown: breakdown ? { dimension: breakdown, label: t(`dimension.${breakdown}`) } : null,
    groupLabel: (value) => (breakdown ? groupLabel(breakdown, value) : t('all')),
    filter: filteredDimensions(query).map((d) => ({
      dimension: d,
      label: t(`dimension.${d}`),
      values: (query[d] ?? []).map((v) => ({ key: v, label: groupLabel(d, v === NOT_STATED ? null : v) })),
    })),
    labels: { all: t('all'), noAnswer: t('noAnswer') },
  };
  if (input.filter.length === 0) return { ok: true, model: buildResults(input), form, query, joint: null };
  // A filter is protected with its complement and the unfiltered figures at the same breakdown
  // (complement.ts). The unfiltered counts are running totals (no pass over the index), and the
  // complement is their difference from the filter's: one more count of the index, no more.
  const everyone = summarise(index, breakdown ? { breakdown } : {});
  const everyoneCoded = await summariseCodedThemes(db, index, breakdown ? { breakdown } : {}, everyone);
  const parent: ResultsInput = { ...input, summary: everyone, coded: everyoneCoded, filter: [] };
  const rest: ResultsInput = {
    ...input,
    summary: complementOf(everyone, summary),
    coded: { themes: coded.themes, summary: complementOf(everyoneCoded.summary, coded.summary) },
  };
  const parentModel = buildResults(parent);
  const { model, complement, conflicts } = protectWithComplement(input, rest, parent, parentModel);
  const joint = { parent: { input: parent, model: parentModel }, asked: input, complement: { input: rest, model: complement }, conflicts };
  return { ok: true, model, form, query, joint };
}

/**
 * What the results page shows; `threshold` defaults to the installation's. `query` is the
 * request's choices as query parameters ('' when it was refused), for the route's link to the
 * same figures as JSON.
 */
export async function resultsPage(db: Db, consultation: Consultation, locale: Locale, params: URLSearchParams, threshold = env().DISCLOSURE_THRESHOLD) {
  const outcome = await loadResults(db, consultation, locale, params, threshold);
  return {
    model: outcome.ok ? outcome.model : null,
    form: outcome.form,
    errors: outcome.ok ? [] : outcome.errors,
    query: outcome.ok ? queryParams(outcome.query).toString() : '',
    threshold,
    title: outcome.ok ? outcome.model.consultation.title : consultation.title,
  };
}

/** The same figures for the JSON twin; an address the form could not have made gets the reasons, in words, by field. */
export async function resultsFigures(
  db: Db,
  consultation: Consultation,
  locale: Locale,
  params: URLSearchParams,
  threshold = env().DISCLOSURE_THRESHOLD,
): Promise<{ ok: true; model: ResultsModel } | { ok: false; errors: Record<string, string> }> {
  const outcome = await loadResults(db, consultation, locale, params, threshold);
  if (!outcome.ok) {
    const t = tFor(locale, 'analysis');
    return { ok: false, errors: Object.fromEntries(outcome.errors.map((e) => [e.field, t(`errors.${e.code.replace(/^analysis:/, '')}`)])) };
  }
  return { ok: true, model: outcome.model };
}
