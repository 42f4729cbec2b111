import {
  agreeWeights,
  t,
  when,
  youthFaces,
  type DemoQuestion,
  type DemoSection,
  type DemoYouthItem,
  type DemoYouthVersion,
  type DemoYouthOption,
  type ScaleWeights,
} from '../demo-dsl';
import type { Localised } from '../translations';

// The young people's version of the One Stockport conversation, for 8 to 18 year olds: one
// question a screen, in short, common words (a reading age of about 10: Flesch-Kincaid grade 5
// or lower), with pictures. Its answers are stored against the main questions, so they count
// in the same results, except the seven children and young people's outcome statements of the
// borough plan (seed 000), which only young people are asked.
//
// Polish and Urdu are written in the same plain style, and the Urdu avoids verbs that would
// make the reader choose a gender ("میرا علاقہ" rather than "میں جہاں رہتا/رہتی ہوں").
//
// Weights are [under 13, 13 and over]: younger children are more positive about where they
// live and more likely to say they feel safe; about 40% feel their voice is heard.

function choice(key: string, label: Localised, picture: string, maps: string, weight: number, older?: number): DemoYouthOption {
  return older === undefined ? { key, label, picture, maps, weight } : { key, label, picture, maps, weight, older };
}

interface Statement {
  key: string;
  /** The statement as the borough plan words it, which officers see in results. */
  statement: Localised;
  /** What a young person reads. */
  young: Localised;
  under13: ScaleWeights;
  older: ScaleWeights;
}

const STATEMENTS: Statement[] = [
  {
    key: 'yp_safe',
    statement: t('I feel safe', 'Czuję się bezpiecznie', 'مجھے تحفظ کا احساس ہے'),
    young: t('I feel safe where I live.', 'Czuję się bezpiecznie tam, gdzie mieszkam.', 'میں اپنے علاقے میں محفوظ ہوں۔'),
    under13: agreeWeights(82, 45, 6),
    older: agreeWeights(74, 30, 11),
  },
  {
    key: 'yp_community',
    statement: t('I feel part of my community', 'Czuję się częścią mojej społeczności', 'مجھے اپنی برادری کا حصہ ہونے کا احساس ہے'),
    young: t('I feel I belong where I live.', 'Czuję, że tu, gdzie mieszkam, jest moje miejsce.', 'میرا علاقہ میری اپنی جگہ ہے۔'),
    under13: agreeWeights(64, 26, 12),
    older: agreeWeights(52, 16, 19),
  },
  {
    key: 'yp_voice',
    statement: t('My voice is heard', 'Mój głos jest słyszany', 'میری آواز سنی جاتی ہے'),
    young: t('People listen to what I say.', 'Ludzie słuchają tego, co mówię.', 'لوگ میری بات سنتے ہیں۔'),
    under13: agreeWeights(46, 16, 24),
    older: agreeWeights(38, 10, 32),
  },
  {
    key: 'yp_health',
    statement: t('I enjoy good health and wellbeing', 'Cieszę się dobrym zdrowiem i samopoczuciem', 'میری صحت اور بہبود اچھی ہے'),
    young: t('I feel well in my body and my mind.', 'Czuję się dobrze. Moje ciało i głowa są zdrowe.', 'میرا جسم بھی ٹھیک ہے اور میرا دماغ بھی۔'),
    under13: agreeWeights(72, 34, 9),
    older: agreeWeights(58, 20, 17),
  },
  {
    key: 'yp_happy',
    statement: t(
      'I am happy and have people I can trust',
      'Jestem szczęśliwy lub szczęśliwa i mam ludzi, którym mogę ufać',
      'میں خوش ہوں اور میرے پاس ایسے لوگ ہیں جن پر مجھے بھروسہ ہے',
    ),
    young: t('I am happy. I have people I can trust.', 'Jest mi dobrze. Mam ludzi, którym ufam.', 'میں خوش ہوں۔ میرے پاس ایسے لوگ ہیں جن پر مجھے بھروسہ ہے۔'),
    under13: agreeWeights(78, 40, 7),
    older: agreeWeights(66, 26, 13),
  },
  {
    key: 'yp_confident',
    statement: t(
      'I am confident and able to reach my goals',
      'Wierzę w siebie i mogę osiągnąć swoje cele',
      'مجھے خود پر اعتماد ہے اور اپنے مقاصد حاصل کرنا میرے بس میں ہے',
    ),
    young: t('I believe in myself. I can reach my goals.', 'Wierzę w siebie. Mogę spełnić swoje marzenia.', 'مجھے خود پر یقین ہے۔ میرے خواب پورے ہو سکتے ہیں۔'),
    under13: agreeWeights(70, 32, 10),
    older: agreeWeights(56, 18, 17),
  },
  {
    key: 'yp_cared_for',
    statement: t(
      'The people who love and care for me are enabled to do this',
      'Osoby, które mnie kochają i się mną opiekują, dostają wsparcie, żeby mogły to robić',
      'جو لوگ مجھ سے محبت کرتے ہیں اور میرا خیال رکھتے ہیں، انہیں یہ کام کرنے کے لیے مدد ملتی ہے',
    ),
    young: t(
      'The people who look after me get the help they need.',
      'Ludzie, którzy się mną opiekują, dostają pomoc, której potrzebują.',
      'جو لوگ میرا خیال رکھتے ہیں، انہیں وہ مدد ملتی ہے جو انہیں چاہیے۔',
    ),
    under13: agreeWeights(76, 38, 6),
    older: agreeWeights(66, 26, 10),
  },
];

