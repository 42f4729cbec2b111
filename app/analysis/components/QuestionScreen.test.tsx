// @vitest-environment jsdom
import { cleanup, render, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '~/platform/i18n/config';
import { i18nFor } from '~/platform/i18n/i18n.server';
import { g, question, wardModel } from '../compare.fixture';
import { NOT_STATED } from '../filters';
import { resultsScreen, screenRequestOf, type ResultsScreen } from '../results-screen';
import { HIDDEN } from '../results-model';
import { ScreenBody } from './ScreenBody';
import { TestNote } from './TestNote';
import { useFigures } from './use-figures';

// One question of a breakdown as an officer reads it, with and without a screen reader: the
// groups ranked in words (share, interval, base, "notably higher"), the groups left out named
// with the reason, the answer picked by a plain form, the full table behind a link, and the
// drawing mirrored in Urdu.

afterEach(cleanup);

const model = wardModel({
  questions: [
    question('before', [g('W1', 50, 50), g('W2', 50, 50)]),
    question('agree', [g('W1', 40, 60), g('W2', 90, 30), g('W3', 55, 45), g(NOT_STATED, 70, 30), g('W4', null, null, { responses: null, base: null })]),
  ],
  youth: [],
  themes: [],
});

/** Renders inside a router whose root loader gave the page's language, as the app does. */
function renderRouted(element: ReactElement, path: string, locale: Locale = 'en') {
  const router = createMemoryRouter([{ id: 'root', path: '*', element }], {
    initialEntries: [path],
    hydrationData: { loaderData: { root: { locale } } },
  });
  return render(
    <I18nextProvider i18n={i18nFor(locale)}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
}

function show(query: string, locale: Locale = 'en', from = model) {
  const shown = resultsScreen(from, screenRequestOf(new URLSearchParams(query)))!;
  const screen: ResultsScreen = shown.screen;
  const element = <ScreenBody screen={screen} model={shown.model} query="breakdown=ward" threshold={10} />;
  return renderRouted(element, `/admin/consultations/1/results?breakdown=ward&${query}`, locale);
}

const words = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('one question of a breakdown', () => {
  it('ranks the groups in words, highest share first, with interval, base and the notable ones', () => {
    const { getByRole } = show('question=agree&option=yes');
    const chart = getByRole('figure', { name: /The percentage of those who answered who chose “Yes”, group by group \(Ward\), highest first/ });
    expect(words(chart)).toContain('Dashed line: everyone, 61% (56% to 65%), 420 answered.');
    const rows = within(chart).getAllByRole('listitem').map(words);
    expect(rows).toEqual([
      'Ward W2: 75% 67% to 82%, 120 answered notably higher',
      'Ward W3: 55% 45% to 64%, 100 answered',
      'Ward W1: 40% 31% to 50%, 100 answered notably lower',
      'Not stated (did not say, so not compared): 70% 60% to 78%, 100 answered',
    ]);
  });

  it('names the groups left out of the chart and why, with no figure for them', () => {
    const { getByRole } = show('question=agree&option=yes');
    const hidden = getByRole('list', { name: '1 group not in the chart' });
    expect(words(hidden)).toBe('This group’s figures are hidden, to protect people in small groups: Ward W4');
  });

  it('lets the officer pick the answer with a plain form that keeps the breakdown and the question', () => {
    const { getByRole, container } = show('question=agree');
    const select = getByRole('combobox', { name: 'Compare the groups on this answer' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Yes (2 notable differences)', 'No (2 notable differences)']);
    const form = select.closest('form')!;
    expect(form.getAttribute('method')).toBe('get');
    const kept = [...form.querySelectorAll('input[type="hidden"]')].map((i) => `${i.getAttribute('name')}=${i.getAttribute('value')}`);
    expect(kept).toEqual(['breakdown=ward', 'question=agree']);
    expect(container.querySelector('table')).toBeNull();
  });

  it('shows the full table only when asked for, and links to the questions either side', () => {
    const { getByRole } = show('question=agree&option=no');
    const link = getByRole('link', { name: 'Show the full table of every group and every answer' });
    expect(link.getAttribute('href')).toBe('/admin/consultations/1/results?breakdown=ward&question=agree&option=no&table=agree#full-table');
    cleanup();
    const withTable = show('question=agree&option=no&table=agree');
    expect(withTable.container.querySelector('table')).not.toBeNull();
    expect(withTable.getByRole('link', { name: 'Hide the full table' })).toBeTruthy();
    const pages = withTable.getByRole('navigation', { name: 'Other questions' });
    expect(words(within(pages).getByRole('link'))).toBe('Previous question: Question before?');
  });

  it('mirrors the drawing in Urdu, the scale running from the right', () => {
    const en = show('question=agree&option=yes').container.querySelector('.dot-chart__dot')!;
    expect(en.getAttribute('cx')).toBe('75%');
    cleanup();
    const ur = show('question=agree&option=yes', 'ur').container.querySelector('.dot-chart__dot')!;
    expect(ur.getAttribute('cx')).toBe('25%');
  });
});

describe('one question some were routed past', () => {
  // W1: 100 people, 60 not asked, 30 of the 40 asked say yes; W2: 110, all asked, 10 no answer,
  // 50 of 100 say yes; W3: 12 people, none asked.
  const routed = wardModel({
    questions: [
      question('runs', [
        g('W1', 30, 10, { responses: 100, notAsked: 60 }),
        g('W2', 50, 50, { responses: 110 }),
        g('W3', 0, 0, { responses: 12, base: 0, notAsked: 12 }),
      ]),
    ],
    youth: [],
    themes: [],
  });

  it('gives each group’s base as those asked who answered, beside how many were not asked', () => {
    const { getByRole } = show('question=runs&option=yes', 'en', routed);
    const chart = getByRole('figure', { name: /who chose “Yes”/ });
    expect(words(chart)).toMatch(/Dashed line: everyone, 57% \(\d+% to \d+%\), 140 answered; 72 not asked\./);
    expect(within(chart).getAllByRole('listitem').map(words)).toEqual([
      expect.stringMatching(/^Ward W1: 75% \d+% to \d+%, 40 answered, 60 not asked notably higher$/),
      expect.stringMatching(/^Ward W2: 50% \d+% to \d+%, 100 answered, 0 not asked notably lower$/),
    ]);
    expect(getByRole('region', { name: 'Who chose “Yes”' }).textContent).toContain(
      'Some people were not asked this question because of their earlier answers. They are in no group’s percentage and in none of the tests',
    );
  });

  it('names a group none of whom were asked as such, not as nobody answering', () => {
    const { getByRole } = show('question=runs&option=yes', 'en', routed);
    const hidden = getByRole('list', { name: '1 group not in the chart' });
    expect(words(hidden)).toBe('Nobody in this group was asked the question (their earlier answers skipped it): Ward W3');
  });

  it('says "fewer than 10" where a group’s not-asked count is hidden beside its shown base', () => {
    const q = question('runs', [g('W1', 30, 10, { responses: 100, notAsked: 60 }), g('W2', 50, 50, { responses: 110 })]);
    // W2's small "no answer" and "not asked" hide each other; its answers, and so its base, are shown.
    q.columns[2] = { ...q.columns[2]!, noAnswer: HIDDEN, notAsked: HIDDEN };
    const { getByRole } = show('question=runs&option=yes', 'en', wardModel({ questions: [q], youth: [], themes: [] }));
    const rows = within(getByRole('figure', { name: /who chose “Yes”/ }))
      .getAllByRole('listitem')
      .map(words);
    expect(rows).toContainEqual(expect.stringMatching(/^Ward W2: 50% \d+% to \d+%, 100 answered, fewer than 10 not asked/));
  });

  it('says it in Polish and Urdu too', () => {
    const pl = show('question=runs&option=yes', 'pl', routed);
    expect(words(pl.getByRole('figure'))).toContain('odpowiedziało 40, nie zadano pytania: 60');
    cleanup();
    const ur = show('question=runs&option=yes', 'ur', routed);
    expect(words(ur.getByRole('figure'))).toContain('سے نہیں پوچھا گیا');
  });
});

describe('the list of questions of a breakdown', () => {
  it('puts the question where groups differ first, with its most notable difference in words', () => {
    const { getAllByRole, getByRole } = show('');
    expect(getByRole('heading', { level: 2, name: 'Where the groups differ' })).toBeTruthy();
    const differs = getByRole('region', { name: '1 question with notable differences' });
    expect(within(differs).getByRole('link').textContent).toBe('Question agree?');
    expect(words(differs.querySelector('.results-outline__summary')!)).toBe(
      '4 notable differences. The most notable: Ward W2: 75% chose “Yes”, more than the other groups (48%).',
    );
    const links = getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(links[0]).toBe('/admin/consultations/1/results?breakdown=ward&question=agree#question');
  });
});

describe('what the tests found, in words', () => {
  function Note({ q }: { q: ReturnType<typeof question> }) {
    return <TestNote q={q} figures={useFigures(10)} />;
  }

  it('says a ranking’s groups differ in who ranked an item first, not in who chose it', () => {
    const ranked = question('rank', [g('W1', 20, 80), g('W2', 80, 20), g('W3', 50, 50)], 'ranking');
    ranked.ranking = ranked.rows.map((r) => ({ key: r.key, label: r.label, first: r.cells, top3: r.cells, meanRank: r.cells.map(() => HIDDEN) }));
    const { container } = renderRouted(<Note q={ranked} />, '/admin/consultations/1/results?breakdown=ward&question=rank');
    const said = [...container.querySelectorAll('.results-notable li')].map(words);
    expect(said.length).toBeGreaterThan(0);
    for (const line of said) expect(line).toMatch(/^Ward W\d: \d+% ranked “(Yes|No)” first, (more|fewer) than the other groups \(\d+%\)\. \(p/);
  });
});
