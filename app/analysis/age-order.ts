/** Where an age band starts and ends: 'under_11' is 0–10, '11_12' 11–12, '85_plus' 85 on; any other code sorts last. */
function ageRange(band: string): [number, number] {
  const under = /^under_(\d+)$/.exec(band);
  if (under) return [0, Number(under[1]) - 1];
  const plus = /^(\d+)_plus$/.exec(band);
  if (plus) return [Number(plus[1]), Number.MAX_SAFE_INTEGER];
  const range = /^(\d+)_(\d+)$/.exec(band);
  if (range) return [Number(range[1]), Number(range[2])];
  return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
}

/**
 * Age bands youngest first, by the age each starts at (then ends at). A consultation's bands come
 * in the order its responses first used them, so the young people's (under 11, 11–12, 13–15) came
 * after the adults' and out of order among themselves.
 */
export function inAgeOrder(bands: readonly string[]): string[] {
  return [...bands].sort((a, b) => {
    const [startA, endA] = ageRange(a);
    const [startB, endB] = ageRange(b);
    return startA - startB || endA - endB;
  });
}

/**
 * A breakdown's groups in the order people read them: by age band, youngest first, "not stated"
 * (null) first as in every breakdown; any other dimension as it comes (its vocabulary's order).
 * The closed questions, coded themes and who we heard from all order their groups by this, so
 * their columns line up (safe-figures.ts shares what one hides with the other by position).
 */
export function inGroupOrder<T extends { value: string | null }>(dimension: string, groups: T[]): T[] {
  if (dimension !== 'ageBand') return groups;
  const order = new Map(inAgeOrder(groups.flatMap((g) => (g.value === null ? [] : [g.value]))).map((band, i) => [band, i]));
  const place = (g: T) => (g.value === null ? -1 : (order.get(g.value) ?? 0));
  return [...groups].sort((a, b) => place(a) - place(b));
}
