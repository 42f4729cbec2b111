import type { Db } from '#db/connection';

import type { WardOption } from './ward';

/** The council's wards, grouped by area committee, in the order they are listed. */
export async function listWards(db: Db): Promise<WardOption[]> {
  const rows = await db.selectFrom('wards').select(['code', 'name', 'area_committee']).orderBy('area_committee').orderBy('position').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, areaCommittee: r.area_committee }));
}
