import { FRAMEWORK } from '../framework';
import { agreeWeights, option, otherOption, t, type DemoConsultation, type DemoOption } from '../demo-dsl';
import { businessSection, covidEffectsSection, covidStatements, orgRecovered, runsOrg } from './one-stockport-routes';
import { oneStockportYoung, youngPeopleOnlySection } from './one-stockport-young';

// The borough-wide conversation of 2020 (seeds 000 and 002), built around its four questions.
// Answer weights follow the published findings where there are any: 43% felt more connected to
// their community, 48% would keep supporting local businesses, 49% put good health services
// among the most important things for the future, parks and green spaces rated the best thing.
// Adults' weights sit a little above those figures because young people answered less so.

const PRIORITY_WEIGHTS: Record<string, [adult: number, young: number]> = {
  caring_growing: [14, 16],
  healthy_happy: [20, 18],
  strong_supportive: [10, 7],
  fair_inclusive: [11, 14],
  flourishing_creative: [8, 9],
  climate_friendly: [13, 22],
  enterprising_thriving: [10, 6],
  skilled_confident: [9, 14],
  radically_digital: [5, 6],
};

const priorityOptions: DemoOption[] = FRAMEWORK.flatMap((theme) => theme.priorities).map((priority) => {
  const [adult, young] = PRIORITY_WEIGHTS[priority.key] ?? [1, 1];
  return option(priority.key, priority.name, adult, young);
});

