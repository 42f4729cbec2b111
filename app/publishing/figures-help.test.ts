import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocale } from '../../tests/i18n/locale-keys';
import { readability } from '../../tests/readability';

// The plain-words help beside the public figures is read by anyone who lands on the results:
// it must read easily in English (grade 6 at most, about an 11 year old) and be written in
// Polish and Urdu, not left in English.

const root = join(import.meta.dirname, '..', '..');
const helpOf = (locale: 'en' | 'pl' | 'ur') =>
  Object.entries(readLocale(root, locale, 'publishing')).filter(([key]) => key.startsWith('help.') || key === 'areas.intro' || key === 'said.figuresIntro');

describe('the help on reading the public figures', () => {
  it('reads at grade 6 or below in English, with no sentence over 25 words', () => {
    const result = readability(helpOf('en').map(([, text]) => text));
    expect(result.grade, `grade ${result.grade.toFixed(2)}`).toBeLessThanOrEqual(6);
    expect(result.longestSentence.split(/\s+/).length, result.longestSentence).toBeLessThanOrEqual(25);
  });

  it('is translated into Polish and Urdu', () => {
    const english = new Map(helpOf('en'));
    for (const locale of ['pl', 'ur'] as const) {
      for (const [key, text] of helpOf(locale)) expect(text, `${locale} ${key}`).not.toBe(english.get(key));
    }
    // Urdu in Urdu script.
    for (const [key, text] of helpOf('ur')) expect(/[\u0600-\u06ff]/.test(text), key).toBe(true);
  });
});
