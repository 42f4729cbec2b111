import { percentageOf, protectTable, type Cell, type Percentage } from '~/analysis/disclosure';

// The figures of the across-consultations view, protected. A codebook theme's count is read with
// its complement (coded answers not mentioning it) as a yes/no table over the coded answers, so a
// small group on either side is hidden and cannot be worked out from the base. Themes are not
// added up against each other: one answer can mention several, so no total ties them together.

export interface ThemeCount {
  id: number;
  name: string;
  priorityId: number;
  /** Coded answers (of counted responses) that at least one coder gave this theme. */
  mentions: number;
}

export interface ConsultationCounts<T extends ThemeCount = ThemeCount> {
  id: number;
  title: string;
  status: string;
  opensAt: string | null;
  closesAt: string | null;
  /** Counted responses. */
  responses: number;
  /** Answers of counted responses that someone has coded (with or without a theme). */
  codedAnswers: number;
  themes: T[];
}

export interface ProtectedTheme {
  id: number;
  name: string;
  priorityId: number;
  mentions: Cell;
  share: Percentage;
}

export type ProtectedConsultation = Omit<ConsultationCounts, 'responses' | 'codedAnswers' | 'themes'> & {
  responses: Cell;
  codedAnswers: Cell;
  themes: ProtectedTheme[];
};

/** A count on its own: shown, or hidden when it describes fewer than the threshold. */
export function protectCount(count: number, threshold: number): Cell {
  return protectTable({ cells: [[count]] }, threshold).grandTotal;
}

export function protectTheme(theme: ThemeCount, codedAnswers: number, threshold: number): ProtectedTheme {
  const table = protectTable({ cells: [[theme.mentions], [codedAnswers - theme.mentions]], columnTotals: [codedAnswers] }, threshold);
  const mentions = table.cells[0]?.[0] ?? { kind: 'suppressed' };
  const base = table.columnTotals[0] ?? { kind: 'suppressed' };
  return { id: theme.id, name: theme.name, priorityId: theme.priorityId, mentions, share: percentageOf(mentions, base) };
}

export function protectConsultation(counts: ConsultationCounts, threshold: number): ProtectedConsultation {
  return {
    id: counts.id,
    title: counts.title,
    status: counts.status,
    opensAt: counts.opensAt,
    closesAt: counts.closesAt,
    responses: protectCount(counts.responses, threshold),
    codedAnswers: protectCount(counts.codedAnswers, threshold),
    themes: counts.themes.map((theme) => protectTheme(theme, counts.codedAnswers, threshold)),
  };
}
