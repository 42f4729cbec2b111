import { compareGroups, outlineQuestions, type Comparison, type QuestionOutline } from './compare';
import type { QuestionResult, ResultsModel } from './results-model';

// Which part of "what we heard" one address shows, and only the figures that part needs, so a
// breakdown by ward is a page an officer can read and a browser can load (the whole model of a
// ward breakdown is hundreds of kilobytes):
// - no breakdown: every question's overall figures on one page, as before (a question asked
//   for is ignored: its figures are on that page);
// - a breakdown: the questions, where the groups differ most first, each a link;
// - a breakdown and `question=KEY`: that question alone, with previous and next, its groups
//   compared on one answer (`option=KEY`, or the one with the most notable differences), and
//   the full table of every group and answer only when asked for (`table=KEY`).

export type Part = QuestionOutline['part'];

/** What the address asks to see, beside the filters and breakdown (which results.server.ts reads). */
export interface ScreenRequest {
  question: string | null;
  option: string | null;
  table: boolean;
}

export function screenRequestOf(params: URLSearchParams): ScreenRequest {
  const table = params.get('table') || null;
  const question = params.get('question') || table;
  return { question, option: params.get('option') || null, table: table !== null && table === question };
}

export interface QuestionLink {
  key: string;
  text: string;
}

export type ResultsScreen =
  | { kind: 'all' }
  | { kind: 'outline'; questions: QuestionOutline[] }
  | {
      kind: 'question';
      part: Part;
      question: QuestionResult;
      /** 1-based, in the order of the page: main questions, young people's statements, themes. */
      position: number;
      count: number;
      previous: QuestionLink | null;
      next: QuestionLink | null;
      /** The groups compared on one answer; null when the question has no answers to compare. */
      comparison: Comparison | null;
      /** Every group and answer as a table, asked for. */
      table: boolean;
    };

const PARTS: readonly Part[] = ['questions', 'youth', 'themes'];

/** The model with no question's figures: what the page says about coverage, filters and methods. */
const withoutQuestions = (model: ResultsModel): ResultsModel => ({ ...model, questions: [], youth: [], themes: [] });

/**
 * The screen for a request, and the model trimmed to what it shows. `null` when the address
 * names a question this consultation does not have (the page is not found).
 */
export function resultsScreen(model: ResultsModel, request: ScreenRequest): { model: ResultsModel; screen: ResultsScreen } | null {
  if (model.responses.suppressed) return { model: withoutQuestions(model), screen: { kind: 'all' } };
  // Without a breakdown every question is one column of figures: one page holds them all.
  if (!model.breakdown) return { model, screen: { kind: 'all' } };
  const ordered = PARTS.flatMap((part) => model[part].map((question) => ({ part, question })));
  if (request.question === null) {
    const questions = outlineQuestions(PARTS.map((part) => ({ part, questions: model[part] })));
    return { model: withoutQuestions(model), screen: { kind: 'outline', questions } };
  }
  const at = ordered.findIndex((o) => o.question.key === request.question);
  const found = ordered[at];
  if (!found) return null;
  const link = (i: number): QuestionLink | null => {
    const o = ordered[i];
    return o ? { key: o.question.key, text: o.question.text } : null;
  };
  return {
    model: withoutQuestions(model),
    screen: {
      kind: 'question',
      part: found.part,
      question: found.question,
      position: at + 1,
      count: ordered.length,
      previous: link(at - 1),
      next: link(at + 1),
      comparison: compareGroups(found.question, request.option),
      table: request.table,
    },
  };
}

/**
 * The address of a screen of the same figures: the filters and breakdown (`query`, as the
 * loader read them), then what to show. Relative, so it stays on the page it is used on.
 */
export function screenHref(query: string, view: { question?: string; option?: string; table?: boolean } = {}): string {
  const params = new URLSearchParams(query);
  if (view.question) params.set('question', view.question);
  if (view.question && view.option) params.set('option', view.option);
  if (view.question && view.table) params.set('table', view.question);
  const search = params.toString();
  return search ? `?${search}` : '?';
}
