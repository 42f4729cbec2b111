import type { ConsultationStatus, QuestionKind } from '#db/schema';
import type { PriorityRef } from '~/framework/priorities';
import { CHOICE_KINDS } from './question-kinds';
import type { RoutablePage, ShowIf } from './routing';
import type { EffectiveStatus } from './status';

// A consultation as a person sees it, in their language: what the survey pages render and
// what the server validates answers against. Safe to send to the browser.

export interface OptionDef {
  id: number;
  key: string;
  label: string;
  isOther: boolean;
  /** A later section's key, or 'exit' (routing.ts): where choosing this sends the person. */
  goesTo?: string | null;
}

export interface QuestionDef {
  id: number;
  key: string;
  kind: QuestionKind;
  text: string;
  hint: string;
  required: boolean;
  maxSelections: number | null;
  rankCount: number | null;
  maxLength: number | null;
  ratingMax: number | null;
  options: OptionDef[];
  /** Asked only when earlier answers match (routing.ts); absent or null: always. */
  showIf?: ShowIf | null;
  /** The exit page's words, when an option of this question ends the survey. */
  exitText?: string;
  /** The grid this question is a statement of, if any. */
  grid?: GridDef | null;
}

/** Several statements answered on one shared scale: questions sharing this, one after another. */
export interface GridDef {
  id: number;
  key: string;
  text: string;
  hint: string;
}

export interface SectionDef {
  id: number;
  key: string;
  title: string;
  intro: string;
  questions: QuestionDef[];
  showIf?: ShowIf | null;
}

export interface ConsultationDef {
  id: number;
  slug: string;
  title: string;
  summary: string;
  whyAsking: string;
  whatHappensNext: string;
  status: ConsultationStatus;
  opensAt: string | null;
  closesAt: string | null;
  estimatedMinutes: number;
  askAboutYou: boolean;
  updatedAt: string;
  /** The short code of the young people's version, when there is one. */
  youthCode: string | null;
  priorities: PriorityRef[];
  sections: SectionDef[];
}

export type PublicConsultation = ConsultationDef & { effectiveStatus: EffectiveStatus };

export function allQuestions(def: Pick<ConsultationDef, 'sections'>): QuestionDef[] {
  return def.sections.flatMap((s) => s.questions);
}

/** The sections as routing.ts sees them: each section is a page. */
export function routablePages(def: Pick<ConsultationDef, 'sections'>): RoutablePage[] {
  return def.sections.map((s) => ({
    key: s.key,
    showIf: s.showIf ?? null,
    questions: s.questions.map((q) => ({
      key: q.key,
      single: CHOICE_KINDS.includes(q.kind),
      required: q.required,
      showIf: q.showIf ?? null,
      options: q.options.map((o) => ({ key: o.key, goesTo: o.goesTo ?? null })),
    })),
  }));
}

/** A consultation as the hub lists it. */
export interface ConsultationCard {
  slug: string;
  title: string;
  summary: string;
  status: EffectiveStatus;
  opensAt: string | null;
  closesAt: string | null;
  estimatedMinutes: number;
  priorities: PriorityRef[];
  youthCode: string | null;
}
