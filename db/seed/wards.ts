import type { Db } from '../connection';
import { readCensusCsv } from './census';

// The demo runs under Stockport's 2004-2022 ward pattern, the one in force during the 2020
// engagement. An installation edits its own wards; these are reference data, not code.

export const AREA_COMMITTEES: Record<string, readonly string[]> = {
  'Bramhall and Cheadle Hulme South': ['Bramhall North', 'Bramhall South and Woodford', 'Cheadle Hulme South'],
  Cheadle: ['Cheadle and Gatley', 'Cheadle Hulme North', 'Heald Green'],
  'Heatons and Reddish': ['Heatons North', 'Heatons South', 'Reddish North', 'Reddish South'],
  Marple: ['Marple North', 'Marple South and High Lane'],
  'Stepping Hill': ['Hazel Grove', 'Offerton', 'Stepping Hill'],
  'Stockport Central': ['Brinnington and Central', 'Davenport and Cale Green', 'Edgeley and Cheadle Heath', 'Manor'],
  Werneth: ['Bredbury and Woodley', 'Bredbury Green and Romiley'],
};

function areaCommitteeOf(wardName: string): string {
  for (const [committee, wards] of Object.entries(AREA_COMMITTEES)) {
    if (wards.includes(wardName)) return committee;
  }
  throw new Error(`No area committee for ward ${wardName}`);
}

export interface WardSeed {
  code: string;
  name: string;
  area_committee: string;
  position: number;
}

export function loadWards(): WardSeed[] {
  return readCensusCsv('stockport_ward_codes.csv')
    .filter((row) => (row.ward_pattern ?? '').startsWith('2004-2022'))
    .map((row) => ({ code: row.ward_code ?? '', name: row.ward_name ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((ward, index) => ({ ...ward, area_committee: areaCommitteeOf(ward.name), position: index + 1 }));
}

/** Inserts the 21 wards unless wards already exist. Returns how many were inserted. */
export async function seedWards(db: Db): Promise<number> {
  const existing = await db
    .selectFrom('wards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  if (Number(existing?.n ?? 0) > 0) return 0;
  const wards = loadWards();
  await db.insertInto('wards').values(wards).execute();
  return wards.length;
}
