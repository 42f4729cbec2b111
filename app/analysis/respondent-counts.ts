import type { Dimension } from './dimensions';
import type { ConsultationIndex } from './index/consultation-index';
import { summarise } from './summarise';
import { inGroupOrder } from './age-order';

// How many counted respondents each group of each dimension has, read off the consultation's
// in-memory index (for population's comparison with the census). Everyone: the index's running totals, through summarise (microseconds).
// One respondent group: one pass over the index's one-byte columns counting every dimension at
// once, rather than a filtered summary per dimension, which would also tally every question.

export interface GroupCount {
  /** The stored code; null is "not stated". */
  value: string | null;
  responses: number;
}

export function countRespondents<D extends Dimension>(index: ConsultationIndex, group: string | null, dimensions: readonly D[]): Map<D, GroupCount[]> {
  const result = new Map<D, GroupCount[]>();
  if (group === null) {
    for (const d of dimensions) {
      result.set(
        d,
        (summarise(index, { breakdown: d }).breakdown?.groups ?? []).map((g) => ({ value: g.value, responses: g.counts.responses })),
      );
    }
    return result;
  }
  const code = index.coder.dictionaries.respondentGroup.find(group);
  const groupColumn = index.dimensions.respondentGroup;
  const columns = dimensions.map((d) => index.dimensions[d]);
  const counts = dimensions.map(() => new Int32Array(256));
  if (code >= 0) {
    for (let r = 0; r < index.size; r++) {
      if (index.counted[r] !== 1 || groupColumn[r] !== code) continue;
      for (let k = 0; k < columns.length; k++) counts[k]![columns[k]![r]!]!++;
    }
  }
  dimensions.forEach((d, k) => {
    const dictionary = index.coder.dictionaries[d];
    const list: GroupCount[] = [];
    for (let c = 0; c < dictionary.size; c++) {
      const n = counts[k]![c]!;
      if (n > 0) list.push({ value: dictionary.value(c), responses: n });
    }
    result.set(d, inGroupOrder(d, list));
  });
  return result;
}
