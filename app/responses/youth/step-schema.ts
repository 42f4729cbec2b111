import { formSchema } from '~/responses/form-schema';
import type { SchemaPart } from '~/responses/schema-part';
import { isUnder13 } from './ages';
import { agePart, itemPart, morePart, UNDER_13_NEVER } from './form-schema';
import type { YouthStep } from './steps';

function partOf(step: YouthStep): SchemaPart {
  switch (step.kind) {
    case 'age':
      return agePart();
    case 'item':
      return itemPart(step.item);
    case 'more':
      return morePart();
  }
}

export function youthStepSchema(step: YouthStep) {
  return formSchema(partOf(step));
}

/**
 * The answers a step replaces in the draft. Saying you are under 13 also forgets anything
 * given on the 13-and-over page, so it can never be sent.
 */
export function youthStepFields(step: YouthStep, ageBand: string | null): string[] {
  const fields = Object.keys(partOf(step).shape);
  return step.kind === 'age' && isUnder13(ageBand) ? [...fields, ...UNDER_13_NEVER] : fields;
}

/** Young people's answers in progress are kept apart from the same browser's resident form. */
export const youthDraftToken = (token: string | null) => (token ? `${token}-young` : null);
