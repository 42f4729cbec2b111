import type { Db } from '../connection';
import { TranslationBatch, type Localised } from './translations';

// "What we did" for the demo's published consultation (parks and green spaces), so the public
// results page shows the whole loop: the officers' opening words, actions linked to council
// priorities, and each action's dated history. Dates are relative to the seed's "today".

const SLUG = 'parks-and-green-spaces';
const DAY = 86_400_000;

const SUMMARY: Localised = {
  en:
    "Thank you to everyone who told us about Stockport's parks and green spaces. Walking was the most " +
    'common reason for a visit, and many of you go to a park every week.\n\n' +
    'Among the improvements you chose were better paths and lighting, more trees and wildlife, and more ' +
    'bins and less litter. Here is what we are doing about it.',
  pl:
    'Dziękujemy wszystkim, którzy opowiedzieli nam o parkach i terenach zielonych Stockport. ' +
    'Najczęstszym powodem wizyty był spacer, a wielu z was bywa w parku co tydzień.\n\n' +
    'Wśród wybranych przez was ulepszeń znalazły się lepsze ścieżki i oświetlenie, więcej drzew i ' +
    'dzikiej przyrody oraz więcej koszy i mniej śmieci. Oto co z tym robimy.',
  ur:
    'ان سب کا شکریہ جنہوں نے ہمیں اسٹاک پورٹ کے پارکوں اور سبزہ زاروں کے بارے میں بتایا۔ پارک جانے کی سب ' +
    'سے عام وجہ سیر تھی، اور آپ میں سے بہت سے لوگ ہر ہفتے پارک جاتے ہیں۔\n\n' +
    'آپ نے جو بہتریاں چنیں ان میں بہتر راستے اور روشنی، زیادہ درخت اور جنگلی حیات، اور زیادہ کوڑے دان ' +
    'اور کم کوڑا شامل تھے۔ ہم اس بارے میں یہ کر رہے ہیں۔',
};

interface DemoAction {
  title: Localised;
  description: Localised;
  priority: string | null;
  /** The history, oldest first: status, days after the consultation closed, note. */
  updates: [status: 'planned' | 'in_progress' | 'done', afterDays: number, note: string][];
  /** For an unfinished action: days after today it is due. */
  dueInDays?: number;
}

