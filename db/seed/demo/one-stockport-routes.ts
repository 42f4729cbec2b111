import { agreeWeights, option, otherOption, t, when, type DemoGrid, type DemoQuestion, type DemoSection } from '../demo-dsl';

// The routed parts of the One Stockport conversation (issue 17): business and voluntary,
// community and faith (VCFSE) questions only for those who run one, a Covid-19 follow-up only for
// those it affected, and the four Covid-19 statements as one grid. About 15% of those who answer
// run a business or group, as in the partnership forums' share of the 2020 conversation.

export const runsOrg: DemoQuestion = {
  key: 'runs_org',
  kind: 'yes_no',
  answerRate: 0.92,
  text: t(
    'Do you run a business, or a voluntary, community or faith group?',
    'Czy prowadzisz firmę albo grupę wolontariacką, społeczną lub religijną?',
    'کیا آپ کوئی کاروبار، یا کوئی رضاکار، کمیونٹی یا مذہبی گروپ چلاتے ہیں؟',
  ),
  hint: t(
    'If you answer yes, we will ask a few questions about it.',
    'Jeśli odpowiesz „tak”, zadamy kilka pytań na ten temat.',
    'اگر آپ ہاں کہیں گے تو ہم اس کے بارے میں چند سوال پوچھیں گے۔',
  ),
  weights: { yes: 16, no: 84 },
  young: { yes: 4, no: 96 },
};

export const covidStatements: DemoGrid = {
  key: 'covid_statements',
  text: t('How much do you agree with each of these?', 'W jakim stopniu zgadzasz się z każdym z tych stwierdzeń?', 'آپ ان میں سے ہر ایک سے کس حد تک متفق ہیں؟'),
};

export const orgRecovered: DemoQuestion = {
  key: 'org_recovered',
  kind: 'agree_scale',
  answerRate: 0.94,
  showIf: when('runs_org', 'yes'),
  text: t(
    'My business or group has recovered from the pandemic',
    'Moja firma lub grupa podniosła się po pandemii',
    'میرا کاروبار یا گروپ وبا کے اثرات سے نکل آیا ہے',
  ),
  weights: agreeWeights(41, 9, 37),
};

export const covidEffectsSection: DemoSection = {
  key: 'covid_effects',
  showIf: when('covid_affected', 'yes'),
  title: t('How Covid-19 affected you', 'Jak Covid-19 wpłynął na ciebie', 'کووڈ-19 نے آپ کو کیسے متاثر کیا'),
  intro: t(
    'You told us Covid-19 affected you or your family.',
    'Napisałeś lub napisałaś, że Covid-19 wpłynął na ciebie lub twoją rodzinę.',
    'آپ نے بتایا کہ کووڈ-19 نے آپ یا آپ کے خاندان کو متاثر کیا۔',
  ),
  questions: [
    {
      key: 'covid_effects',
      kind: 'multiple_choice',
      maxSelections: null,
      picks: [30, 32, 20, 10, 5, 3],
      answerRate: 0.97,
      otherPool: 'other_generic',
      text: t(
        'In what ways has Covid-19 affected you or your family?',
        'W jaki sposób Covid-19 wpłynął na ciebie lub twoją rodzinę?',
        'کووڈ-19 نے آپ یا آپ کے خاندان کو کن طریقوں سے متاثر کیا ہے؟',
      ),
      hint: t('Choose all that apply.', 'Wybierz wszystkie pasujące odpowiedzi.', 'جتنے جواب درست ہوں سب منتخب کریں۔'),
      options: [
        option('physical_health', t('Physical health', 'Zdrowie fizyczne', 'جسمانی صحت'), 22, 10),
        option('mental_health', t('Mental health and wellbeing', 'Zdrowie psychiczne i samopoczucie', 'ذہنی صحت اور بہبود'), 34, 38),
        option('work', t('Work or income', 'Praca lub dochody', 'کام یا آمدنی'), 28, 12),
        option('schooling', t('School, college or training', 'Szkoła, uczelnia lub szkolenie', 'اسکول، کالج یا تربیت'), 12, 40),
        option('caring', t('Caring for someone', 'Opieka nad kimś', 'کسی کی دیکھ بھال'), 14, 6),
        option('loneliness', t('Feeling lonely or cut off', 'Samotność lub odcięcie od innych', 'تنہائی یا دوسروں سے کٹ جانے کا احساس'), 26, 24),
        option('bereavement', t('Losing someone close', 'Utrata kogoś bliskiego', 'کسی قریبی کا بچھڑ جانا'), 9, 6),
        otherOption(3, 2),
      ],
    },
    {
      key: 'covid_support',
      kind: 'yes_no',
      answerRate: 0.9,
      text: t(
        'Do you or your family still need support because of Covid-19?',
        'Czy ty lub twoja rodzina nadal potrzebujecie wsparcia z powodu Covid-19?',
        'کیا آپ یا آپ کے خاندان کو کووڈ-19 کی وجہ سے اب بھی مدد کی ضرورت ہے؟',
      ),
      weights: { yes: 31, no: 69 },
      young: { yes: 27, no: 73 },
    },
  ],
};

