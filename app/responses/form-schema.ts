import { z } from 'zod';
import type { QuestionDef, SectionDef } from '~/consultations/definition';
import type { Route } from '~/consultations/routing';
import { maxLengthOf, OTHER_MAX_LENGTH, STANDARD_OPTIONS } from '~/consultations/question-kinds';
import { honeypotPart } from '~/responses/moderation/honeypot';
import { CONNECTIONS, QUOTE_CREDITS } from './codes';
import { ABOUT_YOU_FIELD_NAMES, ABOUT_YOU_FIELDS, PREFER_NOT, WARD_UNKNOWN, type AboutYouField } from './demographics';
import { fieldsNotAsked, mayAsk, SENSITIVE_FIELDS, type SafeguardingAges } from './safeguarding';
import { otherField, questionField } from './fields';
import type { SchemaPart, Shape } from './schema-part';
import { routedSections, surveyRoute } from './steps';
import { normaliseText } from './text';

// The zod schemas of the survey's forms, built from the consultation's own questions and used
// both by the server (the authority) and, through conform, by the browser. Error messages are
// codes ("tooMany|3"), turned into words in the reader's language by <ErrorMessage>.

/** The keys a question's answer may take. */
export function answerKeys(q: QuestionDef): string[] {
  if (q.kind === 'rating') return Array.from({ length: q.ratingMax ?? 5 }, (_, i) => String(i + 1));
  return [...(STANDARD_OPTIONS[q.kind] ?? q.options.map((o) => o.key))];
}

function oneOf(keys: string[], missing: string) {
  return z.enum(keys as [string, ...string[]], {
    error: (issue) => (issue.input === undefined ? missing : 'invalidOption'),
  });
}

const unique = (values: (string | undefined)[]) => {
  const present = values.filter((v): v is string => v !== undefined);
  return new Set(present).size === present.length;
};

function questionPart(q: QuestionDef): SchemaPart {
  const name = questionField(q.key);
  const keys = answerKeys(q);
  const optional = <T extends z.ZodType>(schema: T) => (q.required ? schema : schema.optional());
  switch (q.kind) {
    case 'single_choice':
    case 'yes_no':
    case 'agree_scale':
    case 'rating': {
      const missing = q.kind === 'agree_scale' ? 'selectAgreement' : q.kind === 'rating' ? 'selectRating' : 'selectOne';
      return withOther(q, { shape: { [name]: optional(oneOf(keys, missing)) } });
    }
    case 'multiple_choice': {
      let schema = z.array(oneOf(keys, 'invalidOption')).refine(unique, 'invalidOption');
      if (q.maxSelections) schema = schema.refine((v) => v.length <= q.maxSelections!, `tooMany|${q.maxSelections}`);
      if (q.required) schema = schema.refine((v) => v.length > 0, 'selectAtLeastOne');
      return withOther(q, { shape: { [name]: schema } });
    }
    case 'ranking': {
      const count = q.rankCount ?? keys.length;
      let schema = z.array(oneOf(keys, 'invalidOption').optional()).max(count, 'invalidOption').refine(unique, 'rankDuplicate');
      if (q.required) schema = schema.refine((v) => v.some((x) => x !== undefined), 'rankAtLeastOne');
      return { shape: { [name]: schema } };
    }
    case 'short_text':
    case 'long_text': {
      const max = maxLengthOf({ kind: q.kind, max_length: q.maxLength });
      const text = z.string({ error: 'enterText' }).overwrite(normaliseText).min(1, 'enterText').max(max, `tooLong|${max}`);
      return { shape: { [name]: optional(text) } };
    }
  }
}

/** "Other, please specify": the text is asked for only when "Other" is chosen. */
function withOther(q: QuestionDef, part: SchemaPart): SchemaPart {
  const other = q.options.find((o) => o.isOther);
  if (!other) return part;
  const name = questionField(q.key);
  const otherName = otherField(q.key);
  return {
    shape: {
      ...part.shape,
      [otherName]: z.string().trim().max(OTHER_MAX_LENGTH, `tooLong|${OTHER_MAX_LENGTH}`).optional(),
    },
    refine: (values, ctx) => {
      const chosen = values[name];
      const picked = Array.isArray(chosen) ? chosen.includes(other.key) : chosen === other.key;
      if (picked && !values[otherName]) ctx.addIssue({ code: 'custom', path: [otherName], message: 'enterOther' });
    },
  };
}

