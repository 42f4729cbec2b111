import type { Channel, QuoteCredit, RespondentGroup } from '../../app/responses/codes';
import { PREFER_NOT } from '../../app/responses/demographics';
import { isBelowCreditAge, type YouthAgeBand } from '../../app/responses/youth/ages';
import type { Flag } from '../schema';
import { loadBoroughEthnicity, loadWardPopulations, type AgeBand, type WardPopulation } from './census';
import { chance, Weighted, type Random } from './random';

// Who the demo respondents are. Wards, ages, sex, disability and unpaid care are drawn from the
// real Census 2021 population of Stockport's wards; ethnicity from the borough. On top of the
// census sit the skews a real engagement has: fewer young adults and very old people answer
// online surveys, and VCFSE and business voices mostly come through forums and workshops.

export interface Respondent {
  young: boolean;
  channel: Channel;
  respondent_group: RespondentGroup;
  locale: 'en' | 'pl' | 'ur';
  age_band: string | null;
  sex: string | null;
  gender_identity: string | null;
  ethnicity: string | null;
  disability: string | null;
  carer: string | null;
  religion: string | null;
  sexual_orientation: string | null;
  ward_code: string | null;
  lives_in_area: Flag;
  works_in_area: Flag;
  studies_in_area: Flag;
  runs_business: Flag;
  represents_group: Flag;
}

type AdultGroup = Exclude<RespondentGroup, 'young_person'>;

const ABOUT_YOU = ['age_band', 'sex', 'gender_identity', 'ethnicity', 'disability', 'carer', 'religion', 'sexual_orientation', 'ward_code'] as const;

const ADULT_GROUPS = new Weighted<AdultGroup>([
  ['resident', 70],
  ['older_person', 11],
  ['parent_carer', 9],
  ['vcfse', 6],
  ['business', 4],
]);

const CHANNELS: Record<RespondentGroup, Weighted<Channel>> = {
  resident: new Weighted<Channel>([
    ['online', 70],
    ['paper', 10],
    ['conversation', 8],
    ['workshop', 6],
    ['video_booth', 6],
  ]),
  older_person: new Weighted<Channel>([
    ['online', 35],
    ['paper', 30],
    ['conversation', 20],
    ['workshop', 10],
    ['video_booth', 5],
  ]),
  parent_carer: new Weighted<Channel>([
    ['online', 65],
    ['workshop', 15],
    ['conversation', 10],
    ['video_booth', 5],
    ['paper', 5],
  ]),
  vcfse: new Weighted<Channel>([
    ['partnership_forum', 45],
    ['workshop', 30],
    ['online', 20],
    ['conversation', 5],
  ]),
  business: new Weighted<Channel>([
    ['partnership_forum', 40],
    ['online', 35],
    ['workshop', 20],
    ['conversation', 5],
  ]),
  young_person: new Weighted<Channel>([
    ['young_people', 75],
    ['workshop', 17],
    ['video_booth', 8],
  ]),
};

/** How likely each age band is to take part, relative to its share of the census population. */
const AGE_PROPENSITY: Record<AdultGroup | 'young_person', Partial<Record<AgeBand, number>>> = {
  resident: { '18_24': 0.5, '25_34': 0.8, '35_44': 1, '45_54': 1.1, '55_64': 1.2, '65_74': 1.1, '75_84': 0.6, '85_plus': 0.25 },
  vcfse: { '25_34': 0.6, '35_44': 1, '45_54': 1.2, '55_64': 1.3, '65_74': 1 },
  business: { '25_34': 0.7, '35_44': 1.1, '45_54': 1.2, '55_64': 1, '65_74': 0.4 },
  older_person: { '65_74': 1, '75_84': 0.7, '85_plus': 0.3 },
  parent_carer: { '25_34': 0.9, '35_44': 1.3, '45_54': 0.9, '55_64': 0.3 },
  // Young people's engagement reached roughly 8 to 18 year olds through schools and colleges.
  young_person: { under_16: 0.34, '16_17': 1.5, '18_24': 0.19 },
};

const LOCALES = {
  adult: new Weighted<Respondent['locale']>([
    ['en', 94.5],
    ['pl', 3],
    ['ur', 2.5],
  ]),
  young: new Weighted<Respondent['locale']>([
    ['en', 96],
    ['pl', 2.5],
    ['ur', 1.5],
  ]),
};

// Census 2021 religion in Stockport, approximately (not among the reference files).
const RELIGIONS = new Weighted<string>([
  ['christian', 47.5],
  ['none', 40.5],
  ['muslim', 4.6],
  ['hindu', 0.7],
  ['jewish', 0.4],
  ['buddhist', 0.4],
  ['sikh', 0.2],
  ['other', 0.5],
  [PREFER_NOT, 5.2],
]);

