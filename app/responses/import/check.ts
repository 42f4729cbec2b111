import type { QuestionDef } from '~/consultations/definition';
import { DEFAULT_RATING_MAX, maxLengthOf, OTHER_MAX_LENGTH } from '~/consultations/question-kinds';
import type { FormValues } from '~/responses/answers';
import type { RespondentGroup } from '~/responses/codes';
import { ABOUT_YOU_FIELD_NAMES, type AboutYouField } from '~/responses/demographics';
import { otherField, questionField } from '~/responses/fields';
import { normaliseText } from '~/responses/text';
import type { Locale } from '~/platform/i18n/config';
import { parseDate } from './dates';
import { closest, findExact, normalise, type Candidate } from './match';
import { routedPastAnswers } from './route-check';
import { FACILITATOR_MAX, importAnswersSchema, NOTES_MAX, type OfflineChannel } from './schema';
import { REQUIRED_COLUMNS, type Vocabulary } from './vocabulary';

// Checks a whole spreadsheet before anything is stored, and says what is wrong where a person
// will find it: the row number their spreadsheet shows (the header is row 1) and the column's
// name. Answers are then put through the public form's own schema, so nothing the online form
// would refuse gets in.

export interface Sheet {
  header: string[];
  rows: { number: number; cells: string[] }[];
}

export interface Problem {
  /** The spreadsheet's row number, or null for the file as a whole. */
  row: number | null;
  column: string | null;
  /** A message code, "intake:key" or "survey:key", with its values. */
  code: string;
  values?: Record<string, string | number>;
  suggestion?: string;
}

export interface CheckedRow {
  row: number;
  values: FormValues;
  channel: OfflineChannel;
  submittedAt: Date;
  group: RespondentGroup | null;
  facilitator: string | null;
  notes: string | null;
  locale: Locale;
}

export const LIST_SEPARATOR = ';';

