import type { Db } from '#db/connection';
import type { Actor } from '~/platform/audit.server';
import { ANSWERS_PER_PAGE, listAnswers, type AnswerFilters, type AnswerRow } from './answers.server';
import { listCodebook, type CodebookTheme } from './codebook.server';
import { countingCoding } from '~/analysis/coded-themes.server';
import { listCodings, saveCoding, type Coding } from './codings.server';
import { CODED_FILTERS, type CodedFilter } from './filters';
import { suggestThemes } from './suggest';
import { textLanguageOf } from './text';

// What the coding pages (a list of answers, or one at a time) show of each answer: its words,
// the themes suggested by their keywords, who coded it when, and what to tick to begin with.

export interface AnswerToCode extends AnswerRow {
  suggested: Record<number, string[]>;
  codings: { coderName: string; codedAt: string; themeIds: number[]; counts: boolean }[];
  ticked: number[];
  none: boolean;
}

/**
 * One answer ready to code. The boxes start as the officer's own coding, or else as the coding
 * that counts, so a second look starts from what is there. In a double-coding sample (`blind`)
 * an officer sees and starts from their own coding only: never another coder's themes.
 */
export function prepareAnswer(answer: AnswerRow, codings: readonly Coding[], themes: readonly CodebookTheme[], coderId: number, blind: boolean): AnswerToCode {
  const counting = countingCoding(codings);
  const own = codings.find((c) => c.coderId === coderId);
  const start = blind ? own : (own ?? counting);
  const visible = blind ? codings.filter((c) => c.coderId === coderId) : codings;
  const suggested = Object.fromEntries(suggestThemes(answer.text, textLanguageOf(answer.locale), themes).map((s) => [s.themeId, s.matched]));
  return {
    ...answer,
    suggested,
    codings: visible.map((c) => ({ coderName: c.coderName, codedAt: c.codedAt, themeIds: c.themeIds, counts: !blind && c === counting })),
    ticked: start?.themeIds ?? [],
    none: start !== undefined && start.themeIds.length === 0,
  };
}

/** The list's filters from its address; anything unknown falls back to "all", page 1. */
export function readAnswerFilters(url: URL): AnswerFilters {
  const params = url.searchParams;
  const coded = params.get('coded') ?? 'all';
  const theme = Number(params.get('theme'));
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    search: (params.get('q') ?? '').slice(0, 100),
    coded: (CODED_FILTERS as readonly string[]).includes(coded) ? (coded as CodedFilter) : 'all',
    themeId: Number.isInteger(theme) && theme > 0 ? theme : null,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export async function answersPage(db: Db, consultationId: number, questionId: number, filters: AnswerFilters, coderId: number) {
  const themes = await listCodebook(db, consultationId);
  const page = await listAnswers(db, questionId, { ...filters, themeId: themes.some((t) => t.id === filters.themeId) ? filters.themeId : null });
  const codings = await listCodings(
    db,
    page.answers.map((a) => a.id),
  );
  const first = (page.page - 1) * ANSWERS_PER_PAGE + 1;
  return {
    themes,
    ...page,
    answers: page.answers.map((a, i) => ({ ...prepareAnswer(a, codings.get(a.id) ?? [], themes, coderId, false), position: first + i })),
  };
}

/** Saves one officer's coding of one answer, in one transaction with its audit entry. */
export function codeAnswer(db: Db, actor: Actor, input: { consultationId: number; questionId: number; answerId: number; coderId: number; themeIds: number[] }) {
  return saveCoding(db, actor, input);
}
