import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { seedFramework } from '#db/seed/framework';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import type { Actor } from '~/platform/audit.server';
import { createPriority, createTheme, deletePriority, deleteTheme, movePriority, moveTheme, updatePriority, updateTheme } from './editing.server';
import { listFrameworkForEditing } from './editor-queries.server';
import { keyFrom } from './keys';
import { listFramework, listPrioritiesOf } from './queries.server';

const admin: Actor = { userId: null, label: 'admin@stockport.gov.uk' };
const none = {};

describe('editing the framework', () => {
  let db: Db;
  let destroy: () => Promise<void>;
  beforeAll(async () => {
    ({ db, destroy } = await createTestDb());
    await seedFramework(db);
  });
  afterAll(() => destroy());
  beforeEach(async () => {
    await db.deleteFrom('audit_events').execute();
  });

  const auditRows = () => db.selectFrom('audit_events').selectAll().orderBy('id').execute();
  const themeNames = async () => (await listFrameworkForEditing(db)).map((t) => t.name);
  const priorityNamesOf = async (themeId: number) => (await listFrameworkForEditing(db)).find((t) => t.id === themeId)!.priorities.map((p) => p.name);

  it('makes keys from English names, different from every key already taken', () => {
    expect(keyFrom('A caring & growing Stockport', 'priority')).toBe('a_caring_growing_stockport');
    expect(keyFrom('Żółć Café', 'theme')).toBe('zolc_cafe');
    expect(keyFrom('!!!', 'theme')).toBe('theme');
  });

  it('adds themes and priorities with unique keys, at the end, with translations and an audit entry each', async () => {
    const first = await createTheme(db, admin, { name: 'Green spaces', description: 'Parks', translations: { ur: { name: 'سبز جگہیں' } } });
    const second = await createTheme(db, admin, { name: 'Green  spaces!', description: '', translations: none });
    const themes = await db.selectFrom('themes').select(['id', 'key', 'position']).orderBy('position').execute();
    expect(themes.at(-2)).toMatchObject({ id: first, key: 'green_spaces' });
    expect(themes.at(-1)).toMatchObject({ id: second, key: 'green_spaces_2' });

    const priority = await createPriority(db, admin, {
      themeId: first,
      name: 'More trees',
      ambition: 'Plant them',
      translations: { pl: { name: 'Więcej drzew' } },
    });
    expect(await priorityNamesOf(first)).toEqual(['More trees']);
    const urdu = await listFramework(db, 'ur');
    expect(urdu.find((t) => t.key === 'green_spaces')).toMatchObject({
      name: 'سبز جگہیں',
      description: 'Parks',
      priorities: [{ key: 'more_trees', name: 'More trees' }],
    });
    expect((await listFramework(db, 'pl')).find((t) => t.key === 'green_spaces')!.priorities[0]!.name).toBe('Więcej drzew');

    const audit = await auditRows();
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([
      ['theme.create', 'theme', String(first)],
      ['theme.create', 'theme', String(second)],
      ['priority.create', 'priority', String(priority)],
    ]);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ key: 'green_spaces', name: 'Green spaces', translations: { ur: { name: 'سبز جگہیں' } } });
  });

  it('renames without changing the key, upserts translations and removes an emptied one', async () => {
    const priority = await db.selectFrom('priorities').selectAll().where('key', '=', 'caring_growing').executeTakeFirstOrThrow();
    await updatePriority(db, admin, priority.id, {
      themeId: priority.theme_id,
      name: 'A kinder Stockport',
      ambition: 'Kindness',
      translations: { ur: { name: 'ایک مہربان اسٹاک پورٹ', ambition: '' }, pl: { name: '', ambition: 'Życzliwość' } },
    });
    const after = await db.selectFrom('priorities').selectAll().where('id', '=', priority.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ key: 'caring_growing', name: 'A kinder Stockport', ambition: 'Kindness', position: priority.position });
    const rows = await db
      .selectFrom('translations')
      .select(['locale', 'field', 'value'])
      .where('entity_type', '=', 'priority')
      .where('entity_id', '=', priority.id)
      .orderBy('locale')
      .orderBy('field')
      .execute();
    expect(rows).toEqual([
      { locale: 'pl', field: 'ambition', value: 'Życzliwość' },
      { locale: 'ur', field: 'name', value: 'ایک مہربان اسٹاک پورٹ' },
    ]);
    // Polish name removed: Polish readers see the English name.
    const pl = (await listFramework(db, 'pl')).flatMap((t) => t.priorities).find((p) => p.key === 'caring_growing');
    expect(pl).toMatchObject({ name: 'A kinder Stockport', ambition: 'Życzliwość' });

    const [entry] = await auditRows();
    expect(entry).toMatchObject({ action: 'priority.update', entity_type: 'priority', actor: 'admin@stockport.gov.uk' });
    expect(JSON.parse(entry!.before_json!)).toMatchObject({ name: 'A caring and growing Stockport' });
    expect(JSON.parse(entry!.after_json!)).toMatchObject({ name: 'A kinder Stockport', translations: { ur: { name: 'ایک مہربان اسٹاک پورٹ' } } });
  });

  it('moves themes and priorities up and down, and not past either end', async () => {
    const before = await listFrameworkForEditing(db);
    const [a, b] = before;
    expect(await moveTheme(db, admin, b!.id, 'up')).toBe(true);
    expect((await themeNames()).slice(0, 2)).toEqual([b!.name, a!.name]);
    expect(await moveTheme(db, admin, b!.id, 'up')).toBe(false);
    await moveTheme(db, admin, b!.id, 'down');
    expect(await themeNames()).toEqual(before.map((t) => t.name));

    const names = a!.priorities.map((p) => p.name);
    await movePriority(db, admin, a!.priorities[0]!.id, 'down');
    expect(await priorityNamesOf(a!.id)).toEqual([names[1], names[0], ...names.slice(2)]);
    expect(await movePriority(db, admin, a!.priorities.at(-1)!.id, 'down')).toBe(false);
    // Other themes keep their order.
    expect(await priorityNamesOf(b!.id)).toEqual(b!.priorities.map((p) => p.name));
    expect((await auditRows()).map((r) => r.action)).toEqual(['theme.move', 'theme.move', 'priority.move']);
  });

  it('moves a priority to another theme, at the end of its list', async () => {
    const [a, b] = await listFrameworkForEditing(db);
    const moving = a!.priorities[0]!;
    await updatePriority(db, admin, moving.id, { themeId: b!.id, name: moving.name, ambition: moving.ambition, translations: none });
    expect((await priorityNamesOf(b!.id)).at(-1)).toBe(moving.name);
    expect(await priorityNamesOf(a!.id)).not.toContain(moving.name);
  });

  it('refuses to delete a priority a consultation links to, naming the consultations', async () => {
    const priority = await db.selectFrom('priorities').select('id').where('key', '=', 'enterprising_thriving').executeTakeFirstOrThrow();
    const consultation = await createConsultation(db, { slug: 'linked-one' });
    await db.insertInto('consultation_priorities').values({ consultation_id: consultation, priority_id: priority.id }).execute();
    expect((await listFrameworkForEditing(db)).flatMap((t) => t.priorities).find((p) => p.id === priority.id)!.consultations).toBe(1);

    const result = await deletePriority(db, admin, priority.id);
    expect(result).toEqual({ ok: false, reason: 'linked', consultations: [{ id: consultation, title: 'Test consultation', slug: 'linked-one' }] });
    expect(await db.selectFrom('priorities').select('id').where('id', '=', priority.id).executeTakeFirst()).toBeDefined();
    expect(await auditRows()).toEqual([]);
  });

  it('deletes an unlinked priority with its translations; a theme only once it has no priorities', async () => {
    const theme = await createTheme(db, admin, { name: 'Short lived', description: '', translations: { pl: { name: 'Krótki' } } });
    const priority = (await createPriority(db, admin, { themeId: theme, name: 'Gone soon', ambition: '', translations: { ur: { name: 'جلد ختم' } } }))!;

    expect(await deleteTheme(db, admin, theme)).toEqual({ ok: false, reason: 'has_priorities', priorities: ['Gone soon'] });
    expect(await deletePriority(db, admin, priority)).toEqual({ ok: true });
    expect(await deleteTheme(db, admin, theme)).toEqual({ ok: true });

    expect(await db.selectFrom('themes').select('id').where('id', '=', theme).executeTakeFirst()).toBeUndefined();
    const leftovers = await db
      .selectFrom('translations')
      .select('entity_id')
      .where((eb) =>
        eb.or([
          eb.and([eb('entity_type', '=', 'theme'), eb('entity_id', '=', theme)]),
          eb.and([eb('entity_type', '=', 'priority'), eb('entity_id', '=', priority)]),
        ]),
      )
      .execute();
    expect(leftovers).toEqual([]);
    const audit = await auditRows();
    expect(audit.map((r) => r.action)).toEqual(['theme.create', 'priority.create', 'priority.delete', 'theme.delete']);
    expect(JSON.parse(audit[3]!.before_json!)).toMatchObject({ name: 'Short lived', translations: { pl: { name: 'Krótki' } } });
  });

  it('shows renamed priorities on consultations whose definitions were already built', async () => {
    const priority = await db.selectFrom('priorities').selectAll().where('key', '=', 'enterprising_thriving').executeTakeFirstOrThrow();
    const consultation = await db.selectFrom('consultations').selectAll().where('slug', '=', 'linked-one').executeTakeFirstOrThrow();
    const { loadConsultationDefinition } = await import('~/consultations/definition.server');
    await loadConsultationDefinition(db, consultation, 'en');
    await updateTheme(db, admin, priority.theme_id, { name: 'Renamed theme', description: '', translations: none });
    await updatePriority(db, admin, priority.id, { themeId: priority.theme_id, name: 'Renamed priority', ambition: '', translations: none });
    expect((await loadConsultationDefinition(db, consultation, 'en')).priorities).toEqual(await listPrioritiesOf(db, consultation.id, 'en'));
    expect((await listPrioritiesOf(db, consultation.id, 'en'))[0]).toMatchObject({ name: 'Renamed priority', themeName: 'Renamed theme' });
  });
});
