import { describe, expect, it } from 'vitest';
import { readSheet } from '~/responses/import/read-file.server';
import { mapCensusSheet, shareOut, type MappedFile, type MapResult } from './census-csv';
import { combineFiles } from './combine';

// Rows copied from the real Census 2021 tables for Stockport in db/reference/census (Office for
// National Statistics, Open Government Licence v3.0), and the figures worked out by hand.

const WARDS = new Set(['E05000779', 'E05000780']);
const read = async (csv: string): Promise<MapResult> => mapCensusSheet(await readSheet(new TextEncoder().encode(csv)), WARDS);
async function mapped(csv: string): Promise<MappedFile> {
  const result = await read(csv);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.file;
}
const asObject = (m: Map<string, number> | undefined) => Object.fromEntries(m ?? []);

const LA = 'E08000007,Stockport,Local authority,2021-03-21';
const LA_AGE = `area_code,area_name,geography,period,indicator,measure,unit,value
${[
  ['Aged 4 years and under', 16575],
  ['Aged 5 to 9 years', 18057],
  ['Aged 10 to 14 years', 17927],
  ['Aged 15 to 19 years', 14763],
  ['Aged 20 to 24 years', 13367],
  ['Aged 25 to 29 years', 16943],
  ['Aged 30 to 34 years', 20058],
  ['Aged 35 to 39 years', 20399],
  ['Aged 40 to 44 years', 19504],
  ['Aged 45 to 49 years', 19188],
  ['Aged 50 to 54 years', 20562],
  ['Aged 55 to 59 years', 20457],
  ['Aged 60 to 64 years', 17701],
  ['Aged 65 to 69 years', 15298],
  ['Aged 70 to 74 years', 15653],
  ['Aged 75 to 79 years', 11483],
  ['Aged 80 to 84 years', 8579],
  ['Aged 85 years and over', 8262],
]
  .map(([label, n]) => `${LA},${label},Count,Persons,${n}`)
  .join('\n')}
`;

const WARD_AGE = `ward_code,ward_name,Age: Total,Age: Aged 4 years and under,Age: Aged 5 to 9 years,Age: Aged 10 to 14 years,Age: Aged 15 to 19 years,Age: Aged 20 to 24 years,Age: Aged 25 to 29 years,Age: Aged 30 to 34 years,Age: Aged 35 to 39 years,Age: Aged 40 to 44 years,Age: Aged 45 to 49 years,Age: Aged 50 to 54 years,Age: Aged 55 to 59 years,Age: Aged 60 to 64 years,Age: Aged 65 to 69 years,Age: Aged 70 to 74 years,Age: Aged 75 to 79 years,Age: Aged 80 to 84 years,Age: Aged 85 years and over
E05000779,Bramhall North,14051,672,798,885,736,553,508,592,778,872,1012,1010,1035,977,911,894,741,545,532
E05000780,Bramhall South and Woodford,13311,716,846,811,623,465,439,648,762,897,937,911,935,843,765,845,724,565,579
`;