const ACTIONS: DemoAction[] = [
  {
    title: {
      en: 'Repair paths and add lighting in Vernon Park and Woodbank Park',
      pl: 'Naprawa ścieżek i nowe oświetlenie w Vernon Park i Woodbank Park',
      ur: 'ورنن پارک اور ووڈ بینک پارک میں راستوں کی مرمت اور روشنی',
    },
    description: {
      en:
        'Many of you said uneven, dark paths stop you using these parks in winter. We are resurfacing the ' +
        'main paths and adding low-energy lights along them.',
      pl:
        'Wielu z was mówiło, że nierówne, ciemne ścieżki zniechęcają do korzystania z tych parków zimą. ' +
        'Wymieniamy nawierzchnię głównych ścieżek i montujemy wzdłuż nich energooszczędne lampy.',
      ur:
        'آپ میں سے بہت سے لوگوں نے کہا کہ ناہموار اور اندھیرے راستے سردیوں میں ان پارکوں کے استعمال سے روکتے ' +
        'ہیں۔ ہم مرکزی راستوں کی نئی سطح بنا رہے ہیں اور ان کے ساتھ کم توانائی والی روشنیاں لگا رہے ہیں۔',
    },
    priority: 'flourishing_creative',
    updates: [
      ['planned', 30, 'Agreed by the parks team and the Area Committee.'],
      ['in_progress', 150, 'Contractor appointed; work on the Vernon Park paths has started.'],
    ],
    dueInDays: 90,
  },
  {
    title: {
      en: 'Plant 2,000 trees in parks and along streets',
      pl: 'Posadzenie 2000 drzew w parkach i wzdłuż ulic',
      ur: 'پارکوں اور سڑکوں کے کنارے 2,000 درخت لگانا',
    },
    description: {
      en: 'You asked for more trees and more shade. Volunteers and schools helped us plant them over the winter.',
      pl: 'Prosiliście o więcej drzew i więcej cienia. Wolontariusze i szkoły pomogli nam je posadzić zimą.',
      ur: 'آپ نے زیادہ درخت اور زیادہ سایہ مانگا۔ رضاکاروں اور اسکولوں نے سردیوں میں انہیں لگانے میں ہماری مدد کی۔',
    },
    priority: 'climate_friendly',
    updates: [
      ['planned', 30, ''],
      ['in_progress', 90, 'Planting season began with 12 school groups.'],
      ['done', 180, 'All 2,000 trees are in the ground.'],
    ],
  },
  {
    title: {
      en: 'More bins and a monthly litter pick with local volunteers',
      pl: 'Więcej koszy i comiesięczne sprzątanie z lokalnymi wolontariuszami',
      ur: 'زیادہ کوڑے دان اور مقامی رضاکاروں کے ساتھ ماہانہ صفائی',
    },
    description: {
      en: 'Litter was the most common complaint. We will add bins at park entrances and support a monthly volunteer litter pick in every Area Committee.',
      pl:
        'Śmieci były najczęstszą skargą. Dodamy kosze przy wejściach do parków i wesprzemy comiesięczne ' +
        'sprzątanie przez wolontariuszy w każdym obszarze komisji.',
      ur: 'کوڑا سب سے عام شکایت تھی۔ ہم پارکوں کے داخلی راستوں پر کوڑے دان لگائیں گے اور ہر ایریا کمیٹی میں رضاکاروں کی ماہانہ صفائی میں مدد کریں گے۔',
    },
    priority: null,
    updates: [['planned', 60, '']],
    dueInDays: 45,
  },
];

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Adds the demo actions once; does nothing if the consultation is missing or already has actions. */
export async function seedDemoActions(db: Db, today: Date): Promise<number> {
  const consultation = await db.selectFrom('consultations').select(['id', 'closes_at']).where('slug', '=', SLUG).executeTakeFirst();
  if (!consultation) return 0;
  const existing = await db.selectFrom('actions').select('id').where('consultation_id', '=', consultation.id).limit(1).executeTakeFirst();
  if (existing) return 0;
  const closed = consultation.closes_at ? Date.parse(consultation.closes_at) : today.getTime() - 230 * DAY;
  const publishedAt = new Date(Math.min(closed + 20 * DAY, today.getTime())).toISOString();
  await db.updateTable('consultations').set({ results_summary: SUMMARY.en, results_published_at: publishedAt }).where('id', '=', consultation.id).execute();
  const priorities = await db.selectFrom('priorities').select(['id', 'key']).execute();
  const translations = new TranslationBatch();
  translations.add('consultation', consultation.id, 'results_summary', SUMMARY);
  for (const [i, action] of ACTIONS.entries()) {
    const last = action.updates[action.updates.length - 1]!;
    const lastOn = isoDate(Math.min(closed + last[1] * DAY, today.getTime()));
    const { id } = await db
      .insertInto('actions')
      .values({
        consultation_id: consultation.id,
        priority_id: priorities.find((p) => p.key === action.priority)?.id ?? null,
        title: action.title.en,
        description: action.description.en,
        status: last[0],
        due_on: action.dueInDays === undefined ? null : isoDate(today.getTime() + action.dueInDays * DAY),
        done_on: last[0] === 'done' ? lastOn : null,
        position: i + 1,
        created_at: publishedAt,
        updated_at: today.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    translations.add('action', id, 'title', action.title);
    translations.add('action', id, 'description', action.description);
    await db
      .insertInto('action_updates')
      .values(
        action.updates.map(([status, afterDays, note]) => ({
          action_id: id,
          status,
          note,
          happened_on: isoDate(Math.min(closed + afterDays * DAY, today.getTime())),
          recorded_by: null,
          recorded_at: publishedAt,
        })),
      )
      .execute();
  }
  await translations.write(db);
  return ACTIONS.length;
}
