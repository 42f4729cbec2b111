import { z } from 'zod';
import { DEFAULT_MAX_LENGTH } from '~/consultations/question-kinds';
import { honeypotPart } from '~/responses/moderation/honeypot';
import { formSchema, mergeParts, quotePart } from '~/responses/form-schema';
import type { SchemaPart } from '~/responses/schema-part';
import { normaliseText } from '~/responses/text';
import { isBelowCreditAge, YOUTH_AGE_BANDS } from './ages';
import { DEFAULT_SAFEGUARDING_AGES, type SafeguardingAges } from '../safeguarding';
import type { YouthDef, YouthItemDef } from '../../consultations/versions/youth-definition';
import { youthField } from './answers';

// The young people's forms: one question a screen, messages in their own plain words
// (codes "youth:..." are read from locales/*/youth.json).

const oneOf = (keys: readonly string[], missing: string) =>
  z.enum(keys as [string, ...string[]], { error: (issue) => (issue.input === undefined ? missing : 'youth:notOnList') });

export function agePart(): SchemaPart {
  return { shape: { age_band: oneOf(YOUTH_AGE_BANDS, 'youth:pickAge') } };
}

export function itemPart(item: YouthItemDef): SchemaPart {
  const name = youthField(item);
  const keys = item.options.map((o) => o.key);
  switch (item.kind) {
    case 'single_choice':
    case 'yes_no':
    case 'agree_scale': {
      const schema = oneOf(keys, item.kind === 'agree_scale' ? 'youth:pickFace' : 'youth:pickOne');
      return { shape: { [name]: item.required ? schema : schema.optional() } };
    }
    case 'multiple_choice': {
      let schema = z.array(oneOf(keys, 'youth:notOnList')).refine((v) => new Set(v).size === v.length, 'youth:notOnList');
      if (item.maxSelections) schema = schema.refine((v) => v.length <= item.maxSelections!, `youth:tooMany|${item.maxSelections}`);
      if (item.required) schema = schema.refine((v) => v.length > 0, 'youth:pickSome');
      return { shape: { [name]: schema } };
    }
    case 'short_text':
    case 'long_text': {
      const max = item.maxLength ?? DEFAULT_MAX_LENGTH[item.kind];
      const schema = z.string({ error: 'youth:writeSomething' }).overwrite(normaliseText).min(1, 'youth:writeSomething').max(max, `youth:tooLong|${max}`);
      return { shape: { [name]: item.required ? schema : schema.optional() } };
    }
  }
}

/** From the credit age (13 by default) only: where they live (the first part of a postcode) and whether we may quote them. */
export function morePart(): SchemaPart {
  const quote = quotePart({ chooseCredit: 'youth:chooseCredit', enterFirstName: 'youth:enterFirstName' });
  return {
    shape: {
      ...quote.shape,
      postcode_district: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]?$/, 'youth:postcodeShape')
        .optional(),
    },
    refine: quote.refine,
  };
}

export const BELOW_CREDIT_AGE_NEVER = ['postcode_district', 'quote_consent', 'quote_credit', 'quote_name'];

/**
 * The whole young person's response, as its check page posts it: the questions on the route its
 * own answers give (`asked`, item keys; all of them when not given), and nothing for the others.
 */
export function youthSubmissionSchema(def: YouthDef, ages: SafeguardingAges = DEFAULT_SAFEGUARDING_AGES, asked?: ReadonlySet<string>) {
  const items = asked ? def.items.filter((item) => asked.has(item.key)) : def.items;
  const parts = [agePart(), ...items.map(itemPart), morePart(), honeypotPart()];
  return formSchema(mergeParts(parts), (values, ctx) => {
    if (!values.idempotencyKey) ctx.addIssue({ code: 'custom', path: [], message: 'expired' });
    // Nothing that could identify a child below the credit age is accepted, even from a tampered form.
    if (isBelowCreditAge(values.age_band as string, ages) && BELOW_CREDIT_AGE_NEVER.some((f) => values[f] !== undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'unexpectedField' });
    }
  });
}
