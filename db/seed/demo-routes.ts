import { STANDARD_OPTIONS } from '../../app/consultations/question-kinds';
import type { RoutablePage } from '../../app/consultations/routing';
import type { DemoConsultation, DemoQuestion, DemoYouthVersion } from './demo-dsl';

// The demo's content as app/consultations/routing.ts sees it, so the seed can refuse routing the
// builder would refuse before anything is stored. The main form's pages are its sections; the
// young people's version's are its items, each its own question.

const SINGLE_KINDS = new Set(['single_choice', 'yes_no', 'agree_scale']);

function optionKeys(question: DemoQuestion): string[] {
  if ('options' in question) return question.options.map((o) => o.key);
  return [...(STANDARD_OPTIONS[question.kind] ?? [])];
}

export function demoPages(consultation: Pick<DemoConsultation, 'sections'>): RoutablePage[] {
  return consultation.sections.map((section) => ({
    key: section.key,
    showIf: section.showIf ?? null,
    questions: section.questions.map((q) => ({
      key: q.key,
      single: SINGLE_KINDS.has(q.kind),
      required: q.required ?? false,
      showIf: q.showIf ?? null,
      options: optionKeys(q).map((key) => ({ key, goesTo: q.goesTo?.[key] ?? null })),
    })),
  }));
}

export function demoYouthPages(youth: DemoYouthVersion): RoutablePage[] {
  return youth.items.map((item) => ({
    key: item.key,
    showIf: item.showIf ?? null,
    questions: [
      {
        key: item.key,
        single: SINGLE_KINDS.has(item.kind),
        required: item.required ?? false,
        showIf: null,
        options: ('options' in item ? item.options : []).map((o) => ({ key: o.key, goesTo: item.goesTo?.[o.key] ?? null })),
      },
    ],
  }));
}
