import type { Db } from '../connection';
import { TranslationBatch, type Localised } from './translations';

// The One Stockport borough plan (seeds 000 and 003): three themes, three priorities each,
// with the ambition line the plan gives every priority. A council edits its own framework.

export interface PrioritySeed {
  key: string;
  name: Localised;
  ambition: Localised;
}

export interface ThemeSeed {
  key: string;
  name: Localised;
  description: Localised;
  priorities: PrioritySeed[];
}

export const FRAMEWORK: ThemeSeed[] = [
  {
    key: 'one_heart',
    name: { en: 'One Heart', pl: 'Jedno serce', ur: 'ایک دل' },
    description: {
      en: 'At the heart of Stockport are its people and the communities in which they live.',
      pl: 'W sercu Stockport są jego mieszkańcy i społeczności, w których żyją.',
      ur: 'اسٹاک پورٹ کے دل میں اس کے لوگ اور وہ برادریاں ہیں جن میں وہ رہتے ہیں۔',
    },
    priorities: [
      {
        key: 'caring_growing',
        name: {
          en: 'A caring and growing Stockport',
          pl: 'Opiekuńczy i rozwijający się Stockport',
          ur: 'خیال رکھنے والا اور ترقی کرتا اسٹاک پورٹ',
        },
        ambition: {
          en: 'Stockport is a great place to grow where children have the best start in life',
          pl: 'Stockport to wspaniałe miejsce do dorastania, w którym dzieci mają najlepszy start w życie',
          ur: 'اسٹاک پورٹ پروان چڑھنے کے لیے ایک بہترین جگہ ہے جہاں بچوں کو زندگی کا بہترین آغاز ملتا ہے',
        },
      },
      {
        key: 'healthy_happy',
        name: { en: 'A healthy and happy Stockport', pl: 'Zdrowy i szczęśliwy Stockport', ur: 'صحت مند اور خوش باش اسٹاک پورٹ' },
        ambition: {
          en: 'People live the best lives they can - happy, healthy and independently',
          pl: 'Ludzie żyją najlepiej, jak potrafią – szczęśliwie, zdrowo i samodzielnie',
          ur: 'لوگ اپنی بہترین ممکنہ زندگی گزاریں – خوش، صحت مند اور خود مختار',
        },
      },
      {
        key: 'strong_supportive',
        name: { en: 'A strong and supportive Stockport', pl: 'Silny i wspierający Stockport', ur: 'مضبوط اور مددگار اسٹاک پورٹ' },
        ambition: {
          en: 'Confident and empowered communities working together to make a difference',
          pl: 'Pewne siebie społeczności, które mają realny wpływ i razem zmieniają swoje otoczenie na lepsze',
          ur: 'پُراعتماد اور بااختیار برادریاں جو مل کر بہتری لانے کے لیے کام کرتی ہیں',
        },
      },
    ],
  },
  {
    key: 'one_home',
    name: { en: 'One Home', pl: 'Jeden dom', ur: 'ایک گھر' },
    description: {
      en: 'Stockport is a great place to live, where no one is left behind.',
      pl: 'Stockport to wspaniałe miejsce do życia, w którym nikt nie zostaje w tyle.',
      ur: 'اسٹاک پورٹ رہنے کے لیے ایک بہترین جگہ ہے، جہاں کوئی پیچھے نہیں رہتا۔',
    },
    priorities: [
      {
        key: 'fair_inclusive',
        name: {
          en: 'A fair and inclusive Stockport',
          pl: 'Sprawiedliwy i otwarty na wszystkich Stockport',
          ur: 'منصفانہ اور سب کو ساتھ لے کر چلنے والا اسٹاک پورٹ',
        },
        ambition: {
          en: 'A borough for everyone - diversity and inclusion is celebrated and everyone has equity of opportunity',
          pl: 'Gmina dla wszystkich – różnorodność i integracja są doceniane, a każdy ma równe szanse',
          ur: 'سب کا بورو – تنوع اور شمولیت کی قدر کی جاتی ہے اور ہر ایک کو برابر کے مواقع ملتے ہیں',
        },
      },
      {
        key: 'flourishing_creative',
        name: {
          en: 'A flourishing and creative Stockport',
          pl: 'Kwitnący i kreatywny Stockport',
          ur: 'پھلتا پھولتا اور تخلیقی اسٹاک پورٹ',
        },
        ambition: {
          en: 'Stockport is an exciting place to live, where people are active and celebrate the culture',
          pl: 'Stockport to ciekawe miejsce do życia, w którym ludzie są aktywni i cieszą się kulturą',
          ur: 'اسٹاک پورٹ رہنے کے لیے ایک دلچسپ جگہ ہے، جہاں لوگ متحرک ہیں اور اپنی ثقافت کا جشن مناتے ہیں',
        },
      },
      {
        key: 'climate_friendly',
        name: { en: 'A climate friendly Stockport', pl: 'Przyjazny dla klimatu Stockport', ur: 'ماحول دوست اسٹاک پورٹ' },
        ambition: {
          en: 'Stockport is a responsible and sustainable borough',
          pl: 'Stockport to odpowiedzialna gmina, która dba o zrównoważony rozwój',
          ur: 'اسٹاک پورٹ ایک ذمہ دار اور پائیدار بورو ہے',
        },
      },
    ],
  },
  {
    key: 'one_future',
    name: { en: 'One Future', pl: 'Jedna przyszłość', ur: 'ایک مستقبل' },
    description: {
      en: 'Growing, creating and delivering a thriving future for Stockport.',
      pl: 'Rozwijamy, tworzymy i budujemy pomyślną przyszłość dla Stockport.',
      ur: 'اسٹاک پورٹ کے لیے ایک خوشحال مستقبل کی تعمیر، تخلیق اور فراہمی۔',
    },
    priorities: [
      {
        key: 'enterprising_thriving',
        name: {
          en: 'An enterprising and thriving Stockport',
          pl: 'Przedsiębiorczy i prężny Stockport',
          ur: 'کاروباری جذبے سے بھرپور اور خوشحال اسٹاک پورٹ',
        },
        ambition: {
          en: 'A thriving economy which works for everyone',
          pl: 'Prężna gospodarka, która służy wszystkim',
          ur: 'ایک مضبوط معیشت جو سب کے کام آئے',
        },
      },
      {
        key: 'skilled_confident',
        name: {
          en: 'A skilled and confident Stockport',
          pl: 'Wykwalifikowany i pewny siebie Stockport',
          ur: 'ہنرمند اور پُراعتماد اسٹاک پورٹ',
        },
        ambition: {
          en: 'Everyone has the opportunities and skills to successfully achieve their ambitions',
          pl: 'Każdy ma możliwości i umiejętności, by z powodzeniem realizować swoje ambicje',
          ur: 'ہر ایک کے پاس اپنے عزائم کامیابی سے پورے کرنے کے مواقع اور مہارتیں ہوں',
        },
      },
      {
        key: 'radically_digital',
        name: { en: 'A radically digital Stockport', pl: 'Na wskroś cyfrowy Stockport', ur: 'مکمل طور پر ڈیجیٹل اسٹاک پورٹ' },
        ambition: {
          en: 'A digitally inclusive and dynamic borough',
          pl: 'Dynamiczna gmina, w której świat cyfrowy jest dostępny dla wszystkich',
          ur: 'ایک متحرک بورو جہاں ڈیجیٹل دنیا تک سب کی رسائی ہو',
        },
      },
    ],
  },
];

