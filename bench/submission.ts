import { parseShowIf, routeOf, type RoutablePage } from '../app/consultations/routing';
import type { ConsultationShape, ShapeQuestion } from './shape';

// One realistic, complete response: every question answered (with an "Other, please specify"
// where the question offers one and the kind allows more than one choice), every "About you"
// question answered and consent to be quoted with a first name. Built from the questions as
// seeded, so it follows the content rather than a copy of it. Field names follow
// app/responses/fields.ts and the way the check page posts its hidden inputs
// (app/responses/answers.ts toFormEntries): repeated names for lists, name[i] for rankings.

export const ID_PLACEHOLDER = '__BENCH_ID__';

const SHORT_TEXT = 'The canal walks and Vernon Park, the market hall on a Saturday morning, and neighbours who still stop to say hello.';
const LONG_TEXT =
  'During the first lockdown I was furloughed for four months and my partner kept working at Stepping Hill, so the children were ' +
  'at home with me and schoolwork was hard without a second laptop. Our street set up a WhatsApp group and took turns doing ' +
  'shopping for the older neighbours, which is how we got to know people we had walked past for years. My mum lives alone in ' +
  'Brinnington and the isolation affected her badly; the befriending calls from the community hub made a real difference. ' +
  'Money is tighter now and I worry about energy bills, but I do feel more connected to where I live than I did before.';
const OTHER_TEXT = 'Being close to the Peak District';

const fit = (text: string, max: number | null, fallback: number) => text.slice(0, max ?? fallback).trim();

function answerEntries(q: ShapeQuestion): [string, string][] {
  const name = `q-${q.key}`;
  const plain = q.options.filter((o) => !o.isOther);
  const other = q.options.find((o) => o.isOther);
  switch (q.kind) {
    case 'single_choice':
      // The most common answer in the demo data: a plain option.
      return [[name, (plain[0] ?? q.options[0])!.key]];
    case 'yes_no':
      return [[name, 'yes']];
    case 'agree_scale':
      return [[name, 'agree']];
    case 'rating':
      return [[name, String(Math.max(1, (q.ratingMax ?? 5) - 2))]];
    case 'multiple_choice': {
      const count = Math.min(q.maxSelections ?? 3, 3);
      const picked = other ? [...plain.slice(0, count - 1), other] : plain.slice(0, count);
      const entries: [string, string][] = picked.map((o) => [name, o.key]);
      if (other) entries.push([`q-${q.key}-other`, OTHER_TEXT]);
      return entries;
    }
    case 'ranking': {
      const count = Math.min(q.rankCount ?? q.options.length, q.options.length);
      // A realistic order rather than the first options in display order.
      const order = [...plain].reverse().slice(0, count);
      return order.map((o, i) => [`${name}[${i}]`, o.key]);
    }
    case 'short_text':
      return [[name, fit(SHORT_TEXT, q.maxLength, 200)]];
    case 'long_text':
      return [[name, fit(LONG_TEXT, q.maxLength, 2000)]];
  }
}

/** The form fields of the submission, without the idempotency key. */
export function submissionEntries(shape: ConsultationShape): [string, string][] {
  const entries = shape.questions.flatMap(answerEntries);
  if (shape.askAboutYou) {
    const ward = shape.wardCodes[Math.floor(shape.wardCodes.length / 2)];
    if (!ward) throw new Error('No wards seeded');
    entries.push(
      ['age_band', '35_44'],
      ['sex', 'female'],
      ['gender_identity', 'same'],
      ['ethnicity', 'white_british'],
      ['disability', 'not_limited'],
      ['carer', '9_or_less'],
      ['religion', 'none'],
      ['sexual_orientation', 'straight'],
      ['ward', ward],
      ['connections', 'live'],
      ['connections', 'work'],
    );
  }
  entries.push(['quote_consent', 'yes'], ['quote_credit', 'name_age_area'], ['quote_name', 'Priya']);
  return entries;
}

/**
 * The urlencoded body, ending with `idempotencyKey=<prefix><ID_PLACEHOLDER>`; replace the
 * placeholder with a unique, URL-safe id per request.
 */
export function submissionBodyTemplate(shape: ConsultationShape, keyPrefix: string): string {
  return bodyTemplateOf(submissionEntries(shape), keyPrefix);
}

/** As submissionBodyTemplate, for fields of one's own. */
export function bodyTemplateOf(entries: readonly [string, string][], keyPrefix: string): string {
  const form = new URLSearchParams(entries as [string, string][]).toString();
  return `${form}&idempotencyKey=${encodeURIComponent(keyPrefix)}${ID_PLACEHOLDER}`;
}

export function answeredQuestionCount(shape: ConsultationShape): { questions: number; answered: number } {
  const answered = new Set(
    submissionEntries(shape)
      .map(([name]) => /^q-([a-z0-9_]+)/.exec(name)?.[1])
      .filter((k): k is string => Boolean(k)),
  );
  return { questions: shape.questions.length, answered: shape.questions.filter((q) => answered.has(q.key)).length };
}

/** The resident form's sections as routing sees them (app/consultations/routing.ts). */
export function routablePagesOf(shape: ConsultationShape): RoutablePage[] {
  return shape.sections.map((section) => ({
    key: section.key,
    showIf: parseShowIf(section.showIf),
    questions: shape.questions
      .filter((q) => q.sectionKey === section.key)
      .map((q) => ({
        key: q.key,
        single: q.kind === 'single_choice' || q.kind === 'yes_no' || q.kind === 'agree_scale',
        required: q.required,
        showIf: parseShowIf(q.showIf),
        options: q.options.map((o) => ({ key: o.key, goesTo: o.goesTo })),
      })),
  }));
}

const questionOf = (name: string) => /^q-([a-z0-9_]+)/.exec(name)?.[1];

/**
 * A complete response whose person answers `choices` (question key → option key) and so takes
 * the route those answers give: only the questions on it are posted, as the form asks no others.
 * Returns the fields and the keys of the questions the route passes by.
 */
export function routedSubmission(shape: ConsultationShape, choices: Readonly<Record<string, string>>): { entries: [string, string][]; notAsked: string[] } {
  const entries = submissionEntries(shape).map(([name, value]): [string, string] => {
    const key = questionOf(name);
    return key !== undefined && name === `q-${key}` && choices[key] !== undefined ? [name, choices[key]] : [name, value];
  });
  const chosen = (key: string) => entries.filter(([name]) => name === `q-${key}` || name.startsWith(`q-${key}[`)).map(([, value]) => value);
  const route = routeOf(routablePagesOf(shape), chosen);
  const passedBy = new Set(route.notAsked);
  return { entries: entries.filter(([name]) => !passedBy.has(questionOf(name) ?? '')), notAsked: route.notAsked };
}
