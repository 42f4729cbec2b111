import { chooseSample } from '../../app/coding/sampling';
import type { Db } from '../connection';

// A starting codebook for the One Stockport conversation's answers in words ("what makes your
// area special?" and "how has Covid-19 affected you?"), with keywords drawn from what the
// generated answers talk about (free-text.ts), most themes linked to a borough priority. No
// answer is coded: officers do that. One double-coding sample of the Covid stories is ready for
// two officers to try.
// The parks consultation (results published) gets the codebook its officers finished with; its
// answers are coded by parks-coding.ts, so "You said" shows themes with quotes.

export interface ThemeSeed {
  key: string;
  name: string;
  description: string;
  priority: string | null;
  keywords: string[];
}

const ONE_STOCKPORT: ThemeSeed[] = [
  {
    key: 'community',
    name: 'Community and neighbours',
    description: 'People, neighbours and local groups looking out for each other.',
    priority: 'strong_supportive',
    keywords: [
      'people',
      'neighbours',
      'friendly',
      'community',
      'community spirit',
      'pulled together',
      'knows each other',
      'kind',
      'volunteer',
      'food bank',
      'community hub',
      'sąsiedzi',
      'ludzie',
      'لوگ',
      'محلے',
      'مدد',
    ],
  },
  {
    key: 'green_spaces',
    name: 'Parks, green spaces and countryside',
    description: 'Parks, woods, rivers, the canal and the Peak District, and walking in them.',
    priority: 'climate_friendly',
    keywords: ['park', 'woods', 'country park', 'green', 'Peak District', 'canal', 'river', 'towpath', 'walk', 'parki', 'zieleni', 'پارک'],
  },
  {
    key: 'town_centre',
    name: 'Local shops, markets and the town centre',
    description: 'The high street, independent shops, the Market Hall and the Underbanks, shopping locally.',
    priority: 'enterprising_thriving',
    keywords: ['shops', 'high street', 'market', 'independent', 'Underbanks', 'shopping locally', 'دکانوں'],
  },
  {
    key: 'culture',
    name: 'Culture, heritage and sport',
    description: 'Museums, the Plaza, the library, Stockport County and events.',
    priority: 'flourishing_creative',
    keywords: ['museum', 'Plaza', 'Hat Works', 'Stockport County', 'football', 'library', 'events'],
  },
  {
    key: 'young_people',
    name: 'Children, young people and schools',
    description: 'Schools and schooling, things for children and teenagers to do.',
    priority: 'caring_growing',
    keywords: ['school', 'children', 'home schooling', 'teachers', 'youth club', 'skate park', 'son', 'dzieci', 'szkoły', 'بچوں', 'اسکول'],
  },
  {
    key: 'mental_health',
    name: 'Mental health and loneliness',
    description: 'Anxiety, isolation, loneliness and wellbeing.',
    priority: 'healthy_happy',
    keywords: ['mental health', 'isolated', 'anxious', 'lonely', 'shielding', 'worry'],
  },
  {
    key: 'health_care',
    name: 'Health and care services',
    description: 'GPs, hospitals, appointments, care homes and long-term conditions.',
    priority: 'healthy_happy',
    keywords: ['hospital', 'GP', 'appointments', 'condition', 'care home', 'caught Covid', 'بیمار'],
  },
  {
    key: 'work_money',
    name: 'Jobs, money and businesses',
    description: 'Losing work or hours, money worries, the cost of living and local businesses.',
    priority: 'enterprising_thriving',
    keywords: ['job', 'work', 'business', 'money', 'hours', 'cost of living', 'pracę', 'koszty życia', 'کاروبار'],
  },
  {
    key: 'online',
    name: 'Getting online',
    description: 'Video calls, working from home and doing more online.',
    priority: 'radically_digital',
    keywords: ['video calls', 'online', 'WhatsApp', 'working from home'],
  },
  {
    key: 'languages',
    name: 'Information in other languages',
    description: 'Asking for information and services in languages other than English.',
    priority: 'fair_inclusive',
    keywords: ['languages', 'językach', 'اردو'],
  },
  {
    key: 'home',
    name: 'Home and belonging',
    description: 'Feeling at home, family roots and having lived here a long time.',
    priority: null,
    keywords: ['home', 'lived here', 'all my life', 'moved here', 'domu', 'گھر'],
  },
];

