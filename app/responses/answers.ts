import type { NewAnswer, NewResponse } from '#db/schema';
import { allQuestions, type ConsultationDef, type QuestionDef } from '~/consultations/definition';
import { CONNECTIONS, groupFromConnections, type Connection } from './codes';
import { ABOUT_YOU_FIELD_NAMES } from './demographics';
import { otherField, questionField } from './fields';
import { surveyRoute } from './steps';
import { normaliseText } from './text';

/** Values as the forms post them (and as a draft keeps them): strings, lists of strings. */
export type FormValues = Record<string, unknown>;

const asList = (v: unknown): (string | undefined)[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' && x !== '' ? x : undefined)) : typeof v === 'string' && v !== '' ? [v] : [];
const asText = (v: unknown): string | undefined => (typeof v === 'string' && normaliseText(v) !== '' ? normaliseText(v) : undefined);

function optionId(q: QuestionDef, key: string): number {
  const option = q.options.find((o) => o.key === key);
  // Validation only lets through keys the question offers, so a miss means broken content.
  if (!option) throw new Error(`Question ${q.key} has no option ${key}`);
  return option.id;
}

/** The answer rows of one question, following app/consultations/question-kinds.ts. */
export function answerRowsOf(q: QuestionDef, values: FormValues): Omit<NewAnswer, 'response_id'>[] {
  const value = values[questionField(q.key)];
  const base = { question_id: q.id, option_id: null, rank: null, value_number: null, value_text: null };
  const other = asText(values[otherField(q.key)]) ?? null;
  const choice = (key: string) => {
    const id = optionId(q, key);
    const isOther = q.options.find((o) => o.id === id)?.isOther;
    return { ...base, option_id: id, value_text: isOther ? other : null };
  };
  switch (q.kind) {
    case 'single_choice':
    case 'yes_no':
    case 'agree_scale': {
      const key = asList(value)[0];
      return key ? [choice(key)] : [];
    }
    case 'multiple_choice':
      return asList(value).flatMap((key) => (key ? [choice(key)] : []));
    case 'ranking':
      return asList(value)
        .filter((key): key is string => key !== undefined)
        .map((key, i) => ({ ...base, option_id: optionId(q, key), rank: i + 1 }));
    case 'rating': {
      const key = asList(value)[0];
      return key ? [{ ...base, value_number: Number(key) }] : [];
    }
    case 'short_text':
    case 'long_text': {
      const text = asText(value);
      return text ? [{ ...base, value_text: text }] : [];
    }
  }
}

export function answerRows(def: ConsultationDef, values: FormValues): Omit<NewAnswer, 'response_id'>[] {
  return allQuestions(def).flatMap((q) => answerRowsOf(q, values));
}

/**
 * A response's answers as its own route decides them (routing.ts): rows only for the questions
 * it asked, and the ids of every question it passed by, stored as "not asked". An answer to a
 * question the route passed by (a stale draft, a hand-made post) is dropped, never stored.
 */
export function routedAnswerRows(def: ConsultationDef, values: FormValues): { answers: Omit<NewAnswer, 'response_id'>[]; notAsked: number[] } {
  const { asked } = surveyRoute(def, values);
  const questions = allQuestions(def);
  return {
    answers: questions.filter((q) => asked.has(q.key)).flatMap((q) => answerRowsOf(q, values)),
    notAsked: questions.filter((q) => !asked.has(q.key)).map((q) => q.id),
  };
}

/** The values without the answers (and "Other" words) of questions their own route does not ask. */
export function withoutNotAsked(def: Pick<ConsultationDef, 'sections'>, values: FormValues): FormValues {
  const { asked } = surveyRoute(def, values);
  const kept = { ...values };
  for (const q of allQuestions(def)) {
    if (asked.has(q.key)) continue;
    delete kept[questionField(q.key)];
    delete kept[otherField(q.key)];
  }
  return kept;
}

export type ResponseFields = Omit<NewResponse, 'consultation_id' | 'reference' | 'idempotency_key' | 'channel' | 'locale' | 'submitted_at'>;

/** The respondent's "About you" and consent answers, as stored on the response on the day. */
export function responseFields(values: FormValues): ResponseFields {
  const connections = asList(values.connections).filter((c): c is Connection => (CONNECTIONS as readonly (string | undefined)[]).includes(c));
  const demographics = Object.fromEntries(ABOUT_YOU_FIELD_NAMES.map((f) => [f, asText(values[f]) ?? null]));
  const consent = values.quote_consent === 'yes';
  const credit = consent ? (asText(values.quote_credit) ?? 'anonymous') : null;
  return {
    ...demographics,
    ward_code: asText(values.ward) ?? null,
    respondent_group: groupFromConnections(connections),
    lives_in_area: connections.includes('live') ? 1 : 0,
    works_in_area: connections.includes('work') ? 1 : 0,
    studies_in_area: connections.includes('study') ? 1 : 0,
    runs_business: connections.includes('business') ? 1 : 0,
    represents_group: connections.includes('group') ? 1 : 0,
    quote_consent: consent ? 1 : 0,
    quote_credit: credit,
    quote_name: credit === 'name_age_area' ? (asText(values.quote_name) ?? null) : null,
  };
}

/**
 * The values as form fields, for the hidden inputs of the check page: a list becomes one
 * entry per item, and a ranking keeps its positions (name[0], name[1], ...).
 */
export function toFormEntries(def: ConsultationDef, values: FormValues): [string, string][] {
  const rankings = new Set(
    allQuestions(def)
      .filter((q) => q.kind === 'ranking')
      .map((q) => questionField(q.key)),
  );
  return flatFormEntries(values, rankings);
}

/** Only the named fields of some values (a step's answers, without the form's controls). */
export function pickFields(values: FormValues, names: readonly string[]): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([name]) => names.includes(name)));
}

/** Values as form fields; lists named in `positional` keep their positions. */
export function flatFormEntries(values: FormValues, positional: ReadonlySet<string> = new Set()): [string, string][] {
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(values)) {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (typeof item === 'string' && item !== '') entries.push([positional.has(name) ? `${name}[${i}]` : name, item]);
      });
    } else if (typeof value === 'string' && value !== '') {
      entries.push([name, value]);
    }
  }
  return entries;
}
