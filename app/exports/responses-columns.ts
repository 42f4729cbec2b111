import type { QuestionKind } from '../../db/schema';
import { CELL_LIMIT, pieces, safeCell, type CellValue } from './cells';
import { redactContactDetails } from './redact';

// The `responses` export's columns, and one response as one row of them.
//
// One header row of column keys, stable and machine-friendly (no spaces, the question's own key);
// what each key means (the question's wording, the option's label) is in the data dictionary:
// the Excel file's "columns" sheet and the JSON file's `columns`. Cells hold codes, with the
// label next to them where people read words:
//
//   reference ... postcode_district, lives_in_area ...   the response and the respondent
//   q                  single choice, yes/no, agree scale: the option's key
//   q__label           ... and its label in the export's language
//   q__other_text      what was written in "Other, please specify" (when the question has one)
//   q__opt             multiple choice: 1 chosen, 0 not chosen, empty when the question was not answered
//   q__opt             ranking: the option's rank (1 = first), empty when not ranked
//   q                  rating: the number; short and long text: the text, contact details redacted
//
// A question the person's own earlier answers routed them past holds the text `not asked` in
// every one of its columns (NOT_ASKED), never a blank: a blank is "asked, gave no answer".
//
// Names, contact details, the quote credit, notes, the facilitator and who entered a paper
// response are never columns. Text longer than a spreadsheet cell holds continues in "q (2)"...
// columns, as many as the question's longest possible answer needs.

export interface ExportOption {
  id: number;
  key: string;
  label: string;
  isOther: boolean;
}

export interface ExportQuestion {
  id: number;
  key: string;
  kind: QuestionKind;
  text: string;
  /** The longest text an answer can hold (text kinds and "Other" text). */
  maxLength: number;
  options: ExportOption[];
}

export interface ExportColumn {
  key: string;
  /** What the column holds, in the export's language. */
  label: string;
}

/** The response's own fields, in order: what is stored on the response row. */
export const RESPONSE_FIELDS = [
  'reference',
  'submitted_at',
  'channel',
  'respondent_group',
  'locale',
  'age_band',
  'sex',
  'gender_identity',
  'ethnicity',
  'disability',
  'carer',
  'religion',
  'sexual_orientation',
  'ward_code',
  'postcode_district',
  'lives_in_area',
  'works_in_area',
  'studies_in_area',
  'runs_business',
  'represents_group',
] as const;
export type ResponseField = (typeof RESPONSE_FIELDS)[number];

/** Ward name and area committee come right after ward_code. */
const WARD_COLUMNS = ['ward_name', 'area_committee'] as const;

export type ExportResponse = { id: number } & { [F in ResponseField]: string | number | null };

export interface ExportAnswer {
  response_id: number;
  question_id: number;
  option_id: number | null;
  rank: number | null;
  value_number: number | null;
  value_text: string | null;
}

export interface Ward {
  name: string;
  areaCommittee: string;
}

/** How one answer row lands in the row: set by `layout`, used by `mapper`. */
type Placement =
  | { kind: 'choice'; at: number; other: number | null; options: Map<number, { key: string; label: string; isOther: boolean }> }
  | { kind: 'multiple'; first: number; count: number; other: number | null; options: Map<number, { at: number; isOther: boolean }> }
  | { kind: 'ranking'; options: Map<number, number> }
  | { kind: 'number'; at: number }
  | { kind: 'text'; at: number; width: number };

/** Redaction can make text longer ("a@b.co" becomes "[email removed]"): at most three times. */
const REDACTION_GROWTH = 3;

const textWidth = (maxLength: number) => Math.max(1, Math.ceil((maxLength * REDACTION_GROWTH) / (CELL_LIMIT - 1)));
const continued = (key: string, k: number) => (k === 0 ? key : `${key} (${k + 1})`);

export interface Layout {
  columns: ExportColumn[];
  placements: Map<number, Placement>;
  fieldLabels: Record<ResponseField | (typeof WARD_COLUMNS)[number], string>;
}