describe('reading a census table in the long layout', () => {
  it('regroups the five-year age bands into ours, sharing 15 to 19 out by year of age', async () => {
    const file = await mapped(LA_AGE);
    // 15 to 19 (14,763): a fifth is 15 (2,952.6), two fifths 16-17 and 18-19 (5,905.2 each);
    // in whole people 2,953 + 5,905 + 5,905, the one left over going to the largest remainder.
    expect(asObject(file.figures.ageBand)).toEqual({
      under_16: 16575 + 18057 + 17927 + 2953,
      '16_17': 5905,
      '18_24': 5905 + 13367,
      '25_34': 16943 + 20058,
      '35_44': 20399 + 19504,
      '45_54': 19188 + 20562,
      '55_64': 20457 + 17701,
      '65_74': 15298 + 15653,
      '75_84': 11483 + 8579,
      '85_plus': 8262,
    });
    expect([...(file.split.ageBand ?? [])].sort()).toEqual(['16_17', '18_24', 'under_16']);
    expect(file.areaKind).toBe('other');
    expect(file.wards).toBeNull();
  });

  it('takes sex from the indicator column and leaves out the "All persons" total', async () => {
    const file = await mapped(`area_code,area_name,geography,period,indicator,measure,unit,value
${LA},All persons,Count,Persons,294773
${LA},Female,Count,Persons,151373
${LA},Male,Count,Persons,143400
`);
    expect(asObject(file.figures.sex)).toEqual({ female: 151373, male: 143400 });
  });

  it('reads ethnic group from its own column and adds up the high-level groups', async () => {
    const indicator = 'The ethnic group that the person completing the census feels they belong to';
    const file = await mapped(`area_code,area_name,geography,period,indicator,ethnic_group,measure,unit,value
${LA},${indicator},"Asian, Asian British or Asian Welsh: Pakistani",Count,Persons,10953
${LA},${indicator},"Asian, Asian British or Asian Welsh: Indian",Count,Persons,4433
${LA},${indicator},"White: English, Welsh, Scottish, Northern Irish or British",Count,Persons,245831
${LA},${indicator},White: Roma,Count,Persons,132
${LA},${indicator},Other ethnic group: Arab,Count,Persons,1509
`);
    expect(asObject(file.figures.ethnicity)).toEqual({ asian_pakistani: 10953, asian_indian: 4433, white_british: 245831, white_roma: 132, other_arab: 1509 });
    expect(asObject(file.figures.ethnicGroup)).toEqual({ asian: 15386, white: 245963, other: 1509 });
  });

  it('counts both kinds of "not disabled" as our "No", and skips percentage rows', async () => {
    const indicator = 'Estimates that classify usual residents by long-term health problems or disabilities.';
    const file = await mapped(`area_code,area_name,geography,period,indicator,disability_category,measure,unit,value
${LA},${indicator},Disabled under the Equality Act: Day-to-day activities limited a lot,Count,Persons,22708
${LA},${indicator},Disabled under the Equality Act: Day-to-day activities limited a lot,Percent,Persons,7.7
${LA},${indicator},Disabled under the Equality Act: Day-to-day activities limited a little,Count,Persons,30785
${LA},${indicator},Not disabled under the Equality Act: Has long term physical or mental health condition but day-to-day activities are not limited,Count,Persons,22811
${LA},${indicator},Not disabled under the Equality Act: No long term physical or mental health conditions,Count,Persons,218469
`);
    expect(asObject(file.figures.disability)).toEqual({ limited_a_lot: 22708, limited_a_little: 30785, not_limited: 22811 + 218469 });
  });
});