export const businessSection: DemoSection = {
  key: 'business',
  showIf: when('runs_org', 'yes'),
  title: t('Your business or group', 'Twoja firma lub grupa', 'آپ کا کاروبار یا گروپ'),
  intro: t(
    'You told us you run a business, or a voluntary, community or faith group.',
    'Napisałeś lub napisałaś, że prowadzisz firmę albo grupę wolontariacką, społeczną lub religijną.',
    'آپ نے بتایا کہ آپ کوئی کاروبار، یا کوئی رضاکار، کمیونٹی یا مذہبی گروپ چلاتے ہیں۔',
  ),
  questions: [
    {
      key: 'org_kind',
      kind: 'single_choice',
      answerRate: 0.98,
      text: t('What do you run?', 'Co prowadzisz?', 'آپ کیا چلاتے ہیں؟'),
      options: [
        option('business', t('A business', 'Firmę', 'ایک کاروبار'), 58),
        option('vcfse', t('A voluntary, community or faith group', 'Grupę wolontariacką, społeczną lub religijną', 'ایک رضاکار، کمیونٹی یا مذہبی گروپ'), 34),
        option('both', t('Both', 'Jedno i drugie', 'دونوں'), 8),
      ],
    },
    {
      key: 'org_size',
      kind: 'single_choice',
      answerRate: 0.95,
      text: t(
        'How many people work or volunteer there, including you?',
        'Ile osób tam pracuje lub działa jako wolontariusze, łącznie z tobą?',
        'آپ سمیت وہاں کتنے لوگ کام کرتے ہیں یا رضاکار ہیں؟',
      ),
      options: [
        option('just_me', t('Just me', 'Tylko ja', 'صرف میں'), 22),
        option('2_9', t('2 to 9', 'Od 2 do 9', '2 سے 9'), 46),
        option('10_49', t('10 to 49', 'Od 10 do 49', '10 سے 49'), 22),
        option('50_plus', t('50 or more', '50 lub więcej', '50 یا اس سے زیادہ'), 10),
      ],
    },
    {
      key: 'org_support',
      kind: 'multiple_choice',
      maxSelections: 3,
      picks: [20, 35, 45],
      answerRate: 0.93,
      otherPool: 'other_generic',
      text: t(
        'What would help your business or group most over the next few years?',
        'Co najbardziej pomogłoby twojej firmie lub grupie w najbliższych latach?',
        'اگلے چند سالوں میں آپ کے کاروبار یا گروپ کی سب سے زیادہ مدد کس چیز سے ہوگی؟',
      ),
      hint: t('Choose up to 3.', 'Wybierz maksymalnie 3.', 'زیادہ سے زیادہ 3 منتخب کریں۔'),
      options: [
        option('funding', t('Grants and funding', 'Dotacje i finansowanie', 'گرانٹس اور مالی امداد'), 30),
        option('premises', t('Affordable premises', 'Lokale w przystępnej cenie', 'مناسب کرائے پر جگہ'), 18),
        option('people', t('Finding staff or volunteers', 'Znalezienie pracowników lub wolontariuszy', 'عملہ یا رضاکار ڈھونڈنا'), 20),
        option('digital', t('Digital skills and tools', 'Umiejętności i narzędzia cyfrowe', 'ڈیجیٹل مہارتیں اور ٹولز'), 14),
        option(
          'footfall',
          t('More people in town and district centres', 'Więcej ludzi w centrach miasta i dzielnic', 'ٹاؤن اور ڈسٹرکٹ سینٹرز میں زیادہ لوگ'),
          16,
        ),
        option('partners', t('Working with the council and partners', 'Współpraca z radą i partnerami', 'کونسل اور شراکت داروں کے ساتھ مل کر کام'), 12),
        otherOption(3),
      ],
    },
  ],
};
