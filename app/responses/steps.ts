import type { ConsultationDef, SectionDef } from '~/consultations/definition';
import type { MayAsk } from './safeguarding';

// The pages of a survey: one per section, then "About you" (when the consultation asks it), then
// "More about you" (gender identity and sexual orientation, only for someone whose age shows they
// are old enough: safeguarding.ts), then "Using your words" (consent to be quoted; how to be
// credited only when they may be). Check-your-answers follows the last step.

export type Step =
  | { id: string; kind: 'section'; section: SectionDef }
  | { id: 'about-you'; kind: 'about-you' }
  | { id: 'about-you-more'; kind: 'about-you-more' }
  | { id: 'your-words'; kind: 'your-words'; credit: boolean };

export function stepsOf(def: Pick<ConsultationDef, 'sections' | 'askAboutYou'>, may: MayAsk): Step[] {
  const steps: Step[] = def.sections.map((section, i) => ({ id: String(i + 1), kind: 'section', section }));
  if (def.askAboutYou) steps.push({ id: 'about-you', kind: 'about-you' });
  if (def.askAboutYou && may.sensitive) steps.push({ id: 'about-you-more', kind: 'about-you-more' });
  steps.push({ id: 'your-words', kind: 'your-words', credit: may.credit });
  return steps;
}

export interface StepPosition {
  step: Step;
  number: number;
  total: number;
  previous: Step | null;
  next: Step | null;
}

/** Where a step sits for what this person may be asked; null when it is not one of their pages. */
export function findStep(def: Pick<ConsultationDef, 'sections' | 'askAboutYou'>, id: string, may: MayAsk): StepPosition | null {
  const steps = stepsOf(def, may);
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

type Translate = (key: string) => string;

/** A page's heading (and title): the section's own, or the survey's words for the others. */
export function stepHeading(step: Step, tSurvey: Translate, tAbout: Translate): string {
  switch (step.kind) {
    case 'section':
      return step.section.title;
    case 'about-you':
      return tAbout('title');
    case 'about-you-more':
      return tAbout('more.title');
    case 'your-words':
      return tSurvey('words.title');
  }
}
