// @vitest-environment jsdom
import { cleanup, render, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { i18nFor } from '~/platform/i18n/i18n.server';
import type { Column } from '~/analysis/results-model';
import { ResultsTable } from './ResultsTable';
import { useFigures } from './use-figures';

// A group whose small "no answer" hides the number who answered keeps its percentages, of all
// its responses, and its "Answered" line says so rather than "fewer than 10".

afterEach(cleanup);

const shown = (value: number) => ({ suppressed: false, value }) as const;
const HIDDEN = { suppressed: true } as const;
const columns: Column[] = [
  { key: 'a', label: 'Group A', total: false, responses: shown(120), noAnswer: shown(0), notAsked: shown(0), base: shown(120), percentOf: 'answered' },
  { key: 'b', label: 'Group B', total: false, responses: shown(85), noAnswer: HIDDEN, notAsked: shown(0), base: HIDDEN, percentOf: 'responses' },
  // 30 of its 90 were routed past the question: its percentages are of the 60 asked.
  { key: 'c', label: 'Group C', total: false, responses: shown(90), noAnswer: HIDDEN, notAsked: shown(30), base: HIDDEN, percentOf: 'asked' },
];

function Table() {
  const figures = useFigures(10);
  const cell = (count: number, of: number) => ({ suppressed: false, count, percent: (100 * count) / of, ciLow: null, ciHigh: null }) as const;
  return (
    <ResultsTable
      id="t"
      caption="Library?"
      columns={columns}
      rows={[{ key: 'yes', label: 'Yes', cells: [cell(60, 120), cell(51, 85), cell(45, 60)] }]}
      figures={figures}
    />
  );
}

describe('a results table', () => {
  it('shows a group’s percentages of all its responses (or all those asked) where its base is hidden, and says so', () => {
    const router = createMemoryRouter([{ id: 'root', path: '*', element: <Table /> }], { hydrationData: { loaderData: { root: { locale: 'en' } } } });
    const { container } = render(
      <I18nextProvider i18n={i18nFor('en')}>
        <RouterProvider router={router} />
      </I18nextProvider>,
    );
    const table = within(container.querySelector('table')!);
    const yes = table.getByRole('rowheader', { name: 'Yes' }).closest('tr')!;
    expect([...yes.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['50% (60)', '60% (51)', '75% (45)']);
    const answered = table.getByRole('rowheader', { name: 'Answered (the base)' }).closest('tr')!;
    expect([...answered.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['120', '% of all responses', '% of those asked']);
    const noAnswer = table.getByRole('rowheader', { name: 'No answer' }).closest('tr')!;
    expect([...noAnswer.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['0', 'fewer than 10', 'fewer than 10']);
    const notAsked = table.getByRole('rowheader', { name: 'Not asked (their earlier answers skipped this question)' }).closest('tr')!;
    expect([...notAsked.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['0', '0', '30']);
  });
});
