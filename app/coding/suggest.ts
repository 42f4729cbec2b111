import { keywordList } from './keywords';
import { tokenise, type TextLanguage, type Token } from './text';

// Suggested themes for one answer: a theme is suggested when any of its keywords or phrases
// (one per line in the codebook) appears in the answer, word for word after stemming. Only a
// suggestion: the page shows it beside the theme's checkbox and never ticks anything itself.

export interface KeywordedTheme {
  id: number;
  keywords: string;
}

export interface Suggestion {
  themeId: number;
  /** The answer's own words that matched, as written, each once. */
  matched: string[];
}

/** Where a keyword's words occur in a row in the answer (by their stems), as the answer's words. */
function occurrences(answer: readonly Token[], keyword: readonly Token[]): string[] {
  const found: string[] = [];
  if (keyword.length === 0) return found;
  for (let i = 0; i + keyword.length <= answer.length; i++) {
    let j = 0;
    while (j < keyword.length && answer[i + j]!.norm === keyword[j]!.norm && (j === 0 || !answer[i + j]!.breakBefore)) j++;
    if (j === keyword.length)
      found.push(
        answer
          .slice(i, i + j)
          .map((t) => t.word)
          .join(' '),
      );
  }
  return found;
}

/** The themes an answer's words suggest, in codebook order. Keywords are read in the answer's language. */
export function suggestThemes(text: string, language: TextLanguage, themes: readonly KeywordedTheme[]): Suggestion[] {
  const answer = tokenise(text, language);
  const suggestions: Suggestion[] = [];
  for (const theme of themes) {
    const matched: string[] = [];
    for (const keyword of keywordList(theme.keywords)) {
      for (const words of occurrences(answer, tokenise(keyword, language))) {
        if (!matched.some((m) => m.toLocaleLowerCase() === words.toLocaleLowerCase())) matched.push(words);
      }
    }
    if (matched.length > 0) suggestions.push({ themeId: theme.id, matched });
  }
  return suggestions;
}
