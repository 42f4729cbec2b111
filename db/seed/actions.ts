import type { Db } from '../connection';

// "What we did" for the demo's published consultation (parks and green spaces), so the public
// results page shows the whole loop: the officers' opening words, actions linked to council
// priorities, and each action's dated history. Dates are relative to the seed's "today".

const SLUG = 'parks-and-green-spaces';
const DAY = 86_400_000;

const SUMMARY = `Thank you to everyone who told us about Stockport's parks and green spaces. Walking was the most common reason for a visit, and many of you go to a park every week.

Among the improvements you chose were better paths and lighting, more trees and wildlife, and more bins and less litter. Here is what we are doing about it.`;

interface DemoAction {
  title: string;
  description: string;
  priority: string | null;
  /** The history, oldest first: status, days after the consultation closed, note. */
  updates: [status: 'planned' | 'in_progress' | 'done', afterDays: number, note: string][];
  /** For an unfinished action: days after today it is due. */
  dueInDays?: number;
}

const ACTIONS: DemoAction[] = [
  {
    title: 'Repair paths and add lighting in Vernon Park and Woodbank Park',
    description: 'Many of you said uneven, dark paths stop you using these parks in winter. We are resurfacing the main paths and adding low-energy lights along them.',
    priority: 'flourishing_creative',
    updates: [
      ['planned', 30, 'Agreed by the parks team and the Area Committee.'],
      ['in_progress', 150, 'Contractor appointed; work on the Vernon Park paths has started.'],
    ],
    dueInDays: 90,
  },
  {
    title: 'Plant 2,000 trees in parks and along streets',
    description: 'You asked for more trees and more shade. Volunteers and schools helped us plant them over the winter.',
    priority: 'climate_friendly',
    updates: [
      ['planned', 30, ''],
      ['in_progress', 90, 'Planting season began with 12 school groups.'],
      ['done', 180, 'All 2,000 trees are in the ground.'],
    ],
  },
  {
    title: 'More bins and a monthly litter pick with local volunteers',
    description: 'Litter was the most common complaint. We will add bins at park entrances and support a monthly volunteer litter pick in every Area Committee.',
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
  await db.updateTable('consultations').set({ results_summary: SUMMARY, results_published_at: publishedAt }).where('id', '=', consultation.id).execute();
  const priorities = await db.selectFrom('priorities').select(['id', 'key']).execute();
  for (const [i, action] of ACTIONS.entries()) {
    const last = action.updates[action.updates.length - 1]!;
    const lastOn = isoDate(Math.min(closed + last[1] * DAY, today.getTime()));
    const { id } = await db
      .insertInto('actions')
      .values({
        consultation_id: consultation.id,
        priority_id: priorities.find((p) => p.key === action.priority)?.id ?? null,
        title: action.title,
        description: action.description,
        status: last[0],
        due_on: action.dueInDays === undefined ? null : isoDate(today.getTime() + action.dueInDays * DAY),
        done_on: last[0] === 'done' ? lastOn : null,
        position: i + 1,
        created_at: publishedAt,
        updated_at: today.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
  return ACTIONS.length;
}
