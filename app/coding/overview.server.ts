import type { Db } from '#db/connection';
import type { Actor } from '~/platform/audit.server';
import { codingProgress, nextUncodedAnswer } from './answers.server';
import { addThemeKeywords, createCodebookTheme, listCodebook, listOpenQuestions, type ThemeChange } from './codebook.server';
import { listSamples } from './samples.server';
import { keywordList } from './keywords';
import { tokenise } from './text';
import { frequentTerms, protectTermCounts } from './terms.server';

// What the codebook page shows, gathered in one place so its route stays thin.

export async function codebookOverview(db: Db, consultationId: number, chosenQuestion: number | null, threshold: number) {
  const [questions, themes, samples] = await Promise.all([
    listOpenQuestions(db, consultationId),
    listCodebook(db, consultationId),
    listSamples(db, consultationId),
  ]);
  const progress = await Promise.all(
    questions.map(async (q) => ({ id: q.id, text: q.text, ...(await codingProgress(db, q.id)), firstUncoded: await nextUncodedAnswer(db, q.id) })),
  );
  const question = questions.find((q) => q.id === chosenQuestion) ?? questions[0];
  let terms = null;
  if (question) {
    const found = await frequentTerms(db, question.id);
    // A term is already a keyword of a theme when their stems match, word for word.
    const stems = (text: string) =>
      tokenise(text, 'en')
        .map((t) => t.norm)
        .join(' ');
    const keywordsOf = themes.map((t) => ({ name: t.name, stems: new Set(keywordList(t.keywords).map(stems)) }));
    const shown = (list: typeof found.terms) => {
      const cells = protectTermCounts(list, found.read, threshold);
      return list.map((term, i) => ({
        id: term.id,
        label: term.label,
        count: cells[i]!,
        keywordOf: keywordsOf.filter((k) => k.stems.has(stems(term.label))).map((k) => k.name),
      }));
    };
    terms = { questionId: question.id, terms: shown(found.terms), phrases: shown(found.phrases), read: found.read, total: found.total };
  }
  const questionText = new Map(questions.map((q) => [q.id, q.text]));
  return {
    questions: progress,
    themes,
    samples: samples.map((s) => ({ ...s, question: questionText.get(s.questionId) ?? '' })),
    terms,
  };
}

/** Ticked frequent terms into the codebook: a new theme named after the first, or more keywords for a theme. */
export function adoptTerms(db: Db, actor: Actor, consultationId: number, terms: readonly string[], target: 'new' | number): Promise<ThemeChange> {
  if (target !== 'new') return addThemeKeywords(db, actor, consultationId, target, terms);
  const first = terms[0] ?? '';
  const name = first.charAt(0).toLocaleUpperCase() + first.slice(1);
  return createCodebookTheme(db, actor, consultationId, { name, description: '', priorityId: null, keywords: terms.join('\n') });
}