export function sectionPart(section: SectionDef): SchemaPart {
  const parts = section.questions.map(questionPart);
  return mergeParts(parts);
}

const aboutYouField = (field: AboutYouField) => oneOf([...ABOUT_YOU_FIELDS[field], PREFER_NOT], 'invalidOption').optional();

/** The "About you" page: every census question but the sensitive ones, the ward and connections. */
export function aboutYouStepPart(wardCodes: readonly string[]): SchemaPart {
  const shape: Shape = {};
  for (const field of ABOUT_YOU_FIELD_NAMES) {
    if (!(SENSITIVE_FIELDS as readonly string[]).includes(field)) shape[field] = aboutYouField(field);
  }
  shape.ward = oneOf([...wardCodes, WARD_UNKNOWN, PREFER_NOT], 'invalidOption').optional();
  shape.connections = z.array(oneOf([...CONNECTIONS], 'invalidOption')).refine(unique, 'invalidOption');
  return { shape };
}

/** "More about you": the questions asked only from the sensitive-questions age (safeguarding.ts). */
export function sensitivePart(): SchemaPart {
  return { shape: Object.fromEntries(SENSITIVE_FIELDS.map((field) => [field, aboutYouField(field)])) };
}

/** Every "About you" answer, as a whole response (the check page, an import) may carry them. */
export function aboutYouPart(wardCodes: readonly string[]): SchemaPart {
  return mergeParts([aboutYouStepPart(wardCodes), sensitivePart()]);
}

export const QUOTE_NAME_MAX = 40;

/**
 * Consent to be quoted; the young people's form words its two problems its own way. `mayCredit`
 * says whether these answers may choose a credit at all (a child only agrees or not: safeguarding.ts).
 */
export function quotePart(
  messages = { chooseCredit: 'chooseCredit', enterFirstName: 'enterFirstName' },
  mayCredit: (values: Record<string, unknown>) => boolean = () => true,
): SchemaPart {
  return {
    shape: {
      quote_consent: oneOf(['yes', 'no'], 'invalidOption').optional(),
      quote_credit: oneOf([...QUOTE_CREDITS], 'invalidOption').optional(),
      quote_name: z.string().trim().max(QUOTE_NAME_MAX, `tooLong|${QUOTE_NAME_MAX}`).optional(),
    },
    refine: (values, ctx) => {
      if (values.quote_consent !== 'yes' || !mayCredit(values)) return;
      if (!values.quote_credit) ctx.addIssue({ code: 'custom', path: ['quote_credit'], message: messages.chooseCredit });
      if (values.quote_credit === 'name_age_area' && !values.quote_name) {
        ctx.addIssue({ code: 'custom', path: ['quote_name'], message: messages.enterFirstName });
      }
    },
  };
}

/** Consent alone, for someone too young to be credited: if quoted, their words are anonymous. */
export function consentOnlyPart(): SchemaPart {
  return { shape: { quote_consent: oneOf(['yes', 'no'], 'invalidOption').optional() } };
}

export function mergeParts(parts: SchemaPart[]): SchemaPart {
  const refinements = parts.flatMap((p) => (p.refine ? [p.refine] : []));
  return {
    shape: Object.assign({}, ...parts.map((p) => p.shape)) as Shape,
    refine: (values, ctx) => refinements.forEach((r) => r(values, ctx)),
  };
}

/** Fields every survey form carries besides the answers. */
const controlShape = {
  intent: z.string().optional(),
  idempotencyKey: z.string().optional(),
  /** "drop": the person has seen which answers a change removes, and goes on (ConfirmDrop). */
  confirm: z.string().optional(),
};

/**
 * The schema of one form. Strict: a field the form never offered (a tampered question key)
 * fails the whole submission rather than being silently ignored.
 */
