import type { TFunction } from 'i18next';
import type { UploadProblem } from '~/population/upload.server';

// A problem with an uploaded table in the reader's language, placed where they will find it:
// "wards.csv: row 3, column “ward_code”: “E05015014” is not one of this installation’s wards".

export function uploadProblemText(t: TFunction, problem: UploadProblem): string {
  const values: Record<string, string | number> = { ...(problem.values ?? {}) };
  if (problem.code === 'sameDimensionTwice') values.dimension = t(`population:dimension.${problem.values.dimension}`);
  const message = t(`population:problems.${problem.code}`, values);
  const located =
    problem.row === null
      ? message
      : problem.column
        ? t('population:problems.atCell', { row: problem.row, column: problem.column, message })
        : t('population:problems.atRow', { row: problem.row, message });
  return problem.file ? t('population:problems.inFile', { file: problem.file, message: located }) : located;
}
