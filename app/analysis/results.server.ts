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
import { buildResults } from './results';
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
  const model = buildResults({
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
  });
  return { ok: true, model, form, query };
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
