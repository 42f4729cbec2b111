import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const words = new Intl.Segmenter('en', { granularity: 'word' });

export interface Readability {
  grade: number;
  sentences: number;
  words: number;
  syllables: number;
  longestSentence: string;
}

/** A piece of interface text as it reads on the page: placeholders become numbers, each text a sentence. */
export function asSentence(text: string): string {
  const filled = text
    .replace(/\{\{\s*\w+\s*\}\}/g, '3')
    .replace(/<\/?\d+>/g, '')
    .trim();
  return /[.!?:]$/.test(filled) ? filled : `${filled}.`;
}

/** Flesch-Kincaid grade of a body of text (US school grade; grade 5 is about a 10 year old's reading age). */
export function readability(texts: string[]): Readability {
  // A line break always ends a sentence; a full stop before a number ("under. 11") does not.
  const body = texts.map(asSentence).join('\n');
  let sentenceCount = 0;
  let wordCount = 0;
  let syllableCount = 0;
  let longestSentence = '';
  let longestWords = 0;
  for (const { segment } of sentences.segment(body)) {
    const inSentence = [...words.segment(segment)].filter((w) => w.isWordLike).map((w) => w.segment);
    if (inSentence.length === 0) continue;
    sentenceCount += 1;
    wordCount += inSentence.length;
    syllableCount += inSentence.reduce((sum, w) => sum + (/^\d+$/.test(w) ? 1 : syllable(w)), 0);
    if (inSentence.length > longestWords) {
      longestWords = inSentence.length;
      longestSentence = segment.trim();
    }
  }
  const grade = fleschKincaid({ sentence: sentenceCount, word: wordCount, syllable: syllableCount });
  return { grade, sentences: sentenceCount, words: wordCount, syllables: syllableCount, longestSentence };
}
