import type { QuestionKind, YouthKind } from '#db/schema';
import type { RoutablePage, ShowIf } from '../routing';

// The young people's version of a consultation, in the reader's language. Safe to send to the browser.

export interface YouthOptionDef {
  key: string;
  label: string;
  picture: string | null;
  /** The main option this answer counts as. */
  optionId: number;
  /** A later item's key, or EXIT: choosing this answer skips ahead (routing.ts). */
  goesTo?: string | null;
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
  /** Asked only when earlier items' answers match (conditions name youth item and option keys). */
  showIf?: ShowIf | null;
  /** The words of the exit page, when one of this item's answers ends the form. */
  exitText?: string;
}

export interface YouthDef {
  consultationId: number;
  slug: string;
  code: string;
  title: string;
  items: YouthItemDef[];
}

/** Youth kinds answered with one option: only these may send a young person ahead. */
const SINGLE_KINDS: readonly YouthKind[] = ['single_choice', 'yes_no', 'agree_scale'];

/** The young people's form as routing.ts sees it: each item is a page of one question, both keyed by the item. */
type RoutableItem = Pick<YouthItemDef, 'key' | 'kind' | 'required' | 'showIf'> & { options: readonly Pick<YouthOptionDef, 'key' | 'goesTo'>[] };

export function youthRoutablePages(def: { items: readonly RoutableItem[] }): RoutablePage[] {
  return def.items.map((item) => ({
    key: item.key,
    questions: [
      {
        key: item.key,
        single: SINGLE_KINDS.includes(item.kind),
        required: item.required,
        showIf: item.showIf ?? null,
        options: item.options.map((o) => ({ key: o.key, goesTo: o.goesTo ?? null })),
      },
    ],
  }));
}