describe('reading a census table in the wide layout', () => {
  it('adds up the wards and keeps each ward’s population', async () => {
    const file = await mapped(WARD_AGE);
    expect(file.areaKind).toBe('wards');
    expect(asObject(file.wards ?? undefined)).toEqual({ E05000779: 14051, E05000780: 13311 });
    // 85 and over: 532 + 579. 15 to 19 is split in each ward: 736 → 147.2 / 294.4 / 294.4, whole
    // 147 + 294 + 294 = 735, the one left to the first of the two largest remainders (16 to 17);
    // 623 → 124.6 / 249.2 / 249.2, whole 124 + 249 + 249 = 622, the one left to under 16.
    expect(file.figures.ageBand?.get('85_plus')).toBe(1111);
    expect(file.figures.ageBand?.get('16_17')).toBe(295 + 249);
    expect(file.figures.ageBand?.get('18_24')).toBe(294 + 553 + 249 + 465);
    expect(file.figures.ageBand?.get('under_16')).toBe(672 + 798 + 885 + 147 + 716 + 846 + 811 + 125);
  });

  it('skips the subtotals when the groups under them are there (disability, unpaid care)', async () => {
    const disability =
      await mapped(`ward_code,ward_name,Disability: Total: All usual residents,Disability: Disabled under the Equality Act,Disability: Disabled under the Equality Act: Day-to-day activities limited a lot,Disability: Disabled under the Equality Act: Day-to-day activities limited a little,Disability: Not disabled under the Equality Act,Disability: Not disabled under the Equality Act: Has long term physical or mental health condition but day-to-day activities are not limited,Disability: Not disabled under the Equality Act: No long term physical or mental health conditions
E05000779,Bramhall North,14053,2141,822,1319,11912,1186,10726
`);
    expect(asObject(disability.figures.disability)).toEqual({ limited_a_lot: 822, limited_a_little: 1319, not_limited: 11912 });
    expect(asObject(disability.wards ?? undefined)).toEqual({ E05000779: 14053 });

    const care =
      await mapped(`ward_code,ward_name,Provision of unpaid care: Total: All usual residents aged 5 and over,Provision of unpaid care: Provides no unpaid care,Provision of unpaid care: Provides 19 hours or less unpaid care a week,Provision of unpaid care: Provides 9 hours or less unpaid care a week,Provision of unpaid care: Provides 10 to 19 hours unpaid care a week,Provision of unpaid care: Provides 20 to 49 hours unpaid care a week,Provision of unpaid care: Provides 20 to 34 hours unpaid care a week,Provision of unpaid care: Provides 35 to 49 hours unpaid care a week,Provision of unpaid care: Provides 50 or more hours unpaid care a week
E05000779,Bramhall North,13381,12141,714,523,191,215,109,106,311
`);
    expect(asObject(care.figures.carer)).toEqual({ none: 12141, '9_or_less': 523, '10_to_19': 191, '20_to_34': 109, '35_to_49': 106, '50_or_more': 311 });
    // Unpaid care counts people aged 5 and over, so it does not give a ward's whole population.
    expect(care.wards).toBeNull();
  });

  it('reads an ONS bulk file of small areas as one area, with no ward figures', async () => {
    const file = await mapped(`date,geography,geography code,Age: Total,Age: Aged 4 years and under,Age: Aged 5 to 9 years,Age: Aged 85 years and over
2021,Stockport 009A,E01005743,1275,71,67,31
2021,Stockport 009B,E01005744,1555,112,93,82
`);
    expect(asObject(file.figures.ageBand)).toEqual({ under_16: 71 + 67 + 112 + 93, '85_plus': 31 + 82 });
    expect(file.split.ageBand).toBeUndefined();
    expect(file.wards).toBeNull();
  });
});

