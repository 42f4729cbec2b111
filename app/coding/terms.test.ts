import { describe, expect, it } from 'vitest';
import { extractTerms } from './terms';

// A small corpus with its counts worked out by hand: a term counts once per answer using it.
const corpus = [
  { text: 'We need more buses in the evenings.', locale: 'en' },
  { text: 'More buses, and buses that run on time. Mental health services too.', locale: 'en' },
  { text: 'The evening bus is always late.', locale: 'en' },
  { text: 'Mental health services need more investment.', locale: 'en' },
  { text: 'Help with the cost of living.', locale: 'en' },
  { text: 'The cost of living is too high, I don’t know what to do.', locale: 'en' },
  { text: 'Koszty życia są za wysokie. Koszty życia rosną.', locale: 'pl' },
  { text: 'Koszty życia to problem.', locale: 'pl' },
  { text: 'Mental health matters.', locale: 'en' },
];

describe('frequent terms and phrases', () => {
  const { terms, phrases } = extractTerms(corpus);
  const count = (list: typeof terms, label: string) => list.find((t) => t.label === label)?.count;

  it('counts each word once per answer, grouping written forms by stem', () => {
    // buses: answers 1 and 2 (twice in 2, counted once); "bus" (answer 3) stems differently (Porter: bu).
    expect(count(terms, 'buses')).toBe(2);
    // evening(s): answers 1 and 3, shown in the commonest form (a tie goes to the first alphabetically).
    expect(terms.find((t) => t.id === 'even')).toMatchObject({ label: 'evening', count: 2 });
    expect(count(terms, 'mental')).toBe(3);
    expect(count(terms, 'health')).toBe(3);
    expect(count(terms, 'cost')).toBe(2);
    // Polish words are compared as written, stop words from the Polish list.
    expect(count(terms, 'koszty')).toBe(2);
    expect(count(terms, 'życia')).toBe(2);
  });

  it('leaves out stop words, short words, contractions and terms in only one answer', () => {
    const labels = terms.map((t) => t.label);
    for (const dropped of ['the', 'more', 'we', 'to', 'don’t', 'don', 'investment', 'są']) expect(labels).not.toContain(dropped);
  });

  it('finds 2 and 3 word phrases that neither start nor end with a stop word, and never cross punctuation', () => {
    expect(count(phrases, 'mental health')).toBe(3);
    expect(count(phrases, 'mental health services')).toBe(2);
    // Only ever inside "mental health services": the longer phrase says it all.
    expect(count(phrases, 'health services')).toBeUndefined();
    expect(count(phrases, 'cost of living')).toBe(2);
    expect(count(phrases, 'koszty życia')).toBe(2);
    const labels = phrases.map((p) => p.label);
    expect(labels).not.toContain('of living');
    expect(labels).not.toContain('more buses');
    // "buses. mental" spans a full stop in answer 2 only; it would be in one answer anyway.
    expect(labels.every((l) => !l.includes('services need'))).toBe(true);
  });

  it('ranks by answers, then alphabetically', () => {
    const { terms: top } = extractTerms(corpus, { maxTerms: 4 });
    expect(top.map((t) => [t.label, t.count])).toEqual([
      ['health', 3],
      ['mental', 3],
      ['buses', 2],
      ['cost', 2],
    ]);
  });
});
