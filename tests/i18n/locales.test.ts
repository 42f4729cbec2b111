import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, NAMESPACES } from '~/platform/i18n/config';
import { baseKey, expectedKeys, isPluralKey, keyUsage, placeholders, readLocale } from './locale-keys';

const root = join(import.meta.dirname, '..', '..');

describe('interface translations', () => {
  it('has one folder per supported language, each with every namespace', () => {
    expect(readdirSync(join(root, 'locales')).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) {
      expect(readdirSync(join(root, 'locales', locale)).sort()).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
    }
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    for (const ns of NAMESPACES) {
      it(`${locale}/${ns} has exactly the English keys (in its own plural forms), none empty`, () => {
        const english = readLocale(root, 'en', ns);
        const translated = readLocale(root, locale, ns);
        expect(Object.keys(translated).sort()).toEqual(expectedKeys(english, locale));
        for (const [key, text] of Object.entries(translated)) expect(text.trim(), `${locale}/${ns}:${key}`).not.toBe('');
      });

      it(`${locale}/${ns} keeps every placeholder of the English text`, () => {
        const english = readLocale(root, 'en', ns);
        const translated = readLocale(root, locale, ns);
        for (const [key, text] of Object.entries(translated)) {
          const source = english[key] ?? english[`${baseKey(key)}_other`];
          expect(source, `${locale}/${ns}:${key} has no English original`).toBeDefined();
          expect(placeholders(text), `${locale}/${ns}:${key}`).toEqual(placeholders(source ?? ''));
        }
      });
    }
  }

  it('uses every English key somewhere in the app', () => {
    const used = keyUsage(root);
    const unused = NAMESPACES.flatMap((ns) => {
      const english = readLocale(root, 'en', ns);
      return Object.keys(english)
        .map((key) => (isPluralKey(key, english) ? baseKey(key) : key))
        .filter((key) => !used(key))
        .map((key) => `${ns}:${key}`);
    });
    expect(unused).toEqual([]);
  });
});
