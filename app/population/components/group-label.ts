import type { TFunction } from 'i18next';
import type { PopulationDimension } from '~/population/census-labels';
import { ethnicHighLevel } from '~/responses/demographics';

// A population group in words: the "About you" answer it stands for (so it reads as respondents
// chose it), or the ward's name. A code nobody has words for is shown as it is.

const ABOUT_FIELD: Partial<Record<PopulationDimension, string>> = { ageBand: 'age_band', sex: 'sex', disability: 'disability', carer: 'carer' };

export function groupLabel(t: TFunction, dimension: PopulationDimension, value: string, wards: Readonly<Record<string, string>>): string {
  const field = ABOUT_FIELD[dimension];
  if (field) return t(`about:${field}.${value}`, { defaultValue: value });
  if (dimension === 'ethnicGroup') return t(`about:ethnicity.groups.${value}`, { defaultValue: value });
  if (dimension === 'ethnicity') {
    const group = ethnicHighLevel(value);
    const name = t(`about:ethnicity.${value}`, { defaultValue: value });
    return group ? t('population:ethnicDetail', { group: t(`about:ethnicity.groups.${group}`), name }) : name;
  }
  return wards[value] ?? value;
}