/** The finished codebook of "Anything else about parks?" (park_comments), from the `parks` pool's words. */
export const PARKS: ThemeSeed[] = [
  {
    key: 'facilities',
    name: 'Toilets, cafés and places to sit',
    description: 'Toilets that are open, a café, and benches for people who need to rest.',
    priority: 'healthy_happy',
    keywords: ['toilets', 'café', 'cafe', 'benches', 'seating', 'rest'],
  },
  {
    key: 'paths_safety',
    name: 'Paths, lighting and feeling safe',
    description: 'Paths that stay usable all year and lighting so people feel safe walking through.',
    priority: 'strong_supportive',
    keywords: ['paths', 'muddy', 'lighting', 'safer', 'safe'],
  },
  {
    key: 'litter',
    name: 'Litter, bins and dog fouling',
    description: 'Overflowing bins, litter and dog mess, especially at busy times.',
    priority: 'climate_friendly',
    keywords: ['bins', 'litter', 'dog fouling', 'overflow', 'rubbish'],
  },
  {
    key: 'nature_care',
    name: 'Nature and caring for parks',
    description: 'Wildflowers, trees and wildlife, and the volunteers and friends groups who look after parks.',
    priority: 'climate_friendly',
    keywords: ['wildflower', 'wildlife', 'nature', 'trees', 'volunteers', 'look after', 'friends group'],
  },
  {
    key: 'play_young',
    name: 'Play areas, children and young people',
    description: 'Play areas, a day out with children, and places for teenagers to go.',
    priority: 'caring_growing',
    keywords: ['play area', 'children', 'young people', 'teenagers', 'skate park'],
  },
  {
    key: 'events',
    name: 'Events and bringing people together',
    description: 'Events and activities in parks that bring the community together.',
    priority: 'flourishing_creative',
    keywords: ['events', 'activities', 'community', 'together'],
  },
  {
    key: 'valued_free',
    name: 'Valued and free for everyone',
    description: 'Why parks matter to people (a lifeline, a reason to live here) and keeping them free to use.',
    priority: null,
    keywords: ['lifeline', 'moved to the area', 'free to use', 'main reason'],
  },
];

const CODEBOOKS: Record<string, ThemeSeed[]> = {
  'one-stockport-conversation': ONE_STOCKPORT,
  'parks-and-green-spaces': PARKS,
};

const PILOT_SAMPLE = { question: 'covid_story', name: 'Pilot: Covid stories', size: 30 };

export async function seedCodebooks(db: Db, today: Date): Promise<{ themes: number }> {
  const consultations = await db.selectFrom('consultations').select(['id', 'slug']).where('slug', 'in', Object.keys(CODEBOOKS)).execute();
  if (consultations.length === 0) return { themes: 0 };
  const priorities = new Map((await db.selectFrom('priorities').select(['id', 'key']).execute()).map((p) => [p.key, p.id]));
  const createdAt = today.toISOString();
  let themes = 0;
  for (const slug of Object.keys(CODEBOOKS)) {
    const consultation = consultations.find((c) => c.slug === slug);
    if (!consultation) continue;
    const codebook = CODEBOOKS[slug]!;
    await db
      .insertInto('codebook_themes')
      .values(
        codebook.map((theme, i) => ({
          consultation_id: consultation.id,
          key: theme.key,
          name: theme.name,
          description: theme.description,
          priority_id: theme.priority ? (priorities.get(theme.priority) ?? null) : null,
          keywords: theme.keywords.join('\n'),
          position: i + 1,
          created_at: createdAt,
        })),
      )
      .execute();
    themes += codebook.length;
  }

  const consultation = consultations.find((c) => c.slug === 'one-stockport-conversation');
  if (!consultation) return { themes };
  const question = await db
    .selectFrom('questions')
    .select('id')
    .where('consultation_id', '=', consultation.id)
    .where('key', '=', PILOT_SAMPLE.question)
    .executeTakeFirst();
  if (question) {
    const answers = await db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .select('answers.id')
      .where('answers.question_id', '=', question.id)
      .where('responses.status', '=', 'counted')
      .where('answers.value_text', '!=', '')
      .orderBy('answers.id')
      .execute();
    const { id } = await db
      .insertInto('coding_samples')
      .values({ consultation_id: consultation.id, question_id: question.id, name: PILOT_SAMPLE.name, created_by: null, created_at: createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    const chosen = chooseSample(
      id,
      answers.map((a) => a.id),
      PILOT_SAMPLE.size,
    );
    if (chosen.length)
      await db
        .insertInto('coding_sample_answers')
        .values(chosen.map((answer_id) => ({ sample_id: id, answer_id })))
        .execute();
  }
  return { themes };
}
