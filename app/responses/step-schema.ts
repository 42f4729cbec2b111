import { aboutYouStepPart, consentOnlyPart, formSchema, quotePart, sectionPart, sensitivePart } from './form-schema';
import type { SchemaPart } from './schema-part';
import type { Step } from './steps';

function partOf(step: Step, wardCodes: readonly string[]): SchemaPart {
  switch (step.kind) {
    case 'section':
      return sectionPart(step.section);
    case 'exit':
      return { shape: {} };
    case 'about-you':
      return aboutYouStepPart(wardCodes);
    case 'about-you-more':
      return sensitivePart();
    case 'your-words':
      return step.credit ? quotePart() : consentOnlyPart();
  }
}

/** The one schema of a step's form, for the server and the browser alike. */
export function stepSchema(step: Step, wardCodes: readonly string[]) {
  return formSchema(partOf(step, wardCodes));
}

/** The fields a step asks, so saving it replaces exactly those answers in the draft. */
export function stepFieldNames(step: Step, wardCodes: readonly string[]): string[] {
  return Object.keys(partOf(step, wardCodes).shape);
}