export function formSchema(part: SchemaPart, extra: SchemaPart['refine'] = undefined) {
  return z
    .strictObject({ ...part.shape, ...controlShape }, { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unexpectedField' : undefined) })
    .superRefine(
      (values, ctx) => {
        part.refine?.(values, ctx);
        extra?.(values, ctx);
      },
      // Cross-field checks run even when a field has failed, so every problem is shown at once.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    );
}

// Building a schema costs more than using it; definitions are cached objects, so their schemas can be too.
const submissionSchemas = new WeakMap<SectionDef[], Map<string, ReturnType<typeof buildSubmissionSchema>>>();

/**
 * The final submission: every answer of the consultation at once, as the check page posts them.
 * Given a route (routing.ts), only the questions it asks are checked: a required question the
 * person was routed past does not block them.
 */
export function submissionSchema(sections: SectionDef[], wardCodes: readonly string[] | null, ages: SafeguardingAges, route?: Route) {
  const asked = route ? route.pages.map((p) => `${p.key}:${p.questions.join(',')}`).join(';') : '*';
  const key = `${ages.creditMinAge}-${ages.sensitiveMinAge}:${wardCodes ? wardCodes.join(',') : '-'}:${asked}`;
  let byWards = submissionSchemas.get(sections);
  if (!byWards) submissionSchemas.set(sections, (byWards = new Map()));
  let schema = byWards.get(key);
  if (!schema)
    byWards.set(key, (schema = buildSubmissionSchema(route ? routedSections({ sections }, route).map((r) => r.section) : sections, wardCodes, ages)));
  return schema;
}

/**
 * A posted submission read for its own route: the route its answers take, and the post without
 * the answers to questions that route passes by. Those are dropped rather than refused: a draft
 * kept from before an answer changed, or a hand-made post, still sends what the person was asked.
 */
export function routedSubmission(sections: SectionDef[], formData: FormData): { route: Route; formData: FormData } {
  const values: Record<string, string[]> = {};
  for (const [name, value] of formData) if (typeof value === 'string') (values[name] ??= []).push(value);
  const route = surveyRoute({ sections }, values);
  const passed = new Set(sections.flatMap((s) => s.questions.filter((q) => !route.asked.has(q.key)).map((q) => q.key)));
  // A route that asks every question drops nothing: the post is read as it came (no copy).
  if (passed.size === 0) return { route, formData };
  const kept = new FormData();
  for (const [name, value] of formData) {
    const key = /^q-([a-z0-9_]+?)(?:-other|\[\d+\])?$/.exec(name)?.[1];
    if (key === undefined || !passed.has(key)) kept.append(name, value);
  }
  return { route, formData: kept };
}
function buildSubmissionSchema(sections: SectionDef[], wardCodes: readonly string[] | null, ages: SafeguardingAges) {
  const parts = sections.map(sectionPart);
  if (wardCodes) parts.push(aboutYouPart(wardCodes));
  parts.push(
    quotePart(undefined, (values) => mayAsk(values.age_band, ages).credit),
    honeypotPart(),
  );
  const questionNames = sections.flatMap((s) => s.questions.map((q) => questionField(q.key)));
  return formSchema(mergeParts(parts), (values, ctx) => {
    if (!values.idempotencyKey) ctx.addIssue({ code: 'custom', path: [], message: 'expired' });
    // Refused, not quietly dropped: the form never asks a child these, so a post carrying them was
    // made by hand or is stale, and the person should look again rather than be told it went.
    const notAsked = fieldsNotAsked(mayAsk(values.age_band, ages)).filter((f) => values[f] !== undefined);
    if (notAsked.length > 0) ctx.addIssue({ code: 'custom', path: [], message: 'notAskedAtAge' });
    const answered = questionNames.some((name) => {
      const v = values[name];
      return Array.isArray(v) ? v.some((x) => x !== undefined) : v !== undefined;
    });
    if (!answered) ctx.addIssue({ code: 'custom', path: [], message: 'noAnswers' });
  });
}