/** The columns for these questions. `words` names the response's own columns and the suffixes. */
export function layout(
  questions: readonly ExportQuestion[],
  words: { fields: Record<ResponseField | (typeof WARD_COLUMNS)[number], string>; label: string; other: string },
): Layout {
  const columns: ExportColumn[] = [];
  for (const field of RESPONSE_FIELDS) {
    columns.push({ key: field, label: words.fields[field] });
    if (field === 'ward_code') for (const w of WARD_COLUMNS) columns.push({ key: w, label: words.fields[w] });
  }
  const placements = new Map<number, Placement>();
  for (const q of questions) {
    const hasOther = q.options.some((o) => o.isOther);
    const otherColumn = () => {
      if (!hasOther) return null;
      columns.push({ key: `${q.key}__other_text`, label: `${q.text} (${words.other})` });
      return columns.length - 1;
    };
    switch (q.kind) {
      case 'single_choice':
      case 'yes_no':
      case 'agree_scale': {
        const at = columns.length;
        columns.push({ key: q.key, label: q.text }, { key: `${q.key}__label`, label: `${q.text} (${words.label})` });
        const options = new Map(q.options.map((o) => [o.id, { key: o.key, label: o.label, isOther: o.isOther }]));
        placements.set(q.id, { kind: 'choice', at, other: otherColumn(), options });
        break;
      }
      case 'multiple_choice': {
        const first = columns.length;
        const options = new Map(q.options.map((o, i) => [o.id, { at: first + i, isOther: o.isOther }]));
        for (const o of q.options) columns.push({ key: `${q.key}__${o.key}`, label: `${q.text}: ${o.label}` });
        placements.set(q.id, { kind: 'multiple', first, count: q.options.length, other: otherColumn(), options });
        break;
      }
      case 'ranking': {
        const options = new Map(q.options.map((o, i) => [o.id, columns.length + i]));
        for (const o of q.options) columns.push({ key: `${q.key}__${o.key}`, label: `${q.text}: ${o.label}` });
        placements.set(q.id, { kind: 'ranking', options });
        break;
      }
      case 'rating':
        placements.set(q.id, { kind: 'number', at: columns.length });
        columns.push({ key: q.key, label: q.text });
        break;
      case 'short_text':
      case 'long_text': {
        const width = textWidth(q.maxLength);
        placements.set(q.id, { kind: 'text', at: columns.length, width });
        for (let k = 0; k < width; k++) columns.push({ key: continued(q.key, k), label: q.text });
        break;
      }
    }
  }
  return { columns, placements, fieldLabels: words.fields };
}

/** The cell of a question the response was not asked (routed past), the same in every language. */
export const NOT_ASKED = 'not asked';

/** The columns a question fills, first to last (its "other" text column apart). */
function spanOf(place: Placement): number[] {
  switch (place.kind) {
    case 'choice':
      return [place.at, place.at + 1, ...(place.other === null ? [] : [place.other])];
    case 'multiple':
      return [...Array.from({ length: place.count }, (_, i) => place.first + i), ...(place.other === null ? [] : [place.other])];
    case 'ranking':
      return [...place.options.values()];
    case 'number':
      return [place.at];
    case 'text':
      return Array.from({ length: place.width }, (_, k) => place.at + k);
  }
}

/** Free text as it may leave Heard: contact details out, and safe to open in a spreadsheet. */
const cleanText = (text: string) => redactContactDetails(text);

/**
 * A function from one response and its answers to its row. Text is redacted here; cells are
 * made spreadsheet-safe by the CSV and Excel writers (JSON keeps the values as they are).
 */
export function mapper(plan: Layout, wards: ReadonlyMap<string, Ward>) {
  const width = plan.columns.length;
  const wardAt = RESPONSE_FIELDS.indexOf('ward_code');
  return (response: ExportResponse, answers: readonly ExportAnswer[], notAsked: readonly number[] = []): CellValue[] => {
    const row = new Array<CellValue>(width).fill(null);
    let at = 0;
    for (const field of RESPONSE_FIELDS) {
      row[at++] = response[field];
      if (at - 1 === wardAt) {
        const ward = response.ward_code === null ? undefined : wards.get(String(response.ward_code));
        row[at++] = ward?.name ?? null;
        row[at++] = ward?.areaCommittee ?? null;
      }
    }
    for (const answer of answers) {
      const place = plan.placements.get(answer.question_id);
      if (!place) continue;
      switch (place.kind) {
        case 'choice': {
          const option = answer.option_id === null ? undefined : place.options.get(answer.option_id);
          if (!option) break;
          row[place.at] = option.key;
          row[place.at + 1] = option.label;
          if (option.isOther && place.other !== null && answer.value_text) row[place.other] = cleanText(answer.value_text);
          break;
        }
        case 'multiple': {
          const option = answer.option_id === null ? undefined : place.options.get(answer.option_id);
          if (!option) break;
          if (row[place.first] === null) row.fill(0, place.first, place.first + place.count);
          row[option.at] = 1;
          if (option.isOther && place.other !== null && answer.value_text) row[place.other] = cleanText(answer.value_text);
          break;
        }
        case 'ranking': {
          const column = answer.option_id === null ? undefined : place.options.get(answer.option_id);
          if (column !== undefined) row[column] = answer.rank;
          break;
        }
        case 'number':
          row[place.at] = answer.value_number;
          break;
        case 'text': {
          if (!answer.value_text) break;
          const text = cleanText(answer.value_text);
          if (place.width === 1 && text.length <= CELL_LIMIT - 1) row[place.at] = text;
          else pieces(text).forEach((piece, k) => k < place.width && (row[place.at + k] = piece));
          break;
        }
      }
    }
    for (const questionId of notAsked) {
      const place = plan.placements.get(questionId);
      if (place) for (const i of spanOf(place)) row[i] = NOT_ASKED;
    }
    return row;
  };
}

/** A row as a spreadsheet receives it (CSV and Excel): every text cell safe from formulas. */
export function safeRow(row: CellValue[]): CellValue[] {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === 'string') row[i] = safeCell(v);
  }
  return row;
}
