import type { Sheet } from '~/responses/import/check';
import { ethnicHighLevel } from '~/responses/demographics';
import { COUNTS_EVERYONE, isPercentageLabel, meaningOf, normaliseLabel, type CategoryDimension, type Meaning } from './census-labels';

// Reads one table in the layout of the ONS Census 2021 tables into population figures in our
// groups. Two layouts are understood, the two the census is published in:
// - wide (ONS bulk files, Nomis): one row per area, one column per category ("Age: Aged 4
//   years and under", "Disability: Total: All usual residents"), percentages beside them;
// - long (tidy tables): one row per area and category, the category in its own column (or in
//   `indicator`), the count in `value`, with `measure` saying Count or Percent.
// Rows of several areas are added up; when the areas are our wards, each ward's population is
// kept too. Anything it cannot place is refused with its row and column, never guessed.

export type ProblemCode =
  | 'noRows'
  | 'noFigures'
  | 'unknownCategory'
  | 'openAgeBand'
  | 'cannotSplit'
  | 'notCount'
  | 'notOurWard'
  | 'mixedAreas'
  | 'severalAuthorities'
  | 'duplicateColumn'
  | 'duplicateRow';

export interface FileProblem {
  /** The spreadsheet's row (the header is row 1), or null for the file as a whole. */
  row: number | null;
  column: string | null;
  code: ProblemCode;
  values?: Record<string, string | number>;
}

export interface MappedFile {
  /** Per dimension, each of our groups' count, added up over the file's areas. */
  figures: Partial<Record<CategoryDimension, Map<string, number>>>;
  /** Groups whose count includes a share of a census band split by year of age. */
  split: Partial<Record<CategoryDimension, Set<string>>>;
  /** Each ward's population, when the file's areas are wards (and it counts everybody). */
  wards: Map<string, number> | null;
  /** Whether the rows are wards (small-area figures summed) or the whole area. */
  areaKind: 'wards' | 'other';
  areas: number;
}

export type MapResult = { ok: true; file: MappedFile } | { ok: false; problems: FileProblem[] };

const AREA_CODE_COLUMNS = ['geography code', 'geography_code', 'ward_code', 'area_code', 'mnemonic'];
const IGNORED_COLUMNS = new Set([
  'date',
  'geography',
  'geography label',
  'geography area type',
  'geography_name',
  'parent area code',
  'parent area type',
  'classification',
  'ward_name',
  'area_name',
  'period',
  'measure',
  'unit',
  'value',
  'indicator',
  ...AREA_CODE_COLUMNS,
]);
const WARD_CODE = /^[EW]05\d{6}$/;
const AUTHORITY_CODE = /^(E0[6-9]|W06)\d{6}$/;

/** One census count found in the file, before it is placed in our groups. */
interface Entry {
  row: number;
  column: string;
  area: string | null;
  label: string;
  meaning: Meaning;
  count: number;
}

const lower = (text: string) => text.trim().toLowerCase();

function parseCount(text: string | undefined): number | null {
  const value = (text ?? '').trim();
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(value)) return null;
  return Number(value.replaceAll(',', ''));
}