export const PRIORITY_KEYS = FRAMEWORK.flatMap((theme) => theme.priorities.map((priority) => priority.key));

export function findPrioritySeed(key: string): PrioritySeed {
  const found = FRAMEWORK.flatMap((theme) => theme.priorities).find((priority) => priority.key === key);
  if (!found) throw new Error(`Unknown priority ${key}`);
  return found;
}

/**
 * Inserts the themes and priorities that are not there yet (matched by key), with their Polish and
 * Urdu translations. Priorities are numbered 1-9 across the plan so ordering by position alone
 * keeps them grouped by theme. Returns how many themes and priorities were inserted.
 */
export async function seedFramework(db: Db): Promise<{ themes: number; priorities: number }> {
  const inserted = { themes: 0, priorities: 0 };
  const translations = new TranslationBatch();
  let priorityPosition = 0;
  for (const [themeIndex, theme] of FRAMEWORK.entries()) {
    let themeRow = await db.selectFrom('themes').select('id').where('key', '=', theme.key).executeTakeFirst();
    if (!themeRow) {
      themeRow = await db
        .insertInto('themes')
        .values({ key: theme.key, name: theme.name.en, description: theme.description.en, position: themeIndex + 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      translations.add('theme', themeRow.id, 'name', theme.name);
      translations.add('theme', themeRow.id, 'description', theme.description);
      inserted.themes++;
    }
    for (const priority of theme.priorities) {
      priorityPosition++;
      const exists = await db.selectFrom('priorities').select('id').where('key', '=', priority.key).executeTakeFirst();
      if (exists) continue;
      const row = await db
        .insertInto('priorities')
        .values({
          theme_id: themeRow.id,
          key: priority.key,
          name: priority.name.en,
          ambition: priority.ambition.en,
          position: priorityPosition,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      translations.add('priority', row.id, 'name', priority.name);
      translations.add('priority', row.id, 'ambition', priority.ambition);
      inserted.priorities++;
    }
  }
  await translations.write(db);
  return inserted;
}
