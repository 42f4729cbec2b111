import { option, otherOption, t, type DemoConsultation } from '../demo-dsl';

// A draft being prepared by officers: it must never be visible to the public.

export const libraryOpeningHours: DemoConsultation = {
  slug: 'library-opening-hours',
  status: 'draft',
  title: t('Library opening hours', 'Godziny otwarcia bibliotek', 'لائبریریوں کے اوقاتِ کار'),
  summary: t(
    'Help us plan opening hours at Stockport’s libraries so that they work for the people who use them.',
    'Pomóż nam zaplanować godziny otwarcia bibliotek w Stockport tak, aby odpowiadały osobom, które z nich korzystają.',
    'اسٹاک پورٹ کی لائبریریوں کے اوقاتِ کار طے کرنے میں ہماری مدد کریں تاکہ وہ ان لوگوں کے لیے موزوں ہوں جو انہیں استعمال کرتے ہیں۔',
  ),
  whyAsking: t(
    'We want to make the best use of our libraries and our staff’s time. Before we change anything, we need to know when you visit and when you would like to.',
    'Chcemy jak najlepiej wykorzystać nasze biblioteki i czas naszych pracowników. Zanim cokolwiek ' +
      'zmienimy, musimy wiedzieć, kiedy przychodzisz do biblioteki i kiedy chcesz przychodzić.',
    'ہم اپنی لائبریریوں اور اپنے عملے کے وقت کا بہترین استعمال کرنا چاہتے ہیں۔ کچھ بھی تبدیل کرنے سے ' +
      'پہلے ہمیں یہ جاننا ضروری ہے کہ آپ کب لائبریری آتے ہیں اور کب آنا چاہیں گے۔',
  ),
  whatHappensNext: t(
    'When the consultation closes we will publish the results on this page. We will explain any changes to opening hours at least a month before they happen.',
    'Po zakończeniu konsultacji opublikujemy wyniki na tej stronie. O wszelkich zmianach godzin otwarcia poinformujemy co najmniej miesiąc wcześniej.',
    'مشاورت ختم ہونے کے بعد ہم نتائج اس صفحے پر شائع کریں گے۔ اوقاتِ کار میں کسی بھی تبدیلی کے بارے میں ہم کم از کم ایک مہینہ پہلے وضاحت کریں گے۔',
  ),
  opensInDays: 21,
  closesInDays: 63,
  estimatedMinutes: 4,
  priorities: ['flourishing_creative', 'skilled_confident', 'radically_digital'],
  sections: [
    {
      key: 'use',
      title: t('How you use libraries', 'Jak korzystasz z bibliotek', 'آپ لائبریریوں کو کیسے استعمال کرتے ہیں'),
      questions: [
        {
          key: 'library_used',
          kind: 'single_choice',
          required: true,
          otherPool: 'other_generic',
          text: t('Which library do you use most?', 'Z której biblioteki korzystasz najczęściej?', 'آپ کون سی لائبریری سب سے زیادہ استعمال کرتے ہیں؟'),
          options: [
            option('central', t('Central Library', 'Biblioteka Centralna (Central Library)', 'سینٹرل لائبریری'), 20),
            option('bramhall', t('Bramhall', 'Bramhall', 'بریمہال'), 12),
            option('cheadle', t('Cheadle', 'Cheadle', 'چیڈل'), 12),
            option('edgeley', t('Edgeley', 'Edgeley', 'ایجلی'), 8),
            option('hazel_grove', t('Hazel Grove', 'Hazel Grove', 'ہیزل گرو'), 10),
            option('marple', t('Marple', 'Marple', 'مارپل'), 10),
            option('reddish', t('Reddish', 'Reddish', 'ریڈش'), 10),
            otherOption(8),
          ],
        },
        {
          key: 'preferred_times',
          kind: 'multiple_choice',
          maxSelections: null,
          picks: [30, 35, 20, 10, 5],
          text: t(
            'When would you most like your library to be open?',
            'Kiedy najbardziej chcesz, aby twoja biblioteka była otwarta?',
            'آپ کس وقت چاہیں گے کہ آپ کی لائبریری کھلی ہو؟',
          ),
          hint: t('Choose all that apply.', 'Zaznacz wszystkie pasujące odpowiedzi.', 'جو بھی لاگو ہوں، سب منتخب کریں۔'),
          options: [
            option('weekday_mornings', t('Weekday mornings', 'Dni powszednie, rano', 'ہفتے کے دنوں میں صبح'), 14),
            option('weekday_afternoons', t('Weekday afternoons', 'Dni powszednie, po południu', 'ہفتے کے دنوں میں دوپہر'), 16),
            option('weekday_evenings', t('Weekday evenings', 'Dni powszednie, wieczorem', 'ہفتے کے دنوں میں شام'), 24),
            option('saturdays', t('Saturdays', 'Soboty', 'ہفتہ'), 30),
            option('sundays', t('Sundays', 'Niedziele', 'اتوار'), 16),
          ],
        },
        {
          key: 'hours_comments',
          kind: 'long_text',
          maxLength: 1000,
          answerRate: 0.4,
          pool: 'library',
          text: t(
            'Is there anything else we should know about how you use your library?',
            'Czy jest coś jeszcze, co powinniśmy wiedzieć o tym, jak korzystasz ze swojej biblioteki?',
            'کیا کوئی اور بات ہے جو ہمیں جاننی چاہیے کہ آپ اپنی لائبریری کو کیسے استعمال کرتے ہیں؟',
          ),
        },
      ],
    },
  ],
};
