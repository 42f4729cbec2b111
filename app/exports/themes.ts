import { groupCode } from '../analysis/filters';
import type { ResultsModel } from '../analysis/results-model';

// The `themes` export: what people said in their own words, as one tidy table with three kinds
// of line, told apart by `kind`:
// - `theme`: the codebook, one line per theme (its key, name, description, linked priority);
// - `count`: the coded free text, one line per (open question, theme, group), with the figures
//   taken from the protected results model, so they equal the results page's coded themes and
//   a hidden one is `suppressed` with no count, percent or interval;
// - `quote`: the quotes officers chose, with the credit the respondent asked for (credit.ts).
// One table rather than three keeps CSV, Excel and JSON alike and lets a reader filter by kind.
// A column a kind does not use is empty.

export const THEMES_COLUMNS = [
  'consultation',
  'kind',
  'question_key',
  'question',
  'theme_key',
  'theme',
  'description',
  'priority',
  'breakdown',
  'group_code',
  'group',
  'count',
  'percent',
  'base',
  'percent_of',
  'not_asked',
  'ci_low',
  'ci_high',
  'suppressed',
  'quote',
  'credit',
] as const;

export type ThemesColumn = (typeof THEMES_COLUMNS)[number];

export const THEMES_KINDS = ['theme', 'count', 'quote'] as const;

export interface ThemesRow {
  consultation: string;
  kind: (typeof THEMES_KINDS)[number];
  question_key: string | null;
  question: string | null;
  theme_key: string | null;
  theme: string | null;
  description: string | null;
  /** The name of the council priority the theme (or the quote) is linked to. */
  priority: string | null;
  /** The dimension broken down by (ward, ageBand...), or `all`; counts only. */
  breakdown: string | null;
  /** The group's code, the same in every language (filters.ts groupCode); counts only. */
  group_code: string | null;
  group: string | null;
  count: number | null;
  percent: number | null;
  base: number | null;
  /** Counts only: what `percent` is of, `answered` (the base), `responses` (everyone in the group) or `asked` (everyone in it asked). */
  percent_of: 'answered' | 'responses' | 'asked' | null;
  /** Counts only: those routed past the free-text question, not in the base (null: hidden). */
  not_asked: number | null;
  ci_low: number | null;
  ci_high: number | null;
  /** Counts only: true when the figure is hidden to protect a small group. */
  suppressed: boolean | null;
  quote: string | null;
  credit: string | null;
}

export interface CodebookEntry {
  key: string;
  name: string;
  description: string;
  priority: string | null;
}

export interface ChosenQuote {
  questionKey: string | null;
  question: string;
  themeKey: string | null;
  theme: string | null;
  priority: string | null;
  text: string;
  credit: string;
}

const EMPTY = {
  question_key: null,
  question: null,
  theme_key: null,
  theme: null,
  description: null,
  priority: null,
  breakdown: null,
  group_code: null,
  group: null,
  count: null,
  percent: null,
  base: null,
  percent_of: null,
  not_asked: null,
  ci_low: null,
  ci_high: null,
  suppressed: null,
  quote: null,
  credit: null,
} as const satisfies Omit<ThemesRow, 'consultation' | 'kind'>;

/** The coded themes' figures of the model, one line per (question, theme, group). */
export function themeCountRows(model: ResultsModel, codebook: readonly CodebookEntry[]): ThemesRow[] {
  const byKey = new Map(codebook.map((t) => [t.key, t]));
  const dimension = model.breakdown?.dimension ?? null;
  const breakdown = dimension ?? 'all';
  const rows: ThemesRow[] = [];
  for (const q of model.themes) {
    q.columns.forEach((column, j) => {
      for (const theme of q.rows) {
        const cell = theme.cells[j] ?? { suppressed: true };
        rows.push({
          ...EMPTY,
          consultation: model.consultation.slug,
          kind: 'count',
          question_key: q.key,
          question: q.text,
          theme_key: theme.key,
          theme: theme.label,
          priority: byKey.get(theme.key)?.priority ?? null,
          breakdown,
          group_code: groupCode(dimension, column.key),
          group: column.label,
          // A hidden figure carries nothing, whatever else the line says.
          count: cell.suppressed ? null : cell.count,
          percent: cell.suppressed ? null : cell.percent,
          base: column.base.suppressed ? null : column.base.value,
          percent_of: column.percentOf,
          not_asked: column.notAsked.suppressed ? null : column.notAsked.value,
          ci_low: cell.suppressed ? null : cell.ciLow,
          ci_high: cell.suppressed ? null : cell.ciHigh,
          suppressed: cell.suppressed,
        });
      }
    });
  }
  return rows;
}

/** The codebook, the coded figures and the chosen quotes, in that order. */
export function themesRows(model: ResultsModel, codebook: readonly CodebookEntry[], quotes: readonly ChosenQuote[]): ThemesRow[] {
  const consultation = model.consultation.slug;
  return [
    ...codebook.map((t): ThemesRow => ({
      ...EMPTY,
      consultation,
      kind: 'theme',
      theme_key: t.key,
      theme: t.name,
      description: t.description,
      priority: t.priority,
    })),
    ...themeCountRows(model, codebook),
    ...quotes.map((q): ThemesRow => ({
      ...EMPTY,
      consultation,
      kind: 'quote',
      question_key: q.questionKey,
      question: q.question,
      theme_key: q.themeKey,
      theme: q.theme,
      priority: q.priority,
      quote: q.text,
      credit: q.credit,
    })),
  ];
}
