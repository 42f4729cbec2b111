import type { ConsultationStatus, QuestionKind } from '#db/schema';
import type { PriorityRef } from '~/framework/priorities';
import type { EffectiveStatus } from './status';

// A consultation as a person sees it, in their language: what the survey pages render and
// what the server validates answers against. Safe to send to the browser.

export interface OptionDef {
  id: number;
  key: string;
  label: string;
  isOther: boolean;
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
}

export interface SectionDef {
  id: number;
  key: string;
  title: string;
  intro: string;
  questions: QuestionDef[];
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
