// The stopword package ships no types; these are the parts we use (its lists are plain arrays).
declare module 'stopword' {
  export const eng: string[];
  export const pol: string[];
  export const urd: string[];
  export function removeStopwords(tokens: string[], stopwords?: readonly string[]): string[];
}
