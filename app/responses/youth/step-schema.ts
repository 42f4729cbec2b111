import { formSchema } from '~/responses/form-schema';
import type { SchemaPart } from '~/responses/schema-part';
import { isBelowCreditAge } from './ages';
import { agePart, BELOW_CREDIT_AGE_NEVER, itemPart, morePart } from './form-schema';
import { DEFAULT_SAFEGUARDING_AGES, type SafeguardingAges } from '../safeguarding';
import type { YouthStep } from './steps';

function partOf(step: YouthStep): SchemaPart {
  switch (step.kind) {
    case 'age':
      return agePart();
    case 'item':
      return itemPart(step.item);
    case 'more':
      return morePart();
    case 'exit':
      return { shape: {} };
  }
}

export function youthStepSchema(step: YouthStep) {
  return formSchema(partOf(step));
}

/**
 * The answers a step replaces in the draft. Saying you are below the credit age also forgets anything
 * given on the page for older children, so it can never be sent.
 */
export function youthStepFields(step: YouthStep, ageBand: string | null, ages: SafeguardingAges = DEFAULT_SAFEGUARDING_AGES): string[] {
  const fields = Object.keys(partOf(step).shape);
  return step.kind === 'age' && isBelowCreditAge(ageBand, ages) ? [...fields, ...BELOW_CREDIT_AGE_NEVER] : fields;
}

/** Young people's answers in progress are kept apart from the same browser's resident form. */
export const youthDraftToken = (token: string | null) => (token ? `${token}-young` : null);
