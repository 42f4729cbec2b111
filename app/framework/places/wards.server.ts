import type { Db } from '#db/connection';
import type { WardOption } from './ward';

// Wards change with a boundary review, once in years; every submission checks its ward against
// them, so the list is kept for a minute rather than read each time.
const TTL_MS = 60_000;
const cache = new WeakMap<Db, { wards: WardOption[]; until: number }>();

/** The council's wards, grouped by area committee, in the order they are listed. */
export async function listWards(db: Db, now = Date.now()): Promise<WardOption[]> {
  const kept = cache.get(db);
  if (kept && kept.until > now) return kept.wards;
  const rows = await db.selectFrom('wards').select(['code', 'name', 'area_committee']).orderBy('area_committee').orderBy('position').execute();
  const wards = rows.map((r) => ({ code: r.code, name: r.name, areaCommittee: r.area_committee }));
  cache.set(db, { wards, until: now + TTL_MS });
  return wards;
}