describe('refusing what it cannot map, with the row and column', () => {
  it('a category we do not compare with, an open age band and a count that is not a whole number', async () => {
    const result = await read(`ward_code,ward_name,General health: Very good health,Age: Aged 65 years and over,Age: Aged 5 to 9 years
E05000779,Bramhall North,7493,3000,798
E05000780,Bramhall South and Woodford,7547,2900,84x
`);
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 1, column: 'General health: Very good health', code: 'unknownCategory', values: { label: 'General health: Very good health' } },
        { row: 1, column: 'Age: Aged 65 years and over', code: 'openAgeBand', values: { label: 'Age: Aged 65 years and over' } },
        { row: 3, column: 'Age: Aged 5 to 9 years', code: 'notCount', values: { value: '84x' } },
      ],
    });
  });

  it('disabled people as one number, which cannot be split into "a lot" and "a little"', async () => {
    const result =
      await read(`Geography code,Geography label,Geography area type,Parent area code,Parent area type,Classification,Disabled under the Equality Act,Not disabled under the Equality Act,Total,Percentage: Disabled under the Equality Act,Percentage: Not disabled under the Equality Act
E00029084,E00029084,Output Area,E01005745,Stockport 005A,disability_3a,39,209,248,15.7,84.3
`);
    expect(result.ok ? [] : result.problems).toEqual([
      { row: 2, column: 'Disabled under the Equality Act', code: 'cannotSplit', values: { label: 'Disabled under the Equality Act' } },
    ]);
  });

  it('a ward of another pattern, an unknown label in a long table, and a row given twice', async () => {
    const wards = await read(`ward_code,ward_name,Female,Male,Total
E05000779,Bramhall North,7266,6774,14040
E05015014,Bramhall North,7100,6600,13700
`);
    expect(wards.ok ? [] : wards.problems).toEqual([{ row: 3, column: 'ward_code', code: 'notOurWard', values: { code: 'E05015014' } }]);

    const long = await read(`area_code,area_name,geography,period,indicator,measure,unit,value
${LA},Female,Count,Persons,151373
${LA},Persons who are women,Count,Persons,151373
${LA},Female,Count,Persons,151373
`);
    expect(long.ok ? [] : long.problems).toEqual([
      { row: 3, column: 'indicator', code: 'unknownCategory', values: { label: 'Persons who are women' } },
      { row: 4, column: null, code: 'duplicateRow', values: { earlier: 2 } },
    ]);
  });

  it('a table of several local authorities, and an empty file', async () => {
    const several = await read(`area_code,area_name,geography,period,indicator,measure,unit,value
E08000007,Stockport,Local authority,2021-03-21,Female,Count,Persons,151373
E08000009,Trafford,Local authority,2021-03-21,Female,Count,Persons,121000
`);
    expect(several.ok ? [] : several.problems).toEqual([
      { row: null, column: null, code: 'severalAuthorities', values: { count: 2, codes: 'E08000007, E08000009' } },
    ]);
    expect(await read('ward_code,ward_name,Female,Male\n')).toEqual({ ok: false, problems: [{ row: null, column: null, code: 'noRows' }] });
  });
});

describe('sharing a count out in whole people', () => {
  it('gives the leftover people to the largest remainders, so the parts add up', () => {
    expect(shareOut(14763, [0.2, 0.4, 0.4])).toEqual([2953, 5905, 5905]);
    expect(shareOut(10, [1 / 3, 1 / 3, 1 / 3])).toEqual([4, 3, 3]);
    expect(shareOut(7, [1])).toEqual([7]);
  });
});

describe('several tables uploaded together', () => {
  it('takes a dimension from the whole-area table over the sum of wards, and ward populations from the wards', async () => {
    const result = combineFiles(
      [
        { name: 'wards.csv', file: await mapped(WARD_AGE) },
        { name: 'borough.csv', file: await mapped(LA_AGE) },
      ],
      { wardsApproximate: true },
    );
    if (!result.ok) throw new Error('refused');
    expect(result.sources).toEqual({ ageBand: 'borough.csv', ward: 'wards.csv' });
    expect(
      result.figures
        .filter((f) => f.dimension === 'ageBand')
        .map((f) => [f.value, f.count, f.approximation])
        .slice(0, 4),
    ).toEqual([
      ['under_16', 55512, 'split-band'],
      ['16_17', 5905, 'split-band'],
      ['18_24', 19272, 'split-band'],
      ['25_34', 37001, null],
    ]);
    expect(result.figures.filter((f) => f.dimension === 'ward')).toEqual([
      { dimension: 'ward', value: 'E05000779', count: 14051, approximation: 'small-area' },
      { dimension: 'ward', value: 'E05000780', count: 13311, approximation: 'small-area' },
    ]);
  });

  it('refuses the same dimension from two tables of the same level', async () => {
    const result = combineFiles(
      [
        { name: 'a.csv', file: await mapped(LA_AGE) },
        { name: 'b.csv', file: await mapped(LA_AGE) },
      ],
      { wardsApproximate: false },
    );
    expect(result).toEqual({ ok: false, problems: [{ code: 'sameDimensionTwice', values: { dimension: 'ageBand', first: 'a.csv', second: 'b.csv' } }] });
  });
});
