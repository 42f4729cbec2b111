import { pick, type Random } from './random';

// Free-text answers for demo responses, built from sentences in the spirit of what Stockport
// people told the council (seed 000, "People told us"). The first sentence list is always
// used; each later list adds a sentence some of the time, so answers vary in length and content.

type Sentences = readonly (readonly string[])[];
interface Pool {
  en: Sentences;
  pl?: Sentences;
  ur?: Sentences;
}

const POOLS = {
  proud: {
    en: [
      [
        'The people.',
        'Friendly neighbours who look out for each other.',
        'Bramhall Park and the woods.',
        'The Peak District on the doorstep.',
        'Our local high street and the independent shops.',
        'The Market Hall and the Underbanks.',
        'Everyone pulled together during lockdown.',
        'Good schools and lots for families to do.',
        'The canal towpath and Marple locks.',
        'Reddish Vale Country Park.',
        'The community centre and the groups that meet there.',
        'Easy to get into Manchester but it still feels like a town.',
        'Woodbank Park and the River Goyt.',
        'The Plaza and the Hat Works museum.',
        'Stockport County on a Saturday.',
        'The Heatons feel like a village.',
      ],
      [
        'It feels like home.',
        'People say hello in the street.',
        'I have lived here all my life.',
        'My children love it.',
        'There is always something going on.',
        'We moved here for it and have never regretted it.',
        'It is getting better every year.',
        'It is why I stay.',
      ],
    ],
    pl: [
      [
        'Ludzie są bardzo życzliwi.',
        'Parki i dużo zieleni.',
        'Blisko do Manchesteru, a jednak spokojnie.',
        'Sąsiedzi pomagali sobie w czasie lockdownu.',
        'Dobre szkoły dla dzieci.',
      ],
      ['Czuję się tu jak w domu.', 'Mieszkamy tu od kilku lat i nie żałujemy.'],
    ],
    ur: [
      ['یہاں کے لوگ بہت ملنسار ہیں۔', 'پارک اور کھلی جگہیں بہت اچھی ہیں۔', 'ہماری مسجد اور کمیونٹی سینٹر سب کی مدد کرتے ہیں۔', 'بچوں کے لیے اچھے اسکول ہیں۔'],
      ['یہ ہمارا گھر ہے۔', 'ہم یہاں بیس سال سے رہ رہے ہیں۔'],
    ],
  },
  // Young people's words about where they live, as they would write them.
  young_proud: {
    en: [
      [
        'The park near my house.',
        'My friends live near me.',
        'The woods. We make dens there.',
        'Going to the football with my dad.',
        'The skate park.',
        'My school is good and the teachers are nice.',
        'There are lots of places to play.',
        'The people are kind.',
        'Swimming at the leisure centre.',
        'The library does fun things in the holidays.',
        'The youth club.',
        'Walking my dog by the river.',
        'The market and the food.',
        'Everyone knows each other.',
      ],
      ['I like it here.', 'It is home.', 'It is never boring.', 'My whole family lives here.', 'But there could be more for teenagers to do.'],
    ],
    pl: [
      ['Park blisko mojego domu.', 'Moi przyjaciele mieszkają blisko.', 'Boisko i plac zabaw.', 'Ludzie są mili.'],
      ['Lubię tu mieszkać.', 'Tu jest mój dom.'],
    ],
    ur: [
      ['میرے گھر کے پاس والا پارک۔', 'میرے دوست پاس ہی رہتے ہیں۔', 'یہاں کے لوگ اچھے ہیں۔', 'مسجد میں بچوں کے لیے کلب۔'],
      ['مجھے یہ جگہ پسند ہے۔', 'یہ میرا گھر ہے۔'],
    ],
  },
  covid: {
    en: [
      [
        'Lockdown was very hard for our family.',
        'I lost my job in the first lockdown and I am still looking for work.',
        'My mental health got much worse while we were shut in.',
        'I was shielding for months and felt very isolated.',
        'Home schooling two children while working full time was exhausting.',
        'We got to know our neighbours properly for the first time.',
        'My business had to close for months and we are still catching up.',
        'I could not visit my mum in her care home for nearly a year.',
        'I started volunteering with the local food bank.',
        'Working from home has given me more time with my family.',
        'My hospital appointments were cancelled and my condition got worse.',
        'I caught Covid and I still get tired very easily.',
        'Money has been really tight since my hours were cut.',
        'My son found it hard to go back to school.',
      ],
      [
        'The support from the community hub made a real difference.',
        'Our street set up a WhatsApp group so nobody went without shopping.',
        'I worry about what happens when the support stops.',
        'I now do most of my shopping locally.',
        'We walk in the local parks far more than we used to.',
        'It has made me realise how much I value my friends and family.',
        'Video calls helped, but they are not the same as seeing people.',
        'I am more anxious in crowded places than I was.',
        'My GP practice was very good, but it was hard to get through on the phone.',
        'The children missed their friends and their clubs.',
      ],
      [
        'I would like more face-to-face support for people who are not online.',
        'Please keep the community spirit going.',
        'Mental health services need more investment.',
        'Local businesses need help to get back on their feet.',
        'Young people have missed out on so much and need opportunities now.',
        'I hope the council remembers how much the volunteers did.',
      ],
    ],
    pl: [
      [
        'Podczas lockdownu straciłam pracę.',
        'Dzieci bardzo tęskniły za szkołą i przyjaciółmi.',
        'Przez ponad rok nie mogłem odwiedzić rodziny w Polsce.',
        'Praca z domu w małym mieszkaniu była bardzo trudna.',
      ],
      [
        'Sąsiedzi robili nam zakupy, gdy byliśmy na kwarantannie.',
        'Informacje powinny być dostępne także w innych językach.',
        'Martwię się o przyszłość i o koszty życia.',
      ],
    ],
    ur: [
      [
        'لاک ڈاؤن ہمارے خاندان کے لیے بہت مشکل وقت تھا۔',
        'میرے والد بیمار تھے اور ہم ان سے مل نہیں سکتے تھے۔',
        'میرا کاروبار کئی مہینے بند رہا۔',
        'بچوں کی پڑھائی کا بہت نقصان ہوا۔',
      ],
      ['محلے کے لوگوں نے ایک دوسرے کی بہت مدد کی۔', 'معلومات اردو میں بھی ملنی چاہئیں۔', 'اب ہم مقامی دکانوں سے زیادہ خریداری کرتے ہیں۔'],
    ],
  },
  climate: {
    en: [
      [
        'Safer cycle routes into the town centre would get me out of the car.',
        'We need more frequent buses, especially in the evenings.',
        'Plant more trees on residential streets.',
        'Help with the cost of insulating older houses would make a big difference.',
        'There should be more charging points for electric cars on streets without driveways.',
        'School streets have made the school run much calmer.',
        'The council should lead by example with solar panels on its own buildings.',
        'Make it easier to recycle soft plastics.',
        'Protect the green belt from more building.',
        'Pavements are often blocked by parked cars, so walking feels unsafe.',
      ],
      [
        'Many people want to do the right thing but cannot afford to.',
        'It has to be affordable for families on low incomes.',
        'Young people care about this a lot.',
        'Tell us what difference the changes are making.',
        'Work with local businesses as well as residents.',
        'Please do not just add costs for drivers without better alternatives.',
      ],
    ],
  },
  park_name: {
    en: [
      [
        'Bramhall Park',
        'Woodbank Park',
        'Vernon Park',
        'Reddish Vale Country Park',
        'Etherow Country Park',
        'Bruntwood Park',
        'Abney Hall Park',
        'Torkington Park',
        'Brabyns Park',
        'Alexandra Park',
        'Heaton Moor Park',
        'Chadkirk Country Estate',
        'Happy Valley',
        'Memorial Park, Marple',
      ],
    ],
  },
  parks: {
    en: [
      [
        'The toilets are often closed, which makes a day out with small children hard.',
        'I would love to see more wildflower areas.',
        'The paths get very muddy in winter.',
        'Better lighting would make me feel safer walking home through the park.',
        'The play area is tired and needs updating.',
        'Dog fouling is a real problem near the entrance.',
        'The volunteers who look after our park do a brilliant job.',
        'More benches would help older people who need to rest.',
        'A small café would bring more people in.',
        'The bins overflow at weekends in summer.',
      ],
      [
        'It is the main reason we moved to the area.',
        'Our park was a lifeline during lockdown.',
        'Please keep it free to use.',
        'More events would bring the community together.',
        'Young people need somewhere to go too.',
      ],
    ],
  },
  support: {
    en: [
      [
        'Help finding work that fits around childcare.',
        'Shorter waiting times for mental health support.',
        'Someone to talk to about money and debt.',
        'More activities for young people in the holidays.',
        'Help to get online and use video calls.',
        'A regular phone call for older people who live alone.',
        'A break for unpaid carers.',
        'Help with energy bills.',
      ],
      [
        'I do not know where to go for help.',
        'Information needs to be in other languages too.',
        'Face to face is better than a website for me.',
        'The community hub was brilliant and I hope it stays.',
      ],
    ],
  },
  library: {
    en: [
      [
        'I work full time so I can only visit in the evenings or at weekends.',
        'Saturday afternoons are the only time we can go as a family.',
        'The baby and toddler sessions are really important to us.',
        'I use the computers to apply for jobs.',
        'Please do not cut the opening hours at the smaller libraries.',
        'A quiet place to study is hard to find anywhere else.',
      ],
      ['The staff are always helpful.', 'The library is a warm, safe space.'],
    ],
  },
  other_best: {
    en: [
      [
        'The canal and the locks',
        'Stockport County',
        'The Market Hall',
        'The viaduct',
        'The mix of cultures',
        'Good pubs and restaurants',
        'Being close to the Peak District',
        'The library',
        'The leisure centre',
        'The air raid shelters museum',
      ],
    ],
  },
  other_future: {
    en: [
      [
        'Activities for teenagers',
        'Fixing potholes',
        'Less traffic',
        'More police on the streets',
        'Support for carers',
        'Better broadband',
        'Cleaner streets',
        'Help with the cost of living',
      ],
    ],
  },
  general: {
    en: [
      [
        'Thank you for asking people what they think.',
        'Please keep residents informed about what happens next.',
        'I hope this makes a real difference.',
        'More needs to be done for people on low incomes.',
        'Please think about older people who are not online.',
        'Young people should be listened to as well.',
      ],
      ['It matters to a lot of people round here.', 'We will be watching to see what changes.'],
    ],
  },
  other_generic: {
    en: [['Help with the cost of living', 'Better roads', 'Less litter', 'Not sure', 'Support for carers', 'Community transport']],
  },
} satisfies Record<string, Pool>;