export const oneStockportConversation: DemoConsultation = {
  slug: 'one-stockport-conversation',
  status: 'open',
  title: t(
    'The One Stockport conversation: your borough, your future',
    'Rozmowa One Stockport: twoja gmina, twoja przyszłość',
    'ون اسٹاک پورٹ گفتگو: آپ کا بورو، آپ کا مستقبل',
  ),
  summary: t(
    'Tell us what you love about Stockport, what matters to you for the future and how Covid-19 has ' +
      'affected you. Your answers will shape the borough plan for the next 10 years.',
    'Powiedz nam, co lubisz w Stockport, co jest dla ciebie ważne na przyszłość i jak wpłynęła na ciebie ' +
      'pandemia Covid-19. Twoje odpowiedzi pomogą ukształtować plan dla gminy na najbliższe 10 lat.',
    'ہمیں بتائیں کہ آپ کو اسٹاک پورٹ میں کیا پسند ہے، مستقبل کے لیے آپ کے نزدیک کیا اہم ہے اور کووڈ-19 ' +
      'نے آپ کو کیسے متاثر کیا ہے۔ آپ کے جوابات اگلے 10 سال کے لیے بورو کے منصوبے کی تشکیل میں مدد کریں گے۔',
  ),
  whyAsking: t(
    'The council and its partners are writing a shared plan for Stockport up to 2030. We want it to ' +
      'reflect the views of the people who live, work and study here, including children and young people. ' +
      'We are asking the same 4 questions online, at workshops, at partnership forums and in our video ' +
      'booth, so that everyone’s views can be counted together.',
    'Rada i jej partnerzy przygotowują wspólny plan dla Stockport do 2030 roku. Chcemy, aby ' +
      'odzwierciedlał opinie osób, które tu mieszkają, pracują i uczą się, w tym dzieci i młodzieży. Te ' +
      'same 4 pytania zadajemy online, na warsztatach, na forach partnerskich i w naszej budce wideo, aby ' +
      'wszystkie opinie można było policzyć razem.',
    'کونسل اور اس کے شراکت دار 2030 تک کے لیے اسٹاک پورٹ کا ایک مشترکہ منصوبہ تیار کر رہے ہیں۔ ہم چاہتے ' +
      'ہیں کہ اس میں یہاں رہنے، کام کرنے اور پڑھنے والے لوگوں کی رائے شامل ہو، جن میں بچے اور نوجوان بھی ' +
      'شامل ہیں۔ ہم یہی 4 سوال آن لائن، ورکشاپس میں، پارٹنرشپ فورمز میں اور اپنے ویڈیو بوتھ میں پوچھ رہے ' +
      'ہیں تاکہ سب کی رائے ایک ساتھ شمار کی جا سکے۔',
  ),
  whatHappensNext: t(
    'After the conversation closes we will publish a summary of what we heard on this page, including ' +
      'results for each ward and area committee. The draft borough plan will go to Area Committees and ' +
      'then to Full Council. We will never publish anything that could identify you.',
    'Po zakończeniu rozmowy opublikujemy na tej stronie podsumowanie tego, co usłyszeliśmy, w tym wyniki ' +
      'dla każdego okręgu (ward) i komisji obszarowej (Area Committee). Projekt planu trafi do komisji ' +
      'obszarowych, a następnie do pełnej Rady (Full Council). Nigdy nie opublikujemy niczego, co ' +
      'pozwoliłoby cię zidentyfikować.',
    'گفتگو ختم ہونے کے بعد ہم اس صفحے پر ان باتوں کا خلاصہ شائع کریں گے جو ہم نے سنیں، جس میں ہر وارڈ ' +
      'اور ایریا کمیٹی کے نتائج بھی شامل ہوں گے۔ بورو پلان کا مسودہ پہلے ایریا کمیٹیوں اور پھر فل کونسل کے ' +
      'سامنے پیش کیا جائے گا۔ ہم کبھی کوئی ایسی چیز شائع نہیں کریں گے جس سے آپ کی شناخت ہو سکے۔',
  ),
  opensInDays: -80,
  closesInDays: 60,
  estimatedMinutes: 10,
  priorities: FRAMEWORK.flatMap((theme) => theme.priorities.map((priority) => priority.key)),
  sections: [
    {
      key: 'proud',
      title: t('Why are you proud to live or work in Stockport?', 'Co w Stockport napawa cię dumą?', 'آپ کو اسٹاک پورٹ میں رہنے یا کام کرنے پر فخر کیوں ہے؟'),
      intro: t(
        'Think about your own neighbourhood as well as the borough as a whole.',
        'Pomyśl zarówno o swojej okolicy, jak i o całej gminie.',
        'اپنے محلے کے ساتھ ساتھ پورے بورو کے بارے میں بھی سوچیں۔',
      ),
      questions: [
        {
          key: 'best_thing',
          kind: 'single_choice',
          required: true,
          text: t(
            'What is the best thing about living or working in Stockport?',
            'Co jest najlepsze w mieszkaniu lub pracy w Stockport?',
            'اسٹاک پورٹ میں رہنے یا کام کرنے کی سب سے اچھی بات کیا ہے؟',
          ),
          hint: t('Choose one.', 'Wybierz jedną odpowiedź.', 'ایک جواب منتخب کریں۔'),
          otherPool: 'other_best',
          options: [
            option('parks_green_spaces', t('Parks and green spaces', 'Parki i tereny zielone', 'پارک اور سبزہ زار'), 30, 40),
            option(
              'community_support',
              t(
                'Being part of a community where people support one another',
                'Bycie częścią społeczności, w której ludzie się wspierają',
                'ایک ایسی برادری کا حصہ ہونا جہاں لوگ ایک دوسرے کا ساتھ دیتے ہیں',
              ),
              22,
              14,
            ),
            option('local_shops', t('Local shops, markets and businesses', 'Lokalne sklepy, targi i firmy', 'مقامی دکانیں، بازار اور کاروبار'), 11, 8),
            option('transport_links', t('Good transport links', 'Dobre połączenia komunikacyjne', 'آمد و رفت کی اچھی سہولتیں'), 10, 5),
            option('schools', t('Good schools and colleges', 'Dobre szkoły i uczelnie', 'اچھے اسکول اور کالج'), 7, 12),
            option('culture_heritage', t('Culture, heritage and events', 'Kultura, dziedzictwo i wydarzenia', 'ثقافت، ورثہ اور تقریبات'), 8, 8),
            option('safe_area', t('Feeling safe where I live', 'Poczucie bezpieczeństwa w miejscu zamieszkania', 'اپنے علاقے میں محفوظ محسوس کرنا'), 9, 10),
            otherOption(3, 3),
          ],
        },
        {
          key: 'proud_rating',
          kind: 'rating',
          ratingMax: 10,
          answerRate: 0.94,
          text: t(
            'On a scale of 1 to 10, how proud are you of your local area?',
            'W skali od 1 do 10: na ile twoja okolica jest dla ciebie powodem do dumy?',
            '1 سے 10 کے پیمانے پر، آپ کو اپنے مقامی علاقے پر کتنا فخر ہے؟',
          ),
          hint: t(
            '1 means not at all proud, 10 means very proud.',
            '1 oznacza „wcale”, a 10 – „bardzo”.',
            '1 کا مطلب ہے بالکل فخر نہیں، اور 10 کا مطلب ہے بہت زیادہ فخر۔',
          ),
          weights: [2, 2, 3, 4, 8, 11, 18, 22, 16, 14],
          young: [2, 2, 3, 4, 7, 10, 16, 20, 18, 18],
        },
        {
          key: 'proud_words',
          kind: 'short_text',
          maxLength: 200,
          answerRate: 0.62,
          pool: 'proud',
          text: t(
            'In a few words, what makes your area special?',
            'W kilku słowach: co sprawia, że twoja okolica jest wyjątkowa?',
            'چند الفاظ میں بتائیں کہ آپ کے علاقے کو کیا چیز خاص بناتی ہے؟',
          ),
          hint: t(
            'For example a place, a group or the people.',
            'Na przykład jakieś miejsce, grupa albo ludzie.',
            'مثال کے طور پر کوئی جگہ، کوئی گروپ یا یہاں کے لوگ۔',
          ),
        },
        // Routes to the business and community group section (./one-stockport-routes.ts).
        runsOrg,
      ],
    },
    {
      key: 'future',
      title: t('What is important for you for the future?', 'Co jest dla ciebie ważne na przyszłość?', 'مستقبل کے لیے آپ کے نزدیک کیا اہم ہے؟'),
      intro: t(
        'Think about the next 10 years, for you, your family and your community.',
        'Pomyśl o najbliższych 10 latach – dla siebie, swojej rodziny i swojej społeczności.',
        'اگلے 10 سال کے بارے میں سوچیں، اپنے لیے، اپنے خاندان کے لیے اور اپنی برادری کے لیے۔',
      ),
      questions: [
        {
          key: 'future_important',
          kind: 'multiple_choice',
          maxSelections: 3,
          required: true,
          picks: [7, 18, 75],
          otherPool: 'other_future',
          text: t(
            'Which of these are most important to you for the future of Stockport?',
            'Które z tych spraw są dla ciebie najważniejsze dla przyszłości Stockport?',
            'اسٹاک پورٹ کے مستقبل کے لیے ان میں سے کون سی چیزیں آپ کے لیے سب سے زیادہ اہم ہیں؟',
          ),
          hint: t('Choose up to 3.', 'Wybierz maksymalnie 3.', 'زیادہ سے زیادہ 3 منتخب کریں۔'),
          options: [
            option(
              'health_services',
              t('Access to good quality health services', 'Dostęp do dobrej opieki zdrowotnej', 'اچھے معیار کی طبی سہولتوں تک رسائی'),
              36,
              12,
            ),
            option('jobs', t('Good jobs and training', 'Dobra praca i szkolenia', 'اچھی ملازمتیں اور تربیت'), 15, 24),
            option('green_spaces', t('Parks, green spaces and the environment', 'Parki, tereny zielone i środowisko', 'پارک، سبزہ زار اور ماحول'), 19, 26),
            option('affordable_homes', t('Affordable, good quality homes', 'Dobre mieszkania w przystępnych cenach', 'مناسب قیمت پر اچھے معیار کے گھر'), 13, 8),
            option('education', t('Good schools and education', 'Dobre szkoły i edukacja', 'اچھے اسکول اور تعلیم'), 10, 18),
            option('safe_communities', t('Safe and friendly communities', 'Bezpieczne i przyjazne społeczności', 'محفوظ اور دوستانہ برادریاں'), 14, 12),
            option(
              'public_transport',
              t('Reliable, affordable public transport', 'Niezawodny i tani transport publiczny', 'قابلِ اعتماد اور سستی پبلک ٹرانسپورٹ'),
              10,
              8,
            ),
            option('town_centre', t('A lively town centre', 'Tętniące życiem centrum miasta', 'ایک پُررونق ٹاؤن سینٹر'), 8, 6),
            option(
              'mental_health',
              t('Support for mental health and wellbeing', 'Wsparcie zdrowia psychicznego i dobrego samopoczucia', 'ذہنی صحت اور بہبود کے لیے مدد'),
              12,
              22,
            ),
            otherOption(2, 2),
          ],
        },
        {
          key: 'future_involved',
          kind: 'yes_no',
          answerRate: 0.9,
          text: t(
            'Would you like to be more involved in decisions about your local area?',
            'Czy chcesz mieć większy wpływ na decyzje dotyczące twojej okolicy?',
            'کیا آپ اپنے مقامی علاقے کے بارے میں فیصلوں میں زیادہ شامل ہونا چاہیں گے؟',
          ),
          hint: t(
            'For example through a residents’ group or future consultations.',
            'Na przykład przez grupę mieszkańców lub udział w kolejnych konsultacjach.',
            'مثال کے طور پر رہائشیوں کے کسی گروپ یا آئندہ مشاورتوں کے ذریعے۔',
          ),
          weights: { yes: 38, no: 62 },
          young: { yes: 55, no: 45 },
        },
      ],
    },
    {
      key: 'priorities',
      title: t('What are your priorities for Stockport?', 'Jakie są twoje priorytety dla Stockport?', 'اسٹاک پورٹ کے لیے آپ کی ترجیحات کیا ہیں؟'),
      intro: t(
        'These are the 9 priorities in the draft borough plan, under 3 themes: One Heart, One Home and One Future.',
        'Oto 9 priorytetów z projektu planu dla gminy, pogrupowanych w 3 tematy: Jedno serce, Jeden dom i Jedna przyszłość.',
        'یہ بورو پلان کے مسودے کی 9 ترجیحات ہیں، جو 3 موضوعات میں تقسیم ہیں: ایک دل، ایک گھر اور ایک مستقبل۔',
      ),
      questions: [
        {
          key: 'top_priorities',
          kind: 'ranking',
          rankCount: 3,
          required: true,
          text: t(
            'Which 3 priorities matter most to you?',
            'Które 3 priorytety są dla ciebie najważniejsze?',
            'آپ کے لیے کون سی 3 ترجیحات سب سے زیادہ اہم ہیں؟',
          ),
          hint: t('Put them in order. 1 is the most important.', 'Ułóż je w kolejności. 1 oznacza najważniejszy.', 'انہیں ترتیب دیں۔ 1 سب سے زیادہ اہم ہے۔'),
          options: priorityOptions,
        },
      ],
    },
    {
      key: 'covid',
      title: t(
        'How has Covid-19 affected you and your family?',
        'Jak pandemia Covid-19 wpłynęła na ciebie i twoją rodzinę?',
        'کووڈ-19 نے آپ اور آپ کے خاندان کو کیسے متاثر کیا ہے؟',
      ),
      intro: t(
        'Tell us how far you agree with each statement. There are no right or wrong answers.',
        'Powiedz nam, w jakim stopniu zgadzasz się z każdym stwierdzeniem. Nie ma dobrych ani złych odpowiedzi.',
        'ہمیں بتائیں کہ آپ ہر بیان سے کس حد تک متفق ہیں۔ کوئی جواب صحیح یا غلط نہیں ہے۔',
      ),
      // The four statements are one grid, on the agree scale.
      grids: [covidStatements],
      questions: [
        {
          key: 'covid_connected',
          grid: covidStatements.key,
          kind: 'agree_scale',
          answerRate: 0.96,
          text: t(
            'I feel more connected to my local community since the pandemic',
            'Od czasu pandemii czuję silniejszą więź z moją lokalną społecznością',
            'وبا کے بعد سے اپنی مقامی برادری کے ساتھ میرا تعلق زیادہ مضبوط ہوا ہے',
          ),
          weights: agreeWeights(45, 14, 26),
          young: agreeWeights(38, 10, 30),
        },
        {
          key: 'covid_local_business',
          grid: covidStatements.key,
          kind: 'agree_scale',
          answerRate: 0.95,
          text: t('I will keep supporting local businesses', 'Nadal będę wspierać lokalne firmy', 'میرا ارادہ مقامی کاروباروں کا ساتھ دیتے رہنے کا ہے'),
          weights: agreeWeights(50, 19, 15),
          young: agreeWeights(40, 12, 18),
        },
        {
          key: 'covid_worried_health',
          grid: covidStatements.key,
          kind: 'agree_scale',
          answerRate: 0.95,
          text: t(
            'I am worried about the effect of Covid-19 on my health and wellbeing',
            'Martwię się wpływem Covid-19 na moje zdrowie i samopoczucie',
            'مجھے اپنی صحت اور بہبود پر کووڈ-19 کے اثرات کی فکر ہے',
          ),
          hint: t('This includes your mental health.', 'Dotyczy to także zdrowia psychicznego.', 'اس میں آپ کی ذہنی صحت بھی شامل ہے۔'),
          weights: agreeWeights(52, 25, 22),
          young: agreeWeights(47, 18, 25),
        },
        {
          key: 'covid_online',
          grid: covidStatements.key,
          kind: 'agree_scale',
          answerRate: 0.95,
          text: t(
            'I do more things online than I did before the pandemic',
            'Załatwiam więcej spraw przez internet niż przed pandemią',
            'وبا سے پہلے کے مقابلے میں اب میرے زیادہ کام آن لائن ہوتے ہیں',
          ),
          weights: agreeWeights(68, 30, 14),
          young: agreeWeights(80, 45, 8),
        },
        // Asked only of those who run a business or group; then whether Covid-19 affected them.
        orgRecovered,
        {
          key: 'covid_affected',
          kind: 'yes_no',
          answerRate: 0.93,
          text: t(
            'Has Covid-19 affected you or your family?',
            'Czy Covid-19 wpłynął na ciebie lub twoją rodzinę?',
            'کیا کووڈ-19 نے آپ یا آپ کے خاندان کو متاثر کیا ہے؟',
          ),
          weights: { yes: 71, no: 29 },
          young: { yes: 64, no: 36 },
        },
        {
          key: 'covid_story',
          kind: 'long_text',
          maxLength: 1000,
          answerRate: 0.55,
          pool: 'covid',
          text: t(
            'Tell us how Covid-19 has affected you and your family',
            'Opowiedz nam, jak Covid-19 wpłynął na ciebie i twoją rodzinę',
            'ہمیں بتائیں کہ کووڈ-19 نے آپ اور آپ کے خاندان کو کیسے متاثر کیا ہے',
          ),
          hint: t(
            'For example your health, work, money, schooling or relationships. Please do not include names or details that could identify anyone.',
            'Na przykład na zdrowie, pracę, finanse, naukę lub relacje. Nie podawaj imion ani szczegółów, które pozwoliłyby kogoś zidentyfikować.',
            'مثال کے طور پر آپ کی صحت، کام، مالی حالات، تعلیم یا رشتوں پر۔ براہِ کرم نام یا ایسی تفصیلات شامل نہ کریں جن سے کسی کی شناخت ہو سکے۔',
          ),
        },
      ],
    },
    // Shown only after "yes" to Covid-19 affecting them, and to running a business or group:
    // last, so those who say no or leave the question see the four sections they always did.
    covidEffectsSection,
    businessSection,
    // The seven statements only the young people's version asks (see ./one-stockport-young.ts).
    youngPeopleOnlySection,
  ],
  youth: oneStockportYoung,
  privacy: {
    purpose: t(
      'To shape the One Stockport borough plan for the next 10 years: to understand what residents, businesses and ' +
        'community groups value about Stockport and want for its future, and how Covid-19 has affected them. What we ' +
        'hear is reported to the Area Committees, Scrutiny and Full Council, and published as "what we heard".',
      'Aby ukształtować plan One Stockport dla gminy na najbliższe 10 lat: zrozumieć, co mieszkańcy, firmy i grupy ' +
        'społeczne cenią w Stockport i czego chcą na przyszłość oraz jak wpłynęła na nich pandemia Covid-19. To, co ' +
        'usłyszymy, przedstawiamy komitetom dzielnicowym, komisji kontrolnej i pełnej radzie oraz publikujemy jako „co usłyszeliśmy”.',
      'اگلے 10 سال کے لیے ون اسٹاک پورٹ بورو پلان کی تشکیل کے لیے: یہ سمجھنے کے لیے کہ رہائشی، کاروبار اور کمیونٹی ' +
        'گروپ اسٹاک پورٹ کی کن باتوں کی قدر کرتے ہیں اور اس کے مستقبل کے لیے کیا چاہتے ہیں، اور Covid-19 نے ان پر کیا اثر ڈالا۔ ' +
        'جو ہم سنتے ہیں وہ ایریا کمیٹیوں، اسکروٹنی اور فل کونسل کو پیش کیا جاتا ہے، اور "ہم نے کیا سنا" کے طور پر شائع کیا جاتا ہے۔',
    ),
    purposeYoung: t(
      'We want to hear what you like about Stockport. We want to know what you want to change. Your answers help us plan the next 10 years.',
      'Chcemy usłyszeć, co lubisz w Stockport. Chcemy wiedzieć, co chcesz zmienić. Twoje odpowiedzi pomogą nam zaplanować następne 10 lat.',
      'ہم سننا چاہتے ہیں کہ آپ کو اسٹاک پورٹ میں کیا پسند ہے۔ ہم جاننا چاہتے ہیں کہ آپ کیا بدلنا چاہتے ہیں۔ آپ کے جوابات اگلے 10 سال کی منصوبہ بندی میں ہماری مدد کرتے ہیں۔',
    ),
    sharedWith: t(
      'Council officers who analyse the conversation, and the One Stockport partners (the NHS, Greater Manchester ' +
        'Police and the voluntary sector) as published figures only. We never share your individual answers.',
      'Pracownicy rady, którzy analizują rozmowę, oraz partnerzy One Stockport (NHS, policja Greater Manchester ' +
        'i sektor wolontariacki), którzy otrzymują wyłącznie opublikowane liczby. Nigdy nie przekazujemy Twoich pojedynczych odpowiedzi.',
      'کونسل کے وہ افسران جو گفتگو کا تجزیہ کرتے ہیں، اور ون اسٹاک پورٹ کے شراکت دار (NHS، گریٹر مانچسٹر پولیس اور ' +
        'رضاکار شعبہ) صرف شائع شدہ اعداد و شمار کی صورت میں۔ ہم آپ کے انفرادی جوابات کبھی شیئر نہیں کرتے۔',
    ),
    contact: 'dataprotection@stockport.gov.uk\nInformation Governance, Stockport Council, Fred Perry House, Edward Street, Stockport SK1 3XE',
  },
};
