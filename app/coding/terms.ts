import { textLanguageOf, tokenise, type Token } from './text';

// Frequent words and 2–3 word phrases across a question's answers, offered on the codebook page
// as candidate themes and keywords. A term counts once per answer that uses it (so one long
// answer repeating "bus" does not outweigh ten people mentioning it once). Words are grouped by
// stem and shown in their commonest written form. Stop words never make a term, nor start or
// end a phrase ("cost of living" is a phrase, "of living" is not); neither do numbers, one- or
// two-letter words, or contractions ("don't", "it's"), which the stop lists do not all cover.

export interface AnswerText {
  text: string;
  /** The response's language (its locale), which picks the stop words and the stemmer. */
  locale: string | null;
}

export interface Term {
  /** The stems, space-separated: what makes two written forms the same term. */
  id: string;
  /** The commonest way it was written (lower case). */
  label: string;
  /** Answers using it. */
  count: number;
  words: number;
}

export interface TermOptions {
  /** Fewest answers a term must be in. */
  minCount?: number;
  maxTerms?: number;
  maxPhrases?: number;
}

function usable(token: Token): boolean {
  return !token.stop && [...token.word].length >= 3 && !/^\p{N}+$/u.test(token.word) && !/['’]/.test(token.word);
}

interface Tally {
  count: number;
  forms: Map<string, number>;
  words: number;
}

function add(tallies: Map<string, Tally>, seen: Set<string>, id: string, form: string, words: number): void {
  if (seen.has(id)) return;
  seen.add(id);
  let tally = tallies.get(id);
  if (!tally) tallies.set(id, (tally = { count: 0, forms: new Map(), words }));
  tally.count += 1;
  tally.forms.set(form, (tally.forms.get(form) ?? 0) + 1);
}

function ranked(tallies: Map<string, Tally>, minCount: number, max: number): Term[] {
  const terms: Term[] = [];
  for (const [id, { count, forms, words }] of tallies) {
    if (count < minCount) continue;
    let label = '';
    let best = -1;
    for (const [form, n] of forms) {
      if (n > best || (n === best && form < label)) [label, best] = [form, n];
    }
    terms.push({ id, label, count, words });
  }
  terms.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return terms.slice(0, max);
}

/** The most frequent words and phrases, most answers first (ties alphabetically). */
export function extractTerms(answers: readonly AnswerText[], options: TermOptions = {}): { terms: Term[]; phrases: Term[] } {
  const { minCount = 2, maxTerms = 30, maxPhrases = 20 } = options;
  const words = new Map<string, Tally>();
  const phrases = new Map<string, Tally>();
  for (const answer of answers) {
    const language = textLanguageOf(answer.locale);
    const tokens = tokenise(answer.text, language);
    const seenWords = new Set<string>();
    const seenPhrases = new Set<string>();
    for (const [i, token] of tokens.entries()) {
      if (usable(token)) add(words, seenWords, token.norm, token.word.toLocaleLowerCase(language), 1);
      for (const n of [2, 3]) {
        const run = tokens.slice(i, i + n);
        if (run.length < n || run.slice(1).some((t) => t.breakBefore)) continue;
        if (!usable(run[0]!) || !usable(run[n - 1]!) || run.some((t) => /['’]/.test(t.word) || /^\p{N}+$/u.test(t.word))) continue;
        const id = run.map((t) => t.norm).join(' ');
        add(phrases, seenPhrases, id, run.map((t) => t.word.toLocaleLowerCase(language)).join(' '), n);
      }
    }
  }
  return { terms: ranked(words, minCount, maxTerms), phrases: ranked(withoutSubsumed(phrases), minCount, maxPhrases) };
}

/**
 * Drops a phrase found only inside a longer one ("better every" when every answer using it says
 * "getting better every year"): it tells the officer nothing the longer phrase does not.
 */
function withoutSubsumed(phrases: Map<string, Tally>): Map<string, Tally> {
  const kept = new Map(phrases);
  for (const [id, tally] of phrases) {
    if (tally.words !== 3) continue;
    const [a, b, c] = id.split(' ');
    for (const part of [`${a} ${b}`, `${b} ${c}`]) {
      const shorter = kept.get(part);
      if (shorter && shorter.count <= tally.count) kept.delete(part);
    }
  }
  return kept;
}
