import type { QuestionKind } from '#db/schema';
import type { ShowIf } from '~/consultations/routing';

// Routing rules as the builder's pages show them (rule-view.server.ts builds them).

export interface AnswerView {
  key: string;
  label: string;
}

export interface QuestionView {
  id: number;
  key: string;
  text: string;
  kind: QuestionKind;
  options: AnswerView[];
}

export interface ConditionView {
  /** The named question, or null when it is no longer there (shown by its key). */
  question: QuestionView | null;
  key: string;
  options: AnswerView[];
}

export interface RuleView {
  match: ShowIf['match'];
  conditions: ConditionView[];
}

export interface RouteView {
  option: AnswerView;
  /** A later section's title, or null for the end of the survey (its exit page). */
  section: string | null;
}