function readEntries(sheet: Sheet, problems: FileProblem[]): Entry[] {
  const header = sheet.header.map((h) => h.trim());
  const names = header.map(lower);
  const areaColumn = names.findIndex((n) => AREA_CODE_COLUMNS.includes(n));
  const areaOf = (cells: string[]) => (areaColumn >= 0 ? (cells[areaColumn] ?? '').trim() || null : null);
  const valueColumn = names.indexOf('value');
  const problem = (row: number | null, column: string | null, code: ProblemCode, values?: FileProblem['values']) =>
    problems.push({ row, column, code, values });
  const meaningAt = (label: string, row: number, column: string): Meaning | null => {
    const meaning = meaningOf(label);
    if (!meaning) problem(row, column, 'unknownCategory', { label });
    else if (meaning.kind === 'open-age') problem(row, column, 'openAgeBand', { label });
    return meaning && meaning.kind !== 'open-age' ? meaning : null;
  };
  const entries: Entry[] = [];

  if (valueColumn >= 0) {
    // Long: the category is in the one column that is not about the area or the measure, else in `indicator`.
    const labelColumn = names.findIndex((n) => !IGNORED_COLUMNS.has(n) && n !== '');
    const categoryColumn = labelColumn >= 0 ? labelColumn : names.indexOf('indicator');
    if (categoryColumn < 0) return entries;
    const measureColumn = names.indexOf('measure');
    const seen = new Map<string, number>();
    for (const { number, cells } of sheet.rows) {
      if (cells.every((c) => c.trim() === '')) continue;
      const measure = measureColumn >= 0 ? lower(cells[measureColumn] ?? '') : 'count';
      if (measure !== 'count' && measure !== '') continue;
      const label = (cells[categoryColumn] ?? '').trim();
      const column = header[categoryColumn] ?? '';
      const meaning = meaningAt(label, number, column);
      const count = parseCount(cells[valueColumn]);
      if (count === null) problem(number, header[valueColumn] ?? 'value', 'notCount', { value: (cells[valueColumn] ?? '').trim() });
      const key = `${areaOf(cells) ?? ''}\u0000${normaliseLabel(label)}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) problem(number, null, 'duplicateRow', { earlier });
      seen.set(key, number);
      if (meaning && meaning.kind !== 'total' && count !== null) entries.push({ row: number, column, area: areaOf(cells), label, meaning, count });
    }
    return entries;
  }

  // Wide: every column is a category, a percentage, or about the area.
  const categories: { index: number; meaning: Meaning }[] = [];
  const seenLabels = new Map<string, string>();
  header.forEach((label, index) => {
    const name = names[index] ?? '';
    if (name === '' || IGNORED_COLUMNS.has(name) || isPercentageLabel(label)) return;
    const normal = normaliseLabel(label);
    if (seenLabels.has(normal)) problem(1, label, 'duplicateColumn', { label });
    seenLabels.set(normal, label);
    const meaning = meaningAt(label, 1, label);
    if (meaning && meaning.kind !== 'total') categories.push({ index, meaning });
  });
  for (const { number, cells } of sheet.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    for (const { index, meaning } of categories) {
      const column = header[index] ?? '';
      const count = parseCount(cells[index]);
      if (count === null) problem(number, column, 'notCount', { value: (cells[index] ?? '').trim() });
      else entries.push({ row: number, column, area: areaOf(cells), label: column, meaning, count });
    }
  }
  return entries;
}

/** Shares a count out by the parts' shares in whole people, the largest remainders rounded up, so the parts add up to the count. */
export function shareOut(count: number, shares: readonly number[]): number[] {
  const exact = shares.map((s) => count * s);
  const whole = exact.map(Math.floor);
  let left = count - whole.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    whole[i] = (whole[i] ?? 0) + 1;
    left -= 1;
  }
  return whole;
}

/** Aggregates ("Disabled under the Equality Act") stand in for their groups only when the file does not list them. */
function resolveAggregates(entries: Entry[], problems: FileProblem[]): Entry[] {
  const listed = new Set(entries.flatMap(({ meaning: m }) => (m.kind === 'detail' ? m.parts.map((p) => `${m.dimension}:${p.value}`) : [])));
  const refused = new Set<string>();
  return entries.flatMap((entry): Entry[] => {
    const { meaning } = entry;
    if (meaning.kind !== 'aggregate') return [entry];
    if (meaning.covers.values.some((v) => listed.has(`${meaning.covers.dimension}:${v}`))) return [];
    if (meaning.use) return [{ ...entry, meaning: { kind: 'detail', dimension: meaning.use.dimension, parts: [{ value: meaning.use.value, share: 1 }] } }];
    if (!refused.has(entry.label)) {
      refused.add(entry.label);
      problems.push({ row: entry.row, column: entry.column, code: 'cannotSplit', values: { label: entry.label } });
    }
    return [];
  });
}

function checkAreas(entries: Entry[], wardCodes: ReadonlySet<string>, codeColumn: string, problems: FileProblem[]): 'wards' | 'other' {
  const areas = new Map<string, number>();
  for (const e of entries) if (e.area !== null && !areas.has(e.area)) areas.set(e.area, e.row);
  const codes = [...areas.keys()];
  const authorities = codes.filter((c) => AUTHORITY_CODE.test(c));
  if (authorities.length > 1)
    problems.push({ row: null, column: null, code: 'severalAuthorities', values: { count: authorities.length, codes: authorities.slice(0, 5).join(', ') } });
  if (!codes.some((c) => WARD_CODE.test(c))) return 'other';
  for (const [code, row] of areas) {
    if (!WARD_CODE.test(code)) problems.push({ row, column: codeColumn, code: 'mixedAreas', values: { code } });
    else if (!wardCodes.has(code)) problems.push({ row, column: codeColumn, code: 'notOurWard', values: { code } });
  }
  return 'wards';
}

/** Reads one census table. `wardCodes` are this installation's wards, whose populations are kept. */
export function mapCensusSheet(sheet: Sheet, wardCodes: ReadonlySet<string>): MapResult {
  const problems: FileProblem[] = [];
  if (sheet.rows.every((r) => r.cells.every((c) => c.trim() === ''))) return { ok: false, problems: [{ row: null, column: null, code: 'noRows' }] };
  const entries = resolveAggregates(readEntries(sheet, problems), problems);
  const codeColumn = sheet.header.find((h) => AREA_CODE_COLUMNS.includes(lower(h)))?.trim() ?? '';
  const areaKind = checkAreas(entries, wardCodes, codeColumn, problems);
  if (problems.length === 0 && entries.length === 0) problems.push({ row: null, column: null, code: 'noFigures' });
  if (problems.length > 0) return { ok: false, problems };

  const figures: MappedFile['figures'] = {};
  const split: MappedFile['split'] = {};
  for (const { meaning, count } of entries) {
    if (meaning.kind !== 'detail') continue;
    const map = (figures[meaning.dimension] ??= new Map());
    const counts = shareOut(
      count,
      meaning.parts.map((p) => p.share),
    );
    meaning.parts.forEach((part, i) => map.set(part.value, (map.get(part.value) ?? 0) + (counts[i] ?? 0)));
    if (meaning.parts.length > 1) for (const part of meaning.parts) (split[meaning.dimension] ??= new Set()).add(part.value);
  }
  // The high-level ethnic groups are the sums of the detailed ones when those are given.
  if (figures.ethnicity && !figures.ethnicGroup) figures.ethnicGroup = ethnicGroupsOf(figures.ethnicity);

  return {
    ok: true,
    file: { figures, split, wards: areaKind === 'wards' ? wardPopulations(entries) : null, areaKind, areas: new Set(entries.map((e) => e.area)).size },
  };
}

function ethnicGroupsOf(ethnicity: Map<string, number>): Map<string, number> {
  const groups = new Map<string, number>();
  for (const [code, count] of ethnicity) {
    const group = ethnicHighLevel(code) ?? code;
    groups.set(group, (groups.get(group) ?? 0) + count);
  }
  return groups;
}

/** Each ward's population: the sum of the first dimension in the file that counts everybody. */
function wardPopulations(entries: Entry[]): Map<string, number> | null {
  const dimensions = entries.flatMap((e) => (e.meaning.kind === 'detail' ? [e.meaning.dimension] : []));
  const everyone = dimensions.find((d) => COUNTS_EVERYONE[d]);
  if (!everyone) return null;
  const wards = new Map<string, number>();
  for (const e of entries) {
    if (e.meaning.kind === 'detail' && e.meaning.dimension === everyone && e.area) wards.set(e.area, (wards.get(e.area) ?? 0) + e.count);
  }
  return wards;
}