// Census 2021, England and Wales (aged 16 and over), with "not answered" as prefer not to say.
const SEXUAL_ORIENTATIONS = {
  adult: new Weighted<string>([
    ['straight', 89.4],
    ['gay_lesbian', 1.5],
    ['bisexual', 1.3],
    ['other', 0.3],
    [PREFER_NOT, 7.5],
  ]),
  young: new Weighted<string>([
    ['straight', 82],
    ['gay_lesbian', 2.5],
    ['bisexual', 5],
    ['other', 1],
    [PREFER_NOT, 9.5],
  ]),
};

const GENDER_IDENTITIES = new Weighted<string>([
  ['same', 96.5],
  ['different', 0.6],
  [PREFER_NOT, 2.9],
]);

const ETHNICITY_BY_LOCALE = {
  pl: new Weighted<string>([
    ['white_other', 90],
    ['white_british', 4],
    ['mixed_other', 2],
    [PREFER_NOT, 4],
  ]),
  ur: new Weighted<string>([
    ['asian_pakistani', 76],
    ['asian_indian', 6],
    ['asian_other', 6],
    ['asian_bangladeshi', 3],
    ['mixed_white_asian', 3],
    [PREFER_NOT, 6],
  ]),
};

const YOUNG_CARERS = new Weighted<string>([
  ['none', 95],
  ['9_or_less', 4],
  ['10_to_19', 1],
]);

const QUOTE_CREDIT_WEIGHTS = new Weighted<QuoteCredit>([
  ['name_age_area', 30],
  ['age_area', 30],
  ['area', 25],
  ['anonymous', 15],
]);
const YOUNG_QUOTE_CREDITS = new Weighted<QuoteCredit>([
  ['age_area', 50],
  ['area', 30],
  ['anonymous', 20],
]);

// Who fills in a young people's version. Schools, colleges and youth groups reached roughly 8
// to 18 year olds, most of them in secondary school. The form asks their age and, from 13,
// the first part of their postcode and whether their words may be quoted; nothing else.
const YOUTH_AGES = new Weighted<YouthAgeBand>([
  ['under_11', 15],
  ['11_12', 17],
  ['13_15', 33],
  ['16_17', 27],
  ['18_24', 8],
]);
// Mostly the form online; some school workshops filled in the same form on the day.
const YOUTH_CHANNELS = new Weighted<Channel>([
  ['young_people', 90],
  ['workshop', 10],
]);
// Stockport's postcode districts, weighted roughly by where the borough's young people live.
const POSTCODE_DISTRICTS = new Weighted<string>([
  ['SK4', 17],
  ['SK5', 13],
  ['SK1', 8],
  ['SK2', 11],
  ['SK3', 10],
  ['SK6', 15],
  ['SK7', 13],
  ['SK8', 13],
]);

export interface YoungPerson {
  under13: boolean;
  channel: Channel;
  locale: Respondent['locale'];
  age_band: YouthAgeBand;
  postcode_district: string | null;
}

/** A young person answering the young people's version. */
export function createYoungPerson(random: Random): YoungPerson {
  const ageBand = YOUTH_AGES.pick(random);
  const under13 = isBelowCreditAge(ageBand);
  return {
    under13,
    channel: YOUTH_CHANNELS.pick(random),
    locale: LOCALES.young.pick(random),
    age_band: ageBand,
    // Under-13s are not asked; about half of the rest give it.
    postcode_district: !under13 && chance(random, 0.55) ? POSTCODE_DISTRICTS.pick(random) : null,
  };
}

/** How a young person of 13 or over agreed to be credited; names only from 16. */
export function youngQuoteCredit(random: Random, ageBand: YouthAgeBand): QuoteCredit {
  return (ageBand === '13_15' ? YOUNG_QUOTE_CREDITS : QUOTE_CREDIT_WEIGHTS).pick(random);
}

/** The census population, prepared once as weighted choices. */
export class RespondentFactory {
  private readonly wards: WardPopulation[];
  private readonly adultWard: Weighted<WardPopulation>;
  private readonly youngWard: Weighted<WardPopulation>;
  private readonly ageByWard = new Map<string, Weighted<string>>();
  private readonly sexByWard = new Map<string, Weighted<string>>();
  private readonly disabilityByWard = new Map<string, Weighted<string>>();
  private readonly carerByWard = new Map<string, Weighted<string>>();
  private readonly ethnicity: Weighted<string>;

