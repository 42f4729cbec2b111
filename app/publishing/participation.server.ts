import type { Db } from '#db/connection';
import { protectTable, type Cell as DisclosureCell } from '~/analysis/disclosure';
import { analysisIndex } from '~/analysis/indexes.server';
import { summarise } from '~/analysis/summarise';
import { groupLabeller } from '~/analysis/labels.server';
import { HIDDEN, type Count } from '~/analysis/results-model';
import type { Locale } from '~/platform/i18n/config';

// "Who took part": the counted responses in total and by channel (online, workshops, paper...),
// read off the consultation's index and passed through the disclosure control like every other
// figure. Channels are one column of a table whose total is everyone, so a small channel is
// hidden ("fewer than 10") and, if needed, another with it, so it cannot be worked out by
// subtracting the others from the total.

export interface Participation {
  total: Count;
  /** Largest first; hidden ones last, since their size is not to be told. */
  channels: { key: string; label: string; responses: Count }[];
}

const countOf = (cell: DisclosureCell | undefined): Count => (!cell || cell.kind !== 'shown' ? HIDDEN : { suppressed: false, value: cell.value });

export async function loadParticipation(db: Db, consultationId: number, locale: Locale, threshold: number): Promise<Participation> {
  const index = await analysisIndex(db, consultationId);
  const summary = summarise(index, { breakdown: 'channel' });
  const groups = summary.breakdown?.groups ?? [];
  if (groups.length === 0) return { total: countOf(protectTable({ cells: [[summary.total.responses]] }, threshold).grandTotal), channels: [] };
  const table = protectTable({ cells: groups.map((g) => [g.counts.responses]), columnTotals: [summary.total.responses] }, threshold);
  const label = await groupLabeller(db, locale);
  const channels = groups.map((g, i) => ({ key: g.value ?? 'not_stated', label: label('channel', g.value), responses: countOf(table.cells[i]?.[0]) }));
  const size = (c: Count) => (c.suppressed ? -1 : c.value);
  return { total: countOf(table.columnTotals[0]), channels: channels.sort((a, b) => size(b.responses) - size(a.responses)) };
}
