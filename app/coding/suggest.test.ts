import { describe, expect, it } from 'vitest';
import { keywordList, keywordText } from './keywords';
import { suggestThemes } from './suggest';
import { tokenise } from './text';

const themes = [
  { id: 1, keywords: 'park\ngreen space\nwoods' },
  { id: 2, keywords: 'volunteer\ncommunity hub' },
  { id: 3, keywords: 'cost of living\nmoney' },
  { id: 4, keywords: 'lockdown' },
];

describe('keyword lists', () => {
  it('are one per line, trimmed, without blanks or repeats (any case)', () => {
    expect(keywordList('  bus \n\nBus\nbus  lane\r\ntrain')).toEqual(['bus', 'bus lane', 'train']);
    expect(keywordText(['Park', 'park', ' trees '])).toBe('Park\ntrees');
  });
});

describe('suggested themes', () => {
  it('match keywords to the answer after Porter stemming, naming the words as the answer wrote them', () => {
    const text = 'We walk in the local parks far more than we used to. Parking near Bramhall Park is hard.';
    expect(suggestThemes(text, 'en', themes)).toEqual([{ themeId: 1, matched: ['parks', 'Parking', 'Park'] }]);
  });

  it('match phrases word for word (stemmed) but never across punctuation', () => {
    expect(suggestThemes('I started volunteering with the local food bank. The community hubs were brilliant.', 'en', themes)).toEqual([
      { themeId: 2, matched: ['volunteering', 'community hubs'] },
    ]);
    expect(suggestThemes('More green spaces, please.', 'en', themes)).toEqual([{ themeId: 1, matched: ['green spaces'] }]);
    // "green" ends one sentence and "space" starts the next: not the phrase.
    expect(suggestThemes('It is green. Space is short.', 'en', themes)).toEqual([]);
    expect(suggestThemes('Help with the cost of living, and with money.', 'en', themes)).toEqual([{ themeId: 3, matched: ['cost of living', 'money'] }]);
  });

  it('suggests several themes in codebook order, and nothing when no keyword is there', () => {
    expect(suggestThemes('Lockdown was hard but the woods kept us going.', 'en', themes).map((s) => s.themeId)).toEqual([1, 4]);
    expect(suggestThemes('Friendly neighbours who look out for each other.', 'en', themes)).toEqual([]);
  });

  it('reads Polish and Urdu answers word by word in their own script', () => {
    const polish = [{ id: 7, keywords: 'lockdownu\nsąsiedzi' }];
    expect(suggestThemes('Podczas lockdownu straciłam pracę. Sąsiedzi robili nam zakupy.', 'pl', polish)).toEqual([
      { themeId: 7, matched: ['lockdownu', 'Sąsiedzi'] },
    ]);
    const urdu = [{ id: 8, keywords: 'مدد\nپارک' }];
    expect(suggestThemes('محلے کے لوگوں نے ایک دوسرے کی بہت مدد کی۔', 'ur', urdu)).toEqual([{ themeId: 8, matched: ['مدد'] }]);
  });

  it('splits Urdu into words and marks its stop words from the Urdu list', () => {
    const tokens = tokenise('محلے کے لوگوں نے ایک دوسرے کی بہت مدد کی۔', 'ur');
    expect(tokens.map((t) => t.word)).toEqual(['محلے', 'کے', 'لوگوں', 'نے', 'ایک', 'دوسرے', 'کی', 'بہت', 'مدد', 'کی']);
    expect(tokens.find((t) => t.word === 'کے')!.stop).toBe(true);
    expect(tokens.find((t) => t.word === 'مدد')!.stop).toBe(false);
  });
});