const blend = (a: ScaleWeights, b: ScaleWeights): ScaleWeights => Object.fromEntries(Object.keys(a).map((key) => [key, ((a[key] ?? 0) + (b[key] ?? 0)) / 2]));

/** The seven statements as questions of their own, which the main form does not ask. */
export const youngPeopleOnlySection: DemoSection = {
  key: 'young_people_only',
  audience: 'young_people',
  title: t('Just for young people', 'Tylko dla młodych ludzi', 'صرف نوجوانوں کے لیے'),
  intro: t('Only young people see these questions.', 'Te pytania widzą tylko młodzi ludzie.', 'یہ سوال صرف نوجوان دیکھتے ہیں۔'),
  // Officers see the seven statements as one grid on the agree scale.
  grids: [
    {
      key: 'yp_outcomes',
      text: t(
        'How much do you agree with each of these?',
        'W jakim stopniu zgadzasz się z każdym z tych stwierdzeń?',
        'آپ ان میں سے ہر ایک سے کس حد تک متفق ہیں؟',
      ),
    },
  ],
  questions: STATEMENTS.map((s): DemoQuestion => ({
    key: s.key,
    kind: 'agree_scale',
    grid: 'yp_outcomes',
    text: s.statement,
    weights: blend(s.under13, s.older),
  })),
};

const PICK_ONE = t('Pick one.', 'Wybierz jedno.', 'ایک چنیں۔');

