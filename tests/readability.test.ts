import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../db/seed/index';
import { createTestDb } from './db';
import { readLocale } from './i18n/locale-keys';
import { readability } from './readability';

const root = join(import.meta.dirname, '..');

describe('the readability check', () => {
  it('scores plain words low and long, many-syllabled sentences high', () => {
    expect(readability(['The cat sat on the mat.', 'We like the park.']).grade).toBeLessThan(1);
    const hard = readability([
      'Stakeholder engagement methodologies facilitate comprehensive understanding of intergenerational ' +
        'socioeconomic considerations affecting community infrastructure investment prioritisation.',
    ]);
    expect(hard.grade).toBeGreaterThan(15);
    expect(hard.sentences).toBe(1);
  });

  it('counts each text as a sentence and fills placeholders with numbers', () => {
    const r = readability(['Pick up to {{count}}', 'Next']);
    expect(r.sentences).toBe(2);
    expect(r.words).toBe(5);
  });
});

describe("the young people's interface", () => {
  it('reads at grade 5 or below (about a 10 year old), with no sentence over 20 words', () => {
    const texts = Object.values(readLocale(root, 'en', 'youth'));
    // The site's own frame is on every young people's page too.
    const common = readLocale(root, 'en', 'common');
    texts.push(...['site.name', 'site.council', 'site.skipToContent', 'site.home', 'site.privacy', 'site.footer'].map((k) => common[k]!));
    const result = readability(texts);
    expect(result.grade, `grade ${result.grade.toFixed(2)}`).toBeLessThanOrEqual(5);
    expect(result.longestSentence.split(/\s+/).length, result.longestSentence).toBeLessThanOrEqual(20);
  });
});

describe("the demo young people's version", () => {
  it('reads at grade 5 or below: every question, hint and answer a young person is shown', async () => {
    const { db, destroy } = await createTestDb();
    try {
      await seedDemo(db, { responses: 50, seed: 1, today: new Date('2026-11-22T00:00:00Z') });
      const items = await db.selectFrom('youth_items').select(['text', 'hint']).execute();
      const options = await db.selectFrom('youth_options').select('label').execute();
      expect(items.length).toBeGreaterThan(0);
      const texts = [...items.flatMap((i) => [i.text, i.hint]), ...options.map((o) => o.label)].filter((t) => t.trim() !== '');
      const result = readability(texts);
      expect(result.grade, `grade ${result.grade.toFixed(2)}; longest: ${result.longestSentence}`).toBeLessThanOrEqual(5);
      expect(result.longestSentence.split(/\s+/).length, result.longestSentence).toBeLessThanOrEqual(20);
    } finally {
      await destroy();
    }
  });
});
