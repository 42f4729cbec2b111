import type { ConsultationDef, SectionDef } from '~/consultations/definition';

// The pages of a survey: one per section, then "About you" (when the consultation asks it),
// then "Using your words" (consent to be quoted). Check-your-answers follows the last step.

export type Step = { id: string; kind: 'section'; section: SectionDef } | { id: 'about-you'; kind: 'about-you' } | { id: 'your-words'; kind: 'your-words' };

export function stepsOf(def: Pick<ConsultationDef, 'sections' | 'askAboutYou'>): Step[] {
  const steps: Step[] = def.sections.map((section, i) => ({ id: String(i + 1), kind: 'section', section }));
  if (def.askAboutYou) steps.push({ id: 'about-you', kind: 'about-you' });
  steps.push({ id: 'your-words', kind: 'your-words' });
  return steps;
}

export interface StepPosition {
  step: Step;
  number: number;
  total: number;
  previous: Step | null;
  next: Step | null;
}

export function findStep(def: Pick<ConsultationDef, 'sections' | 'askAboutYou'>, id: string): StepPosition | null {
  const steps = stepsOf(def);
  const index = steps.findIndex((s) => s.id === id);
  if (index === -1) return null;
  return {
    step: steps[index]!,
    number: index + 1,
    total: steps.length,
    previous: steps[index - 1] ?? null,
    next: steps[index + 1] ?? null,
  };
}

/** The step a question is asked on, for "Change" links and error summaries on the check page. */
export function stepOfQuestion(def: Pick<ConsultationDef, 'sections'>, questionKey: string): string | null {
  const index = def.sections.findIndex((s) => s.questions.some((q) => q.key === questionKey));
  return index === -1 ? null : String(index + 1);
}
