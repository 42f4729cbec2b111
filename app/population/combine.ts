import { CATEGORY_VALUES, POPULATION_DIMENSIONS, type Approximation, type CategoryDimension, type PopulationDimension } from './census-labels';
import type { MappedFile } from './census-csv';

// Several census tables uploaded together make one set of population figures: each dimension
// from one table. A dimension given by a table of the whole area and again by a table of its
// wards is taken from the whole area (the published figure, not a sum of small areas); given
// twice at the same level it is refused, because we cannot know which the officer meant.
// Ward populations come from the first table of wards that counts everybody.

export interface NamedFile {
  name: string;
  file: MappedFile;
}

export interface BaselineFigure {
  dimension: PopulationDimension;
  value: string;
  count: number;
  approximation: Approximation | null;
}

export interface CombineProblem {
  code: 'sameDimensionTwice';
  values: { dimension: PopulationDimension; first: string; second: string };
}

export type CombineResult =
  { ok: true; figures: BaselineFigure[]; sources: Partial<Record<PopulationDimension, string>> } | { ok: false; problems: CombineProblem[] };

const CATEGORY_DIMENSIONS = POPULATION_DIMENSIONS.filter((d): d is CategoryDimension => d !== 'ward');

export function combineFiles(files: readonly NamedFile[], options: { wardsApproximate: boolean }): CombineResult {
  const figures: BaselineFigure[] = [];
  const sources: Partial<Record<PopulationDimension, string>> = {};
  const problems: CombineProblem[] = [];
  for (const dimension of CATEGORY_DIMENSIONS) {
    const having = files.filter((f) => f.file.figures[dimension]);
    const wholeArea = having.filter((f) => f.file.areaKind === 'other');
    const candidates = wholeArea.length > 0 ? wholeArea : having;
    const [chosen, second] = candidates;
    if (!chosen) continue;
    if (second) {
      problems.push({ code: 'sameDimensionTwice', values: { dimension, first: chosen.name, second: second.name } });
      continue;
    }
    sources[dimension] = chosen.name;
    const counts = chosen.file.figures[dimension] ?? new Map<string, number>();
    const split = chosen.file.split[dimension];
    // Our order first ("Under 16" before "16 to 17"), whatever order the census table had.
    const order = [...CATEGORY_VALUES[dimension], ...[...counts.keys()].filter((v) => !CATEGORY_VALUES[dimension].includes(v))];
    for (const value of order) {
      const count = counts.get(value);
      if (count !== undefined) figures.push({ dimension, value, count, approximation: split?.has(value) ? 'split-band' : null });
    }
  }
  const wardFile = files.find((f) => f.file.wards);
  if (wardFile?.file.wards) {
    sources.ward = wardFile.name;
    for (const [value, count] of wardFile.file.wards) {
      figures.push({ dimension: 'ward', value, count, approximation: options.wardsApproximate ? 'small-area' : null });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, figures, sources };
}
