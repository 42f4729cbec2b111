import type { Kysely } from 'kysely';

// A population figure can be exact (a published census count) or approximate: a census band
// split evenly by single year of age to fit our age bands (15 to 19 across "under 16", "16 to
// 17" and "18 to 24"), or a ward total summed from small areas through a best-fit lookup. The
// "who we heard from" page must say which, so the reason is kept with the figure.

type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  // null: exact; 'split-band' or 'small-area': approximate, and why.
  await db.schema.alterTable('population_figures').addColumn('approximation', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('population_figures').dropColumn('approximation').execute();
}
