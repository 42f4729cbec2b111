import type { QuestionKind, YouthKind } from '#db/schema';

// The young people's version of a consultation, in the reader's language. Safe to send to the browser.

export interface YouthOptionDef {
  key: string;
  label: string;
  picture: string | null;
  /** The main option this answer counts as. */
  optionId: number;
}

export interface YouthItemDef {
  id: number;
  key: string;
  kind: YouthKind;
  text: string;
  hint: string;
  required: boolean;
  maxSelections: number | null;
  maxLength: number | null;
  /** The question the answer is stored against (a main question, or a young-people-only one). */
  questionId: number;
  questionKind: QuestionKind;
  /** False for the questions only young people are asked (the seven statements, say). */
  mapped: boolean;
  options: YouthOptionDef[];
}

export interface YouthDef {
  consultationId: number;
  slug: string;
  code: string;
  title: string;
  items: YouthItemDef[];
}
