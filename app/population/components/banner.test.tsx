// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Comparison, ComparisonRow } from '~/population/representation';
import { renderIn } from '../../../tests/render';
import { BaselineBanner } from './BaselineBanner';
import { UnderRepresented } from './UnderRepresented';

afterEach(cleanup);

const baseline = { name: 'Made-up Stockport', source: 'Invented for training', notes: '' };

describe('the baseline named on the page', () => {
  it('warns that illustrative figures are not census data', () => {
    renderIn(<BaselineBanner baseline={{ ...baseline, kind: 'illustrative' }} />);
    expect(screen.getByTestId('baseline').textContent).toContain(
      'Illustrative figures, not census data: “Made-up Stockport”. Do not quote these comparisons as facts about the population.',
    );
  });

  it('names census figures as such, with their source', () => {
    renderIn(
      <BaselineBanner
        baseline={{
          ...baseline,
          name: 'Census 2021: Stockport',
          kind: 'census',
          source: 'Source: Office for National Statistics licensed under the Open Government Licence v3.0',
        }}
      />,
    );
    const text = screen.getByTestId('baseline').textContent;
    expect(text).toContain('Census figures');
    expect(text).toContain('Population: Census 2021: Stockport');
    expect(text).toContain('Source: Office for National Statistics licensed under the Open Government Licence v3.0');
  });
});

const row = (value: string, underRepresented: boolean): ComparisonRow => ({
  value,
  respondents: { kind: 'suppressed' },
  share: { kind: 'suppressed' },
  population: 100,
  populationShare: 0.1,
  approximation: null,
  ratio: null,
  tested: true,
  pValue: null,
  underRepresented,
});
const comparison = (rows: ComparisonRow[]): Comparison => ({
  rows,
  total: { kind: 'shown', value: 500 },
  notCompared: { kind: 'shown', value: 20 },
  base: { kind: 'shown', value: 480 },
  comparisons: rows.length,
});

describe('the under-represented groups', () => {
  const model = {
    wards: { E05000789: 'Heatons North' },
    dimensions: [
      { dimension: 'ageBand' as const, comparison: comparison([row('85_plus', true), row('35_44', false)]) },
      { dimension: 'ethnicity' as const, comparison: comparison([row('asian_pakistani', true)]) },
      { dimension: 'ward' as const, comparison: comparison([row('E05000789', true)]) },
    ],
  };

  it('lists each flagged group with its dimension, in the respondents’ own answer words', () => {
    renderIn(<UnderRepresented model={model} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Age: 85 or over',
      'Ethnic group (detailed): Asian, Asian British or Asian Welsh: Pakistani',
      'Ward: Heatons North',
    ]);
  });

  it('in Urdu too', () => {
    renderIn(<UnderRepresented model={model} />, 'ur');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('کم نمائندگی والے گروپ');
    expect(screen.getAllByRole('listitem')[2]!.textContent).toBe('وارڈ: Heatons North');
  });

  it('says so when nobody is flagged', () => {
    renderIn(<UnderRepresented model={{ wards: {}, dimensions: [{ dimension: 'sex', comparison: comparison([row('female', false)]) }] }} />);
    expect(screen.getByText('No group is under-represented by this measure.')).toBeTruthy();
  });
});
