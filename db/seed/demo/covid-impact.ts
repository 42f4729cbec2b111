import { agreeWeights, option, otherOption, t, type DemoConsultation } from '../demo-dsl';

// Closed and awaiting results: the survey behind the 43% and 48% findings in seed 002.

export const covidImpactSurvey: DemoConsultation = {
  slug: 'covid-impact-survey',
  status: 'closed',
  title: t('Covid-19 impact survey', 'Ankieta o wpływie Covid-19', 'کووڈ-19 کے اثرات کا سروے'),
  summary: t(
    'Tell us how the pandemic has changed life for you, your family and your neighbourhood, and what support has helped.',
    'Powiedz nam, jak pandemia zmieniła życie twoje, twojej rodziny i twojej okolicy oraz jakie wsparcie okazało się pomocne.',
    'ہمیں بتائیں کہ وبا نے آپ کی، آپ کے خاندان کی اور آپ کے محلے کی زندگی کیسے بدلی ہے، اور کس مدد سے فائدہ ہوا۔',
  ),
  whyAsking: t(
    'We want to understand how the pandemic has affected people’s health, work and wellbeing, so that ' +
      'the council and its partners can target support where it is needed most.',
    'Chcemy zrozumieć, jak pandemia wpłynęła na zdrowie, pracę i samopoczucie mieszkańców, aby rada i ' +
      'jej partnerzy mogli kierować wsparcie tam, gdzie jest najbardziej potrzebne.',
    'ہم سمجھنا چاہتے ہیں کہ وبا نے لوگوں کی صحت، کام اور بہبود کو کیسے متاثر کیا ہے، تاکہ کونسل اور اس ' +
      'کے شراکت دار وہاں مدد پہنچا سکیں جہاں اس کی سب سے زیادہ ضرورت ہے۔',
  ),
  whatHappensNext: t(
    'The survey has closed. We are reading every answer and will publish what we heard on this page. The findings will also be reported to Area Committees.',
    'Ankieta została zakończona. Czytamy wszystkie odpowiedzi i opublikujemy na tej stronie to, co ' +
      'usłyszeliśmy. Wyniki zostaną też przedstawione komisjom obszarowym (Area Committees).',
    'سروے بند ہو چکا ہے۔ ہم ہر جواب پڑھ رہے ہیں اور جو کچھ ہم نے سنا وہ اس صفحے پر شائع کریں گے۔ نتائج ایریا کمیٹیوں کو بھی پیش کیے جائیں گے۔',
  ),
  opensInDays: -130,
  closesInDays: -40,
  estimatedMinutes: 7,
  priorities: ['healthy_happy', 'strong_supportive'],
  sections: [
    {
      key: 'impact',
      title: t('The effect on you', 'Wpływ na ciebie', 'آپ پر اثرات'),
      questions: [
        {
          key: 'wellbeing_change',
          kind: 'single_choice',
          required: true,
          text: t(
            'Compared with before the pandemic, how is your wellbeing now?',
            'Jak oceniasz swoje samopoczucie teraz w porównaniu z okresem przed pandemią?',
            'وبا سے پہلے کے مقابلے میں اب آپ کی بہبود کیسی ہے؟',
          ),
          options: [
            option('much_better', t('Much better', 'Dużo lepsze', 'بہت بہتر'), 4),
            option('bit_better', t('A bit better', 'Trochę lepsze', 'کچھ بہتر'), 10),
            option('same', t('About the same', 'Mniej więcej takie samo', 'تقریباً ویسی ہی'), 33),
            option('bit_worse', t('A bit worse', 'Trochę gorsze', 'کچھ خراب'), 34),
            option('much_worse', t('Much worse', 'Dużo gorsze', 'بہت خراب'), 19),
          ],
        },
        {
          key: 'worries',
          kind: 'multiple_choice',
          maxSelections: 3,
          picks: [25, 35, 40],
          answerRate: 0.92,
          otherPool: 'other_generic',
          text: t('What worries you most at the moment?', 'Co martwi cię obecnie najbardziej?', 'اس وقت آپ کو سب سے زیادہ کس بات کی فکر ہے؟'),
          hint: t('Choose up to 3.', 'Wybierz maksymalnie 3.', 'زیادہ سے زیادہ 3 منتخب کریں۔'),
          options: [
            option('physical_health', t('My physical health', 'Moje zdrowie fizyczne', 'میری جسمانی صحت'), 18),
            option('mental_health', t('My mental health', 'Moje zdrowie psychiczne', 'میری ذہنی صحت'), 22, 30),
            option('money', t('Money and paying the bills', 'Pieniądze i opłacanie rachunków', 'پیسے اور بلوں کی ادائیگی'), 24),
            option('job', t('Losing my job or income', 'Utrata pracy lub dochodu', 'ملازمت یا آمدنی کھو دینا'), 16),
            option('education', t('Education and exams', 'Nauka i egzaminy', 'تعلیم اور امتحانات'), 6, 30),
            option('loneliness', t('Feeling lonely', 'Poczucie samotności', 'تنہائی محسوس کرنا'), 14),
            option('family_care', t('Looking after family members', 'Opieka nad członkami rodziny', 'خاندان کے افراد کی دیکھ بھال'), 15),
            otherOption(3),
          ],
        },
        {
          key: 'connected',
          kind: 'agree_scale',
          answerRate: 0.96,
          text: t(
            'I feel more connected to my local community than before lockdown',
            'Czuję silniejszą więź z moją lokalną społecznością niż przed lockdownem',
            'لاک ڈاؤن سے پہلے کے مقابلے میں اپنی مقامی برادری کے ساتھ میرا تعلق زیادہ مضبوط ہے',
          ),
          weights: agreeWeights(43, 12, 26),
        },
        {
          key: 'local_business',
          kind: 'agree_scale',
          answerRate: 0.96,
          text: t(
            'I will continue to support local businesses in the future',
            'W przyszłości nadal będę wspierać lokalne firmy',
            'میرا ارادہ مستقبل میں بھی مقامی کاروباروں کا ساتھ دیتے رہنے کا ہے',
          ),
          weights: agreeWeights(48, 17, 15),
        },
      ],
    },
    {
      key: 'support',
      title: t('Support and help', 'Wsparcie i pomoc', 'مدد اور تعاون'),
      intro: t(
        'This includes help from the council, the NHS, charities, faith groups, neighbours and friends.',
        'Chodzi o pomoc od rady, NHS, organizacji charytatywnych, wspólnot wyznaniowych, sąsiadów i przyjaciół.',
        'اس میں کونسل، این ایچ ایس، خیراتی اداروں، مذہبی گروپوں، پڑوسیوں اور دوستوں کی مدد شامل ہے۔',
      ),
      questions: [
        {
          key: 'volunteered',
          kind: 'yes_no',
          answerRate: 0.94,
          text: t(
            'Have you helped a neighbour or volunteered in your community since March 2020?',
            'Czy od marca 2020 roku pomagasz sąsiadom lub angażujesz się w wolontariat w swojej okolicy?',
            'کیا مارچ 2020 سے اب تک آپ نے کسی پڑوسی کی مدد کی ہے یا اپنی برادری میں رضاکارانہ کام کیا ہے؟',
          ),
          weights: { yes: 41, no: 59 },
        },
        {
          key: 'support_rating',
          kind: 'rating',
          ratingMax: 5,
          answerRate: 0.9,
          text: t(
            'How well were you supported by local services during the pandemic?',
            'Jak oceniasz wsparcie, które lokalne służby zapewniły ci w czasie pandemii?',
            'وبا کے دوران مقامی اداروں نے آپ کی کتنی اچھی مدد کی؟',
          ),
          hint: t(
            '1 means not at all well, 5 means very well.',
            '1 oznacza „bardzo źle”, a 5 – „bardzo dobrze”.',
            '1 کا مطلب ہے بالکل اچھی نہیں، اور 5 کا مطلب ہے بہت اچھی۔',
          ),
          weights: [10, 16, 32, 28, 14],
        },
        {
          key: 'support_needed',
          kind: 'long_text',
          maxLength: 1000,
          answerRate: 0.45,
          pool: 'support',
          text: t(
            'What support would help you or your family most now?',
            'Jakie wsparcie najbardziej pomogłoby teraz tobie lub twojej rodzinie?',
            'اس وقت کون سی مدد آپ یا آپ کے خاندان کے لیے سب سے زیادہ فائدہ مند ہوگی؟',
          ),
        },
      ],
    },
  ],
};
