import type { TFunction } from 'i18next';
import type { Problem } from './check';

// A problem in words, in the reader's language, the same on the import page and on the
// command line: "Row 17, column ward: “Bramhal” is not a ward – did you mean “Bramhall North”?"

export function problemText(t: TFunction, problem: Problem): string {
  const [ns = 'intake', key = ''] = problem.code.split(':');
  const base = ns === 'intake' ? t(`intake:problems.${key}`, problem.values ?? {}) : t(`${ns}:errors.${key}`, problem.values ?? {});
  const message = problem.suggestion ? t('intake:problems.didYouMean', { message: base, suggestion: problem.suggestion }) : base;
  if (problem.row === null) return message;
  if (problem.column === null || problem.column === '') return t('intake:problems.atRow', { row: problem.row, message });
  return t('intake:problems.atCell', { row: problem.row, column: problem.column, message });
}

/** How many problems a page or terminal lists before saying how many more there are. */
export const PROBLEMS_LISTED = 200;