function checkHeader(sheet: Sheet, vocab: Vocabulary): { columns: (string | null)[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const known = vocab.columns.map((c) => ({ names: [c], value: c, display: c }));
  const seen = new Set<string>();
  // Data past the last named column still needs a name.
  const width = Math.max(sheet.header.length, ...sheet.rows.map((r) => r.cells.length));
  const header = Array.from({ length: width }, (_, i) => sheet.header[i] ?? '');
  const columns = header.map((raw, i) => {
    const name = normalise(raw);
    if (name === '') {
      if (sheet.rows.some((r) => (r.cells[i] ?? '').trim() !== ''))
        problems.push({ row: 1, column: null, code: 'intake:unnamedColumn', values: { number: i + 1 } });
      return null;
    }
    const match = findExact(name, known);
    if (!match) {
      problems.push({ row: 1, column: raw.trim(), code: 'intake:unknownColumn', values: { value: raw.trim() }, suggestion: closest(name, known)?.display });
      return null;
    }
    if (seen.has(match.value)) problems.push({ row: 1, column: match.value, code: 'intake:repeatedColumn', values: { value: match.value } });
    seen.add(match.value);
    return match.value;
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!seen.has(required)) problems.push({ row: 1, column: required, code: 'intake:missingColumn', values: { value: required } });
  }
  return { columns, problems };
}

type Report = (column: string, code: string, values?: Problem['values'], suggestion?: string) => void;

function pick(text: string, column: string, candidates: Candidate<string>[], report: Report, code = 'intake:unknownValue'): string | undefined {
  const found = findExact(text, candidates);
  if (found) return found.value;
  report(column, code, { value: text.trim() }, closest(text, candidates)?.display);
  return undefined;
}

const listOf = (text: string) =>
  text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function questionValue(q: QuestionDef, text: string, vocab: Vocabulary, report: Report): string | string[] | undefined {
  const candidates = vocab.options.get(q.key) ?? [];
  const pickAll = (items: string[]) => items.map((item) => pick(item, q.key, candidates, report, 'intake:unknownOption'));
  switch (q.kind) {
    case 'single_choice':
    case 'yes_no':
    case 'agree_scale': {
      const items = listOf(text);
      if (items.length > 1) return void report(q.key, 'intake:oneAnswer', { count: items.length });
      return pick(text, q.key, candidates, report, 'intake:unknownOption');
    }
    case 'multiple_choice':
    case 'ranking': {
      const items = listOf(text);
      const keys = pickAll(items);
      if (keys.some((k) => k === undefined)) return undefined;
      if (new Set(keys).size !== keys.length) return void report(q.key, 'intake:repeatedAnswer');
      const max = q.kind === 'ranking' ? (q.rankCount ?? candidates.length) : q.maxSelections;
      if (max && keys.length > max) return void report(q.key, 'intake:tooMany', { count: keys.length, max });
      return keys as string[];
    }
    case 'rating': {
      const max = q.ratingMax ?? DEFAULT_RATING_MAX;
      const n = Number(text.trim());
      if (!Number.isInteger(n) || n < 1 || n > max) return void report(q.key, 'intake:badRating', { value: text.trim(), max });
      return String(n);
    }
    case 'short_text':
    case 'long_text': {
      const value = normaliseText(text);
      const max = maxLengthOf({ kind: q.kind, max_length: q.maxLength });
      if (value.length > max) return void report(q.key, 'intake:tooLong', { length: value.length, max });
      return value;
    }
  }
}

function textOf(column: string, text: string, max: number, report: Report): string | null {
  const value = normaliseText(text);
  if (value.length > max) report(column, 'intake:tooLong', { length: value.length, max });
  return value || null;
}

function checkRow(cellsOf: Map<string, string>, row: number, vocab: Vocabulary, now: Date, problems: Problem[]): CheckedRow | null {
  const before = problems.length;
  const report: Report = (column, code, values, suggestion) => problems.push({ row, column, code, values, suggestion });
  const cell = (column: string) => cellsOf.get(column)?.trim() ?? '';
  const values: FormValues = {};

  let channel: string | undefined;
  if (cell('channel') === '') report('channel', 'intake:missingValue');
  else channel = pick(cell('channel'), 'channel', vocab.channels, report);

  let submittedAt: Date | null = null;
  if (cell('submitted_at') === '') report('submitted_at', 'intake:missingValue');
  else {
    submittedAt = parseDate(cell('submitted_at'));
    if (!submittedAt) report('submitted_at', 'intake:badDate', { value: cell('submitted_at') });
    else if (submittedAt > now) report('submitted_at', 'intake:futureDate', { value: cell('submitted_at') });
  }
  const group = cell('group') ? pick(cell('group'), 'group', vocab.groups, report) : undefined;
  const locale = cell('locale') ? pick(cell('locale'), 'locale', vocab.locales, report) : 'en';
  const facilitator = textOf('facilitator', cell('facilitator'), FACILITATOR_MAX, report);
  const notes = textOf('notes', cell('notes'), NOTES_MAX, report);
  if (cell('ward')) values.ward = pick(cell('ward'), 'ward', vocab.wards, report, 'intake:unknownWard');
  for (const field of ABOUT_YOU_FIELD_NAMES) {
    if (cell(field)) values[field] = pick(cell(field), field, vocab.about[field as AboutYouField], report);
  }
  for (const q of vocab.questions.values()) {
    if (cell(q.key)) values[questionField(q.key)] = questionValue(q, cell(q.key), vocab, report);
  }
  for (const [column, q] of vocab.otherColumns) {
    if (cell(column)) values[otherField(q.key)] = textOf(column, cell(column), OTHER_MAX_LENGTH, report) ?? undefined;
  }
  if (problems.length > before) return null;

  // The public form's rules, for anything the checks above do not word more precisely.
  // (Lists are always there in a posted form, if only empty.)
  const lists = [...vocab.questions.values()].filter((q) => q.kind === 'multiple_choice' || q.kind === 'ranking').map((q) => [questionField(q.key), []]);
  const parsed = importAnswersSchema(vocab.def.sections, vocab.wardCodes).safeParse({ connections: [], ...Object.fromEntries(lists), ...values });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = field.startsWith('q-') ? field.slice(2).replace(/-other$/, '.other') : field;
      const [name = '', count] = issue.message.split('|');
      report(column || '', name.includes(':') ? name : `survey:${name}`, count ? { count: Number(count) } : undefined);
    }
    return null;
  }
  // The row's own earlier answers decide what it was asked, as on the online form.
  for (const past of routedPastAnswers(vocab.def, values)) {
    const code = past.answer ? 'intake:routedPast' : 'intake:routedPastUnanswered';
    problems.push({ row, column: null, code, values: { ...past } });
  }
  if (problems.length > before) return null;
  return {
    row,
    values,
    channel: channel as OfflineChannel,
    submittedAt: submittedAt!,
    group: (group as RespondentGroup | undefined) ?? null,
    facilitator,
    notes,
    locale: locale as Locale,
  };
}

/** Every problem in the file, row by row, or every row ready to store: never some of each. */
export function checkSheet(sheet: Sheet, vocab: Vocabulary, now = new Date()): { rows: CheckedRow[]; problems: Problem[] } {
  const { columns, problems } = checkHeader(sheet, vocab);
  if (problems.length > 0) return { rows: [], problems };
  const filled = sheet.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (filled.length === 0) return { rows: [], problems: [{ row: null, column: null, code: 'intake:noRows' }] };
  const rows: CheckedRow[] = [];
  for (const { number, cells } of filled) {
    const cellsOf = new Map<string, string>();
    columns.forEach((column, i) => column && cellsOf.set(column, cells[i] ?? ''));
    const checked = checkRow(cellsOf, number, vocab, now, problems);
    if (checked) rows.push(checked);
  }
  return problems.length > 0 ? { rows: [], problems } : { rows, problems };
}
