import { option, otherOption, t, type DemoConsultation } from '../demo-dsl';

// Results published: the finished example of "you said, we did".

export const parksAndGreenSpaces: DemoConsultation = {
  slug: 'parks-and-green-spaces',
  status: 'results_published',
  title: t('Parks and green spaces: what you value', 'Parki i tereny zielone: co jest dla ciebie ważne', 'پارک اور سبزہ زار: آپ کے لیے کیا اہم ہے'),
  summary: t(
    'Tell us how you use Stockport’s parks, woodlands and green spaces, and what would make them better.',
    'Powiedz nam, jak korzystasz z parków, lasów i terenów zielonych w Stockport i co mogłoby je ulepszyć.',
    'ہمیں بتائیں کہ آپ اسٹاک پورٹ کے پارکوں، جنگلات اور سبزہ زاروں کو کیسے استعمال کرتے ہیں اور انہیں بہتر بنانے کے لیے کیا کیا جا سکتا ہے۔',
  ),
  whyAsking: t(
    'Residents have told us that parks and green spaces are the best thing about living in Stockport. We ' +
      'are writing a new plan for our parks and want it to reflect how people really use them.',
    'Mieszkańcy mówią nam, że parki i tereny zielone to najlepsze, co ma do zaoferowania Stockport. ' +
      'Przygotowujemy nowy plan dla naszych parków i chcemy, aby odzwierciedlał to, jak ludzie naprawdę z ' +
      'nich korzystają.',
    'رہائشیوں نے ہمیں بتایا ہے کہ پارک اور سبزہ زار اسٹاک پورٹ میں رہنے کی سب سے اچھی بات ہیں۔ ہم اپنے ' +
      'پارکوں کے لیے ایک نیا منصوبہ تیار کر رہے ہیں اور چاہتے ہیں کہ یہ اس بات کی عکاسی کرے کہ لوگ انہیں ' +
      'اصل میں کیسے استعمال کرتے ہیں۔',
  ),
  whatHappensNext: t(
    'Thank you to everyone who took part. The results are published on this page and have been shared ' +
      'with Area Committees and the parks team, who are using them to decide where to spend money first.',
    'Dziękujemy wszystkim, którzy wzięli udział. Wyniki są opublikowane na tej stronie i zostały ' +
      'przekazane komisjom obszarowym oraz zespołowi ds. parków, który korzysta z nich, decydując, na co ' +
      'najpierw przeznaczyć pieniądze.',
    'حصہ لینے والے سب لوگوں کا شکریہ۔ نتائج اس صفحے پر شائع کر دیے گئے ہیں اور ایریا کمیٹیوں اور پارکس ' +
      'ٹیم کے ساتھ شیئر کیے گئے ہیں، جو انہیں یہ طے کرنے کے لیے استعمال کر رہی ہے کہ پیسہ سب سے پہلے کہاں ' +
      'خرچ کیا جائے۔',
  ),
  opensInDays: -300,
  closesInDays: -230,
  estimatedMinutes: 5,
  priorities: ['flourishing_creative', 'climate_friendly'],
  sections: [
    {
      key: 'visits',
      title: t('Your visits', 'Twoje wizyty', 'آپ کا آنا جانا'),
      questions: [
        {
          key: 'visit_frequency',
          kind: 'single_choice',
          required: true,
          text: t(
            'How often do you visit a park or green space in Stockport?',
            'Jak często odwiedzasz park lub teren zielony w Stockport?',
            'آپ اسٹاک پورٹ میں کسی پارک یا سبزہ زار میں کتنی بار جاتے ہیں؟',
          ),
          options: [
            option('most_days', t('Most days', 'Prawie codziennie', 'تقریباً روزانہ'), 31),
            option('weekly', t('At least once a week', 'Co najmniej raz w tygodniu', 'ہفتے میں کم از کم ایک بار'), 38),
            option('monthly', t('At least once a month', 'Co najmniej raz w miesiącu', 'مہینے میں کم از کم ایک بار'), 18),
            option('few_times_year', t('A few times a year', 'Kilka razy w roku', 'سال میں چند بار'), 10),
            option('never', t('Never', 'Nigdy', 'کبھی نہیں'), 3),
          ],
        },
        {
          key: 'visit_reasons',
          kind: 'multiple_choice',
          maxSelections: null,
          picks: [20, 30, 25, 15, 10],
          answerRate: 0.95,
          otherPool: 'other_generic',
          text: t(
            'What do you go to parks and green spaces for?',
            'Po co chodzisz do parków i na tereny zielone?',
            'آپ پارکوں اور سبزہ زاروں میں کس لیے جاتے ہیں؟',
          ),
          hint: t('Choose all that apply.', 'Zaznacz wszystkie pasujące odpowiedzi.', 'جو بھی لاگو ہوں، سب منتخب کریں۔'),
          options: [
            option('walking', t('Walking', 'Spacery', 'چہل قدمی'), 30),
            option('dog', t('Walking a dog', 'Spacery z psem', 'کتے کو گھمانا'), 16),
            option('play', t('Children’s play', 'Zabawa dzieci', 'بچوں کا کھیل'), 18, 26),
            option('sport', t('Sport and exercise', 'Sport i ćwiczenia', 'کھیل اور ورزش'), 14, 24),
            option('nature', t('Enjoying nature and wildlife', 'Kontakt z przyrodą', 'قدرت اور جنگلی حیات سے لطف اندوز ہونا'), 17),
            option('meeting', t('Meeting friends and family', 'Spotkania z przyjaciółmi i rodziną', 'دوستوں اور خاندان سے ملنا'), 15, 22),
            option('events', t('Events', 'Wydarzenia', 'تقریبات'), 6),
            option('quiet', t('Peace and quiet', 'Cisza i spokój', 'سکون اور خاموشی'), 12),
            otherOption(2),
          ],
        },
      ],
    },
    {
      key: 'improve',
      title: t('Making them better', 'Co można ulepszyć', 'انہیں بہتر بنانا'),
      questions: [
        {
          key: 'improvements',
          kind: 'ranking',
          rankCount: 3,
          answerRate: 0.9,
          text: t(
            'Which 3 improvements would make the most difference?',
            'Które 3 zmiany miałyby największe znaczenie?',
            'کون سی 3 بہتریاں سب سے زیادہ فرق ڈالیں گی؟',
          ),
          hint: t('Put them in order. 1 is the most important.', 'Ułóż je w kolejności. 1 oznacza najważniejszą.', 'انہیں ترتیب دیں۔ 1 سب سے زیادہ اہم ہے۔'),
          options: [
            option('toilets_cafes', t('Toilets and cafés', 'Toalety i kawiarnie', 'بیت الخلا اور کیفے'), 22),
            option('play_areas', t('Better play areas', 'Lepsze place zabaw', 'کھیل کی بہتر جگہیں'), 16, 28),
            option('paths_lighting', t('Paths and lighting', 'Ścieżki i oświetlenie', 'راستے اور روشنی'), 19),
            option('trees_wildlife', t('More trees and wildlife', 'Więcej drzew i dzikiej przyrody', 'زیادہ درخت اور جنگلی حیات'), 17, 20),
            option('bins_litter', t('Bins and less litter', 'Kosze i mniej śmieci', 'کوڑے دان اور کم کچرا'), 18),
            option('seating', t('More seating', 'Więcej ławek', 'بیٹھنے کی زیادہ جگہیں'), 10),
            option('events', t('More events and activities', 'Więcej wydarzeń i zajęć', 'زیادہ تقریبات اور سرگرمیاں'), 8, 14),
          ],
        },
        {
          key: 'park_rating',
          kind: 'rating',
          ratingMax: 5,
          answerRate: 0.93,
          text: t(
            'Overall, how would you rate the park or green space you visit most?',
            'Jak ogólnie oceniasz park lub teren zielony, który odwiedzasz najczęściej?',
            'مجموعی طور پر، آپ جس پارک یا سبزہ زار میں سب سے زیادہ جاتے ہیں اسے کیسا درجہ دیں گے؟',
          ),
          hint: t(
            '1 means very poor, 5 means very good.',
            '1 oznacza „bardzo źle”, a 5 – „bardzo dobrze”.',
            '1 کا مطلب ہے بہت خراب، اور 5 کا مطلب ہے بہت اچھا۔',
          ),
          weights: [4, 9, 24, 40, 23],
        },
        {
          key: 'park_name',
          kind: 'short_text',
          maxLength: 100,
          answerRate: 0.7,
          pool: 'park_name',
          text: t(
            'Which park or green space do you visit most?',
            'Który park lub teren zielony odwiedzasz najczęściej?',
            'آپ کس پارک یا سبزہ زار میں سب سے زیادہ جاتے ہیں؟',
          ),
        },
        {
          key: 'park_comments',
          kind: 'long_text',
          maxLength: 1000,
          answerRate: 0.45,
          pool: 'parks',
          text: t(
            'Is there anything else you would like to tell us about parks and green spaces?',
            'Czy chcesz nam jeszcze coś powiedzieć o parkach i terenach zielonych?',
            'کیا آپ پارکوں اور سبزہ زاروں کے بارے میں ہمیں کچھ اور بتانا چاہیں گے؟',
          ),
        },
      ],
    },
  ],
};
