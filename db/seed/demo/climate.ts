import { agreeWeights, option, otherOption, t, type DemoConsultation } from '../demo-dsl';

export const climateFriendlyStockport: DemoConsultation = {
  slug: 'climate-friendly-stockport',
  status: 'open',
  title: t(
    'A climate friendly Stockport: how we travel and live',
    'Stockport przyjazny dla klimatu: jak podróżujemy i żyjemy',
    'ماحول دوست اسٹاک پورٹ: ہم کیسے سفر کرتے اور رہتے ہیں',
  ),
  summary: t(
    'Tell us what you think about walking, cycling and local services, and which climate actions should come first.',
    'Powiedz nam, co myślisz o chodzeniu pieszo, jeździe na rowerze i lokalnych usługach oraz które działania na rzecz klimatu powinny być pierwsze.',
    'ہمیں بتائیں کہ آپ پیدل چلنے، سائیکل چلانے اور مقامی سہولتوں کے بارے میں کیا سوچتے ہیں، اور ماحول کے لیے کون سے اقدامات سب سے پہلے ہونے چاہئیں۔',
  ),
  whyAsking: t(
    'Stockport Council declared a climate emergency in 2019. Much of the borough’s carbon comes from how ' +
      'we travel and how we heat our homes. We want to understand what would help people make more ' +
      'journeys on foot, by bike or by public transport, and what help people need at home.',
    'Rada Stockport ogłosiła stan kryzysu klimatycznego w 2019 roku. Duża część emisji dwutlenku węgla w ' +
      'gminie pochodzi z tego, jak podróżujemy i jak ogrzewamy domy. Chcemy zrozumieć, co pomogłoby ' +
      'ludziom częściej chodzić pieszo, jeździć rowerem lub korzystać z transportu publicznego, i jakiej ' +
      'pomocy potrzebują w domu.',
    'اسٹاک پورٹ کونسل نے 2019 میں موسمیاتی ایمرجنسی کا اعلان کیا تھا۔ بورو کا زیادہ تر کاربن اس بات سے ' +
      'پیدا ہوتا ہے کہ ہم کیسے سفر کرتے ہیں اور اپنے گھروں کو کیسے گرم رکھتے ہیں۔ ہم سمجھنا چاہتے ہیں کہ ' +
      'لوگ زیادہ سفر پیدل، سائیکل یا پبلک ٹرانسپورٹ سے کیسے کر سکتے ہیں، اور گھر پر انہیں کس مدد کی ضرورت ' +
      'ہے۔',
  ),
  whatHappensNext: t(
    'Your views will help shape the borough’s Climate Action Now plan. We will publish a summary of the results on this page.',
    'Twoje opinie pomogą przygotować gminny plan działań na rzecz klimatu (Climate Action Now). Podsumowanie wyników opublikujemy na tej stronie.',
    'آپ کی رائے بورو کے کلائمیٹ ایکشن ناؤ منصوبے کی تشکیل میں مدد کرے گی۔ ہم نتائج کا خلاصہ اس صفحے پر شائع کریں گے۔',
  ),
  opensInDays: -21,
  closesInDays: 40,
  estimatedMinutes: 5,
  priorities: ['climate_friendly', 'healthy_happy'],
  sections: [
    {
      key: 'travel',
      title: t('Getting around', 'Poruszanie się po okolicy', 'آنا جانا'),
      intro: t(
        'A 20-minute neighbourhood is one where most everyday needs, such as shops, a GP, a school and a ' +
          'park, are within a 20-minute walk, cycle or bus ride from home.',
        'Dzielnica 20-minutowa to taka, w której większość codziennych potrzeb – sklepy, przychodnia, szkoła ' +
          'i park – jest w zasięgu 20 minut pieszo, rowerem lub autobusem od domu.',
        '20 منٹ کا محلہ وہ ہے جہاں روزمرہ کی زیادہ تر ضروریات، جیسے دکانیں، جی پی، اسکول اور پارک، گھر سے 20 منٹ کی پیدل، سائیکل یا بس کی مسافت پر ہوں۔',
      ),
      questions: [
        {
          key: 'twenty_minute',
          kind: 'agree_scale',
          required: true,
          text: t(
            'I would like most of my everyday needs to be within a 20-minute walk or cycle of my home',
            'Chcę, aby większość moich codziennych potrzeb była w zasięgu 20 minut pieszo lub rowerem od domu',
            'میری خواہش ہے کہ میری روزمرہ کی زیادہ تر ضروریات گھر سے 20 منٹ کی پیدل یا سائیکل کی مسافت پر ہوں',
          ),
          weights: agreeWeights(71, 34, 11),
          young: agreeWeights(78, 40, 8),
        },
        {
          key: 'cycle_lanes',
          kind: 'agree_scale',
          answerRate: 0.95,
          text: t(
            'Stockport should have more protected cycle lanes, even if this means less road space for cars',
            'Stockport powinien mieć więcej wydzielonych dróg rowerowych, nawet kosztem miejsca dla samochodów',
            'اسٹاک پورٹ میں محفوظ سائیکل لینز زیادہ ہونی چاہئیں، چاہے اس سے گاڑیوں کے لیے سڑک پر جگہ کم ہو جائے',
          ),
          weights: agreeWeights(46, 21, 38),
          young: agreeWeights(62, 30, 20),
        },
        {
          key: 'usual_travel',
          kind: 'single_choice',
          answerRate: 0.96,
          otherPool: 'other_generic',
          text: t(
            'How do you usually make short local journeys?',
            'Jak zwykle pokonujesz krótkie trasy w okolicy?',
            'آپ عام طور پر مقامی مختصر سفر کیسے کرتے ہیں؟',
          ),
          options: [
            option('walk', t('Walk or wheel', 'Pieszo lub na wózku', 'پیدل یا وہیل چیئر پر'), 34, 45),
            option('cycle', t('Cycle', 'Rowerem', 'سائیکل پر'), 6, 9),
            option('public_transport', t('Bus, tram or train', 'Autobusem, tramwajem lub pociągiem', 'بس، ٹرام یا ٹرین سے'), 14, 20),
            option('car', t('Car or van', 'Samochodem', 'کار یا وین سے'), 43, 24),
            otherOption(3, 2),
          ],
        },
      ],
    },
    {
      key: 'actions',
      title: t('What should we do first?', 'Od czego powinniśmy zacząć?', 'ہمیں سب سے پہلے کیا کرنا چاہیے؟'),
      intro: t(
        'The council and its partners cannot do everything at once. Tell us where to start.',
        'Rada i jej partnerzy nie mogą zrobić wszystkiego naraz. Powiedz nam, od czego zacząć.',
        'کونسل اور اس کے شراکت دار سب کچھ ایک ساتھ نہیں کر سکتے۔ ہمیں بتائیں کہ کہاں سے شروع کریں۔',
      ),
      questions: [
        {
          key: 'first_actions',
          kind: 'multiple_choice',
          maxSelections: 3,
          required: true,
          picks: [10, 20, 70],
          otherPool: 'other_generic',
          text: t(
            'Which of these should the council and its partners do first?',
            'Które z tych działań rada i jej partnerzy powinni podjąć najpierw?',
            'کونسل اور اس کے شراکت داروں کو ان میں سے کون سے کام سب سے پہلے کرنے چاہئیں؟',
          ),
          hint: t('Choose up to 3.', 'Wybierz maksymalnie 3.', 'زیادہ سے زیادہ 3 منتخب کریں۔'),
          options: [
            option('more_trees', t('Plant more trees', 'Sadzić więcej drzew', 'زیادہ درخت لگانا'), 20, 28),
            option('home_insulation', t('Help with insulating homes', 'Pomoc w ociepleniu domów', 'گھروں کی انسولیشن میں مدد'), 22, 8),
            option(
              'ev_charging',
              t('More charging points for electric cars', 'Więcej ładowarek do samochodów elektrycznych', 'برقی گاڑیوں کے لیے مزید چارجنگ پوائنٹس'),
              12,
              10,
            ),
            option('safer_walking', t('Safer walking routes', 'Bezpieczniejsze trasy piesze', 'پیدل چلنے کے زیادہ محفوظ راستے'), 16, 14),
            option('bus_services', t('Better bus services', 'Lepsze połączenia autobusowe', 'بہتر بس سروس'), 18, 16),
            option(
              'school_streets',
              t('School streets with fewer cars', 'Ulice przy szkołach z mniejszym ruchem aut', 'اسکولوں کے پاس کم گاڑیوں والی گلیاں'),
              8,
              10,
            ),
            option('reduce_waste', t('Less waste and more recycling', 'Mniej odpadów i więcej recyklingu', 'کم کچرا اور زیادہ ری سائیکلنگ'), 15, 22),
            option(
              'solar_public_buildings',
              t('Solar panels on public buildings', 'Panele słoneczne na budynkach publicznych', 'سرکاری عمارتوں پر سولر پینل'),
              12,
              12,
            ),
            otherOption(2, 1),
          ],
        },
        {
          key: 'home_changes',
          kind: 'yes_no',
          answerRate: 0.9,
          text: t(
            'Have you made changes at home in the last year to use less energy?',
            'Czy w ostatnim roku wprowadzono w twoim domu zmiany, aby zużywać mniej energii?',
            'کیا پچھلے ایک سال میں آپ نے کم توانائی استعمال کرنے کے لیے گھر میں کوئی تبدیلیاں کی ہیں؟',
          ),
          hint: t(
            'For example draught-proofing, turning the heating down or fitting solar panels.',
            'Na przykład uszczelnienie okien i drzwi, obniżenie temperatury ogrzewania lub montaż paneli słonecznych.',
            'مثال کے طور پر دروازوں اور کھڑکیوں سے ہوا کا راستہ بند کرنا، ہیٹنگ کم کرنا یا سولر پینل لگوانا۔',
          ),
          weights: { yes: 58, no: 42 },
          young: { yes: 40, no: 60 },
        },
        {
          key: 'climate_ideas',
          kind: 'long_text',
          maxLength: 1000,
          answerRate: 0.5,
          pool: 'climate',
          text: t(
            'Do you have any other ideas for a greener Stockport?',
            'Czy masz inne pomysły na bardziej zielony Stockport?',
            'کیا آپ کے پاس اسٹاک پورٹ کو زیادہ سرسبز بنانے کے لیے کوئی اور تجاویز ہیں؟',
          ),
        },
      ],
    },
  ],
};