  constructor() {
    this.wards = loadWardPopulations();
    this.adultWard = new Weighted(this.wards.map((ward) => [ward, ward.total] as const));
    this.youngWard = new Weighted(this.wards.map((ward) => [ward, ward.age.under_16 + ward.age['16_17']] as const));
    for (const ward of this.wards) {
      for (const [group, propensity] of Object.entries(AGE_PROPENSITY)) {
        const entries = Object.entries(propensity).map(([band, factor]) => [band, ward.age[band as AgeBand] * factor] as const);
        this.ageByWard.set(`${ward.code}:${group}`, new Weighted(entries));
      }
      const sexTotal = ward.female + ward.male;
      this.sexByWard.set(
        ward.code,
        new Weighted([
          ['female', ward.female],
          ['male', ward.male],
          [PREFER_NOT, sexTotal * 0.02],
        ]),
      );
      const disability = Object.entries(ward.disability);
      const disabilityTotal = disability.reduce((sum, [, n]) => sum + n, 0);
      this.disabilityByWard.set(ward.code, new Weighted([...disability, [PREFER_NOT, disabilityTotal * 0.03]]));
      const carer = Object.entries(ward.carer);
      const carerTotal = carer.reduce((sum, [, n]) => sum + n, 0);
      this.carerByWard.set(ward.code, new Weighted([...carer, [PREFER_NOT, carerTotal * 0.03]]));
    }
    const ethnicity = loadBoroughEthnicity();
    const ethnicityTotal = ethnicity.reduce((sum, [, n]) => sum + n, 0);
    this.ethnicity = new Weighted([...ethnicity, [PREFER_NOT, ethnicityTotal * 0.03]]);
  }

  create(random: Random, young: boolean): Respondent {
    const group: RespondentGroup = young ? 'young_person' : ADULT_GROUPS.pick(random);
    const locale = (young ? LOCALES.young : LOCALES.adult).pick(random);
    const ward = (young ? this.youngWard : this.adultWard).pick(random);
    const ageBand = (this.ageByWard.get(`${ward.code}:${group}`) as Weighted<string>).pick(random);
    const child = ageBand === 'under_16';
    const flag = (probability: number): Flag => (chance(random, probability) ? 1 : 0);
    // A field is skipped now and then even by people who fill in the rest.
    const answer = <T>(value: () => T): T | null => (chance(random, 0.03) ? null : value());

    const respondent: Respondent = {
      young,
      channel: CHANNELS[group].pick(random),
      respondent_group: group,
      locale,
      age_band: answer(() => ageBand),
      sex: answer(() => (this.sexByWard.get(ward.code) as Weighted<string>).pick(random)),
      // Under-16s are not asked the census's 16-plus questions, nor religion.
      gender_identity: child ? null : answer(() => GENDER_IDENTITIES.pick(random)),
      ethnicity: answer(() => (locale === 'en' ? this.ethnicity : ETHNICITY_BY_LOCALE[locale]).pick(random)),
      disability: answer(() => (this.disabilityByWard.get(ward.code) as Weighted<string>).pick(random)),
      carer: answer(() => (young ? YOUNG_CARERS : (this.carerByWard.get(ward.code) as Weighted<string>)).pick(random)),
      religion: child ? null : answer(() => (locale === 'ur' && chance(random, 0.85) ? 'muslim' : RELIGIONS.pick(random))),
      sexual_orientation: child ? null : answer(() => (young ? SEXUAL_ORIENTATIONS.young : SEXUAL_ORIENTATIONS.adult).pick(random)),
      ward_code: answer(() => ward.code),
      ...connections(group, ageBand, flag),
    };
    // About 15% leave "About you" blank altogether.
    if (chance(random, 0.15)) {
      for (const field of ABOUT_YOU) respondent[field] = null;
    }
    return respondent;
  }

  quoteCredit(random: Random, respondent: Respondent): QuoteCredit {
    return (respondent.age_band === 'under_16' ? YOUNG_QUOTE_CREDITS : QUOTE_CREDIT_WEIGHTS).pick(random);
  }
}

/** How each group is connected to the borough (lives, works, studies, runs a business, represents a group). */
function connections(group: RespondentGroup, ageBand: string, flag: (p: number) => Flag) {
  const set = (lives: Flag, works: Flag, studies: Flag, business: Flag, represents: Flag) => ({
    lives_in_area: lives,
    works_in_area: works,
    studies_in_area: studies,
    runs_business: business,
    represents_group: represents,
  });
  switch (group) {
    case 'young_person':
      return set(flag(0.93), ageBand === 'under_16' ? 0 : flag(0.08), flag(0.95), 0, 0);
    case 'business':
      return set(flag(0.55), 1, 0, 1, flag(0.1));
    case 'vcfse':
      return set(flag(0.65), flag(0.8), 0, 0, 1);
    case 'older_person':
      return set(flag(0.99), flag(0.08), flag(0.01), 0, 0);
    default:
      return set(flag(0.97), flag(0.45), flag(0.05), 0, 0);
  }
}
