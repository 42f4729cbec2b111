import { stemmer } from 'stemmer';
import { eng, pol, urd } from 'stopword';

// Words of free-text answers, the same way for suggestions and for frequent terms: split with
// Intl.Segmenter (word granularity, so Polish diacritics and Urdu script split properly), lower
// case, stop words from the maintained `stopword` lists of the answer's language, and English
// words reduced to their Porter stem (`stemmer`) so "parks" and "parking" meet at "park".
// Polish and Urdu have no stemmer here: their words are compared as written (lower case).

export type TextLanguage = 'en' | 'pl' | 'ur';

const STOP_WORDS: Record<TextLanguage, ReadonlySet<string>> = {
  en: new Set(eng),
  pl: new Set(pol),
  ur: new Set(urd),
};

/** The response's language when it is one we have word lists for; English otherwise. */
export function textLanguageOf(locale: string | null | undefined): TextLanguage {
  return locale === 'pl' || locale === 'ur' ? locale : 'en';
}

export interface Token {
  /** As written in the answer. */
  word: string;
  /** Lower case, and stemmed for English: what matching compares. */
  norm: string;
  stop: boolean;
  /** Starts a new run of words: the first word, or the first after punctuation. */
  breakBefore: boolean;
}

const segmenters = new Map<TextLanguage, Intl.Segmenter>();

function segmenter(language: TextLanguage): Intl.Segmenter {
  let found = segmenters.get(language);
  if (!found) segmenters.set(language, (found = new Intl.Segmenter(language, { granularity: 'word' })));
  return found;
}

export function normalise(word: string, language: TextLanguage): string {
  const lower = word.normalize('NFC').toLocaleLowerCase(language).replace(/’/g, "'");
  return language === 'en' ? stemmer(lower) : lower;
}

export function isStopWord(word: string, language: TextLanguage): boolean {
  return STOP_WORDS[language].has(word.normalize('NFC').toLocaleLowerCase(language).replace(/’/g, "'"));
}

/** The words of a text in order; punctuation between two words marks a break (phrases never cross it). */
export function tokenise(text: string, language: TextLanguage): Token[] {
  const tokens: Token[] = [];
  let breakBefore = true;
  for (const { segment, isWordLike } of segmenter(language).segment(text)) {
    if (!isWordLike) {
      if (/[^\s]/u.test(segment)) breakBefore = true;
      continue;
    }
    tokens.push({ word: segment, norm: normalise(segment, language), stop: isStopWord(segment, language), breakBefore });
    breakBefore = false;
  }
  return tokens;
}