export const oneStockportYoung: DemoYouthVersion = {
  code: 'onestockport',
  items: [
    {
      key: 'best_thing',
      question: 'best_thing',
      kind: 'single_choice',
      answerRate: [0.97, 0.97],
      text: t('What is the best thing about where you live?', 'Co jest najlepsze tam, gdzie mieszkasz?', 'آپ کے علاقے کی سب سے اچھی بات کیا ہے؟'),
      hint: PICK_ONE,
      options: [
        choice('parks', t('Parks and woods', 'Parki i lasy', 'پارک اور جنگل'), 'tree', 'parks_green_spaces', 40, 36),
        choice('fun', t('Fun things to do', 'Fajne rzeczy do robienia', 'مزے کی چیزیں'), 'party', 'culture_heritage', 17, 12),
        choice('school', t('My school', 'Moja szkoła', 'میرا اسکول'), 'school', 'schools', 14, 10),
        choice(
          'people',
          t('Kind people who help each other', 'Mili ludzie, którzy sobie pomagają', 'اچھے لوگ جو ایک دوسرے کی مدد کرتے ہیں'),
          'people',
          'community_support',
          11,
          16,
        ),
        choice('safe', t('I feel safe here', 'Czuję się tu bezpiecznie', 'یہاں میں محفوظ ہوں'), 'home', 'safe_area', 10, 8),
        choice('shops', t('Shops and places to eat', 'Sklepy i miejsca, gdzie można zjeść', 'دکانیں اور کھانے کی جگہیں'), 'shop', 'local_shops', 8, 13),
      ],
    },
    {
      key: 'proud_words',
      question: 'proud_words',
      kind: 'long_text',
      // The main question keeps words to 200 characters, so the young people's box does too:
      // every answer must fit the question it is stored against.
      maxLength: 200,
      pool: 'young_proud',
      answerRate: [0.4, 0.52],
      text: t(
        'Tell us in your own words what makes where you live special.',
        'Napisz swoimi słowami, co jest fajne tam, gdzie mieszkasz.',
        'اپنے الفاظ میں بتائیں کہ آپ کا علاقہ خاص کیوں ہے۔',
      ),
      hint: t('It could be a place, a group or the people.', 'To może być miejsce, grupa albo ludzie.', 'یہ کوئی جگہ، کوئی گروپ یا لوگ ہو سکتے ہیں۔'),
    },
    {
      key: 'future_important',
      question: 'future_important',
      kind: 'multiple_choice',
      maxSelections: 3,
      picks: [10, 22, 68],
      answerRate: [0.95, 0.96],
      text: t('What do you want for the future?', 'Czego chcesz na przyszłość?', 'آپ مستقبل کے لیے کیا چاہتے ہیں؟'),
      hint: t('Pick up to 3.', 'Wybierz do 3.', 'زیادہ سے زیادہ 3 چنیں۔'),
      options: [
        choice('parks', t('Parks and nature', 'Parki i przyroda', 'پارک اور قدرت'), 'tree', 'green_spaces', 24, 16),
        // Two ways of saying it count as the one main option (green_spaces), and only once.
        choice('planet', t('Caring for the earth', 'Dbanie o Ziemię', 'زمین کا خیال رکھنا'), 'planet', 'green_spaces', 18, 18),
        choice('school', t('Good schools', 'Dobre szkoły', 'اچھے اسکول'), 'school', 'education', 18, 16),
        choice(
          'feelings',
          t('Help with feelings and worries', 'Pomoc, gdy jest ci smutno lub się martwisz', 'جذبات اور فکروں میں مدد'),
          'talk',
          'mental_health',
          14,
          24,
        ),
        choice('safe', t('Safe streets', 'Bezpieczne ulice', 'محفوظ گلیاں'), 'safe_street', 'safe_communities', 14, 12),
        choice('doctors', t('Good doctors and nurses', 'Dobrzy lekarze i pielęgniarki', 'اچھے ڈاکٹر اور نرسیں'), 'doctor', 'health_services', 10, 12),
        choice('jobs', t('Good jobs', 'Dobra praca', 'اچھی نوکریاں'), 'work', 'jobs', 8, 24),
        choice(
          'homes',
          t('Homes that do not cost too much', 'Domy, które nie kosztują za dużo', 'ایسے گھر جو زیادہ مہنگے نہ ہوں'),
          'home',
          'affordable_homes',
          5,
          10,
        ),
        choice('buses', t('Buses and trains', 'Autobusy i pociągi', 'بسیں اور ٹرینیں'), 'bus', 'public_transport', 6, 10),
        choice('town', t('A fun town centre', 'Fajne centrum miasta', 'شہر کا ایک مزے دار مرکز'), 'big_wheel', 'town_centre', 6, 6),
      ],
    },
    {
      key: 'matters_most',
      question: 'top_priorities',
      // One pick on the ranking question, counted as its first choice.
      kind: 'single_choice',
      answerRate: [0.93, 0.95],
      text: t('Which one matters most to you?', 'Co jest dla ciebie najważniejsze?', 'آپ کے لیے سب سے اہم کیا ہے؟'),
      hint: PICK_ONE,
      options: [
        choice('planet', t('Caring for the earth', 'Dbanie o Ziemię', 'زمین کا خیال رکھنا'), 'planet', 'climate_friendly', 22, 22),
        choice('healthy', t('Staying fit and happy', 'Zdrowie i radość', 'صحت اور خوشی'), 'heart', 'healthy_happy', 20, 18),
        choice(
          'growing_up',
          t('A good start for every child', 'Dobry start dla każdego dziecka', 'ہر بچے کے لیے اچھا آغاز'),
          'teddy',
          'caring_growing',
          18,
          12,
        ),
        choice('fair', t('Fair for all', 'Sprawiedliwie dla wszystkich', 'سب کے ساتھ انصاف'), 'fair', 'fair_inclusive', 12, 16),
        choice('learning', t('Learning new things', 'Uczenie się nowych rzeczy', 'نئی چیزیں سیکھنا'), 'books', 'skilled_confident', 12, 16),
        choice('arts_sport', t('Art, music and sport', 'Sztuka, muzyka i sport', 'آرٹ، موسیقی اور کھیل'), 'arts', 'flourishing_creative', 12, 9),
      ],
    },
    {
      key: 'covid_connected',
      question: 'covid_connected',
      kind: 'agree_scale',
      answerRate: [0.9, 0.94],
      text: t(
        'Since Covid, I feel closer to the people near me.',
        'Od czasu Covid czuję się bliżej ludzi wokół mnie.',
        'کووڈ کے بعد سے میں آس پاس کے لوگوں کے زیادہ قریب ہوں۔',
      ),
      options: youthFaces(agreeWeights(40, 12, 26), agreeWeights(37, 10, 31)),
    },
    ...STATEMENTS.map((s): DemoYouthItem => ({
      key: s.key,
      question: s.key,
      kind: 'agree_scale',
      answerRate: [0.95, 0.96],
      text: s.young,
      options: youthFaces(s.under13, s.older),
    })),
    // Routing (issue 17): what Covid changed is asked only of those who say it changed things.
    // Last, so the pages before keep their numbers; drawn apart, so every other demo answer stays.
    {
      key: 'covid_affected',
      question: 'covid_affected',
      kind: 'yes_no',
      answerRate: [0.9, 0.93],
      drawsApart: true,
      text: t(
        'Did Covid change things for you or your family?',
        'Czy Covid coś zmienił dla ciebie lub twojej rodziny?',
        'کیا کووڈ نے آپ یا آپ کے گھر والوں کے لیے کچھ بدلا؟',
      ),
      options: [choice('yes', t('Yes', 'Tak', 'ہاں'), 'tick', 'yes', 60, 66), choice('no', t('No', 'Nie', 'نہیں'), 'cross', 'no', 40, 34)],
    },
    {
      key: 'covid_effects',
      question: 'covid_effects',
      kind: 'multiple_choice',
      maxSelections: null,
      picks: [40, 35, 25],
      answerRate: [0.95, 0.96],
      drawsApart: true,
      showIf: when('covid_affected', 'yes'),
      text: t('What did Covid change?', 'Co zmienił Covid?', 'کووڈ نے کیا بدلا؟'),
      hint: t('Pick all that fit.', 'Wybierz wszystko, co pasuje.', 'جو بھی ٹھیک ہو سب چنیں۔'),
      options: [
        choice('school', t('My school work', 'Moja nauka w szkole', 'میرا اسکول کا کام'), 'school', 'schooling', 40, 38),
        choice('feelings', t('My feelings', 'Moje uczucia', 'میرے احساسات'), 'talk', 'mental_health', 26, 36),
        choice('lonely', t('Being on my own', 'Samotność', 'اکیلا پن'), 'people', 'loneliness', 24, 24),
        choice('health', t('My health', 'Moje zdrowie', 'میری صحت'), 'doctor', 'physical_health', 10, 10),
      ],
    },
  ],
};