export type TextPoolKey = keyof typeof POOLS;

/** A free-text answer from a pool, in the respondent's language where the pool has it. */
export function composeText(random: Random, key: TextPoolKey, locale: string, maxLength: number): string {
  const pool: Pool = POOLS[key];
  const sentences = (locale === 'pl' ? pool.pl : locale === 'ur' ? pool.ur : undefined) ?? pool.en;
  let text = '';
  for (const [index, list] of sentences.entries()) {
    if (index > 0 && random() >= 0.6) continue;
    text += (text ? ' ' : '') + pick(random, list);
  }
  return text.length <= maxLength ? text : text.slice(0, maxLength).trimEnd();
}

const FIRST_NAMES = {
  en: [
    'Amelia',
    'Olivia',
    'Jack',
    'Harry',
    'Millie',
    'Janet',
    'Claire',
    'Martin',
    'Luke',
    'Beth',
    'Margaret',
    'David',
    'Susan',
    'Peter',
    'Sarah',
    'Chloe',
    'Tom',
    'Grace',
    'Arshad',
    'Jamil',
    'Aisha',
    'Mohammed',
  ],
  pl: ['Kasia', 'Tomasz', 'Agnieszka', 'Piotr', 'Magda', 'Paweł'],
  ur: ['Imran', 'Zainab', 'Bilal', 'Fatima', 'Ayesha', 'Usman'],
} as const;

/** A first name for a quote credit, in keeping with the respondent's language. */
export function pickFirstName(random: Random, locale: string): string {
  return pick(random, locale === 'pl' ? FIRST_NAMES.pl : locale === 'ur' ? FIRST_NAMES.ur : FIRST_NAMES.en);
}
