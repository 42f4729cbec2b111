// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, type Db } from '#db/connection';
import { createSession, sessionCookieHeader } from '~/auth/sessions.server';
import { insertActiveUser } from '~/auth/users.server';
import { ResultsView, type ResultsViewProps } from '~/analysis/components/ResultsView';
import { ScreenBody } from '~/analysis/components/ScreenBody';
import type { ResultsScreen } from '~/analysis/results-screen';
import { newRequestState } from '~/platform/http/context';
import { i18nFor } from '~/platform/i18n/i18n.server';
import { loader as jsonLoader } from '~/routes/admin.consultations.$id.results[.]json';
import { loader as pageLoader } from '~/routes/admin.consultations.$id.results';
import { createConsultation } from '../../tests/factories';
import { createTestDb } from '../../tests/db';
import { insertResponse } from '~/responses/submit.server';
import type { Channel } from '~/responses/codes';

// Small groups, asked for every way the page and its JSON allow, never give away their size
// or their answers: 3 people in Reddish North (all of whom chose "c") and 7 who answered on
// paper (all young people, all of whom chose "d"). The loaders are called as the server calls
// them, with a signed-in analyst's cookie; the page is rendered from what its loader returned.

const REDDISH_NORTH = 'E05000797';
const THRESHOLD = 10; // the default DISCLOSURE_THRESHOLD the loaders use
let db: Db;
let destroy: () => Promise<void>;
let consultationId: number;
let cookie: string;

async function respond(
  n: number,
  fields: { ward_code: string; respondent_group: string },
  channel: Channel,
  pick: string,
  agree: string,
  options: Map<string, number>,
) {
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < n; i++) {
      await insertResponse(
        trx,
        {
          consultationId,
          fields,
          answers: [
            { question_id: options.get('pick')!, option_id: options.get(pick)! },
            { question_id: options.get('agree')!, option_id: options.get(agree)! },
          ],
        },
        { idempotencyKey: `${fields.ward_code}-${channel}-${pick}-${i}`, locale: 'en', channel, now: new Date() },
      );
    }
  });
}

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  // A few wards as the reference list has them (seedWards reads files jsdom's URL cannot).
  await db
    .insertInto('wards')
    .values([
      { code: 'E05000784', name: 'Heatons North', area_committee: 'Heatons and Reddish', position: 1 },
      { code: 'E05000785', name: 'Heatons South', area_committee: 'Heatons and Reddish', position: 2 },
      { code: REDDISH_NORTH, name: 'Reddish North', area_committee: 'Heatons and Reddish', position: 3 },
      { code: 'E05000798', name: 'Reddish South', area_committee: 'Heatons and Reddish', position: 4 },
    ])
    .execute();
  consultationId = await createConsultation(db, {
    sections: [
      {
        key: 'main',
        questions: [
          { key: 'pick', kind: 'single_choice', options: ['a', 'b', 'c', 'd'] },
          { key: 'agree', kind: 'agree_scale' },
        ],
      },
    ],
  });
  const rows = await db
    .selectFrom('options')
    .innerJoin('questions', 'questions.id', 'options.question_id')
    .select(['options.id', 'options.key', 'questions.id as question_id', 'questions.key as question'])
    .where('questions.consultation_id', '=', consultationId)
    .execute();
  const ids = new Map<string, number>(rows.flatMap((r) => [[r.key, r.id] as [string, number], [r.question, r.question_id] as [string, number]]));
  const resident = (ward: string) => ({ ward_code: ward, respondent_group: 'resident' });
  await respond(32, resident('E05000784'), 'online', 'a', 'agree', ids);
  await respond(28, resident('E05000785'), 'online', 'b', 'disagree', ids);
  await respond(3, resident(REDDISH_NORTH), 'online', 'c', 'strongly_agree', ids);
  await respond(7, { ward_code: 'E05000784', respondent_group: 'young_person' }, 'paper', 'd', 'neither', ids);
  const user = await insertActiveUser(db, { email: 'analyst@example.org', role: 'analyst', password: 'a long enough password' });
  const { token } = await createSession(db, user.id);
  cookie = (await sessionCookieHeader(new Request('http://localhost/'), token)).split(';')[0]!;
}, 60_000);
afterAll(() => destroy());
afterEach(cleanup);

function args(path: string): LoaderFunctionArgs {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  const context = { db, request: newRequestState() } as unknown as LoaderFunctionArgs['context'];
  return { request, context, params: { id: String(consultationId) } };
}

type Loaded = ResultsViewProps & { title: string; screen: ResultsScreen; query: string };
async function page(query: string): Promise<Loaded> {
  const result = (await pageLoader(args(`/admin/consultations/${consultationId}/results${query}`))) as unknown as {
    data: Loaded;
    init: { status?: number } | null;
  };
  expect(result.init?.status ?? 200).toBe(200);
  return result.data;
}

async function json(query: string): Promise<unknown> {
  const response = await jsonLoader(args(`/admin/consultations/${consultationId}/results.json${query}`));
  expect(response.status).toBe(200);
  return response.json();
}

/** Every number the model shows as a count: none may be from 1 to 9. */
function shownCounts(value: unknown, path = ''): { path: string; n: number }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => shownCounts(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (record.suppressed === true) expect(Object.keys(record), `${path} carries nothing but "suppressed"`).toEqual(['suppressed']);
  return Object.entries(record).flatMap(([key, v]) =>
    (key === 'count' || key === 'value') && typeof v === 'number' && record.suppressed === false
      ? [{ path: `${path}.${key}`, n: v }]
      : shownCounts(v, `${path}.${key}`),
  );
}

function expectNothingSmall(model: unknown) {
  const small = shownCounts(model).filter(({ n }) => n > 0 && n < THRESHOLD);
  expect(small).toEqual([]);
}

/** The page as the route draws it: a breakdown's list of questions or one question under the form. */
function renderPage({ screen, query, ...data }: Loaded) {
  const body = screen.kind === 'all' ? undefined : <ScreenBody screen={screen} model={data.model} query={query} threshold={data.threshold} />;
  const element = <ResultsView {...data}>{body}</ResultsView>;
  const router = createMemoryRouter([{ id: 'root', path: '*', element }], {
    initialEntries: [`/admin/consultations/${consultationId}/results`],
    hydrationData: { loaderData: { root: { locale: 'en' } } },
  });
  const { container } = render(
    <I18nextProvider i18n={i18nFor('en')}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
  return container;
}

/** Table cells and chart figures: a count in brackets or a figure on its own is never 1 to 9. */
function expectPageHidesSmall(container: HTMLElement) {
  const figures = [...container.querySelectorAll('td, .chart__value, .dot-chart__value, .dot-chart__caption')].map((el) => el.textContent ?? '');
  for (const text of figures) {
    for (const match of text.matchAll(/(?<![\d.%])(\d+)(?![\d%])/g)) {
      const n = Number(match[1]);
      expect(n === 0 || n >= THRESHOLD, `"${text}" shows ${n}`).toBe(true);
    }
  }
}

const cases: [string, string][] = [
  ['broken down by ward (Reddish North has 3)', '?breakdown=ward'],
  ['one question by ward, its groups compared', '?breakdown=ward&question=pick'],
  ['one question by ward, compared on the small ward’s answer', '?breakdown=ward&question=pick&option=c'],
  ['one question by ward, with its full table', '?breakdown=ward&question=pick&table=pick'],
  ['a scale by channel, with its full table', '?breakdown=channel&question=agree&table=agree'],
  ['broken down by channel (paper has 7)', '?breakdown=channel'],
  ['broken down by area committee, then by respondent group', '?breakdown=areaCommittee'],
  ['young people by channel', '?breakdown=channel&respondentGroup=young_person'],
  ['filtered to Reddish North', `?ward=${REDDISH_NORTH}`],
  ['filtered to paper', '?channel=paper'],
  ['filtered to paper, by ward', '?channel=paper&breakdown=ward'],
  ['Reddish North and paper together, by respondent group', `?ward=${REDDISH_NORTH}&channel=paper&breakdown=respondentGroup`],
];

describe('no page or endpoint reveals a hidden figure', () => {
  for (const [name, query] of cases) {
    it(`${name}: the page model, its JSON and its HTML`, async () => {
      const data = await page(query);
      expect(data.model).not.toBeNull();
      expectNothingSmall(data.model);
      expectNothingSmall(data.screen);
      if (data.screen.kind === 'question') {
        const figures = data.screen.comparison?.groups.flatMap((g) => [g.count, g.base]) ?? [];
        expect(figures.filter((n) => n > 0 && n < THRESHOLD)).toEqual([]);
      }
      expectNothingSmall(await json(query));
      const container = renderPage(data);
      expectPageHidesSmall(container);
      expect(container.textContent).toContain('fewer than 10');
    });
  }

  it('says, on a filtered page only, that its figures are protected with everyone’s and with the rest’s, not across filters', async () => {
    const promise = 'read beside the figures for everyone and for everyone the filters leave out';
    expect(renderPage(await page('?channel=paper')).textContent).toContain(promise);
    cleanup();
    expect(renderPage(await page('?breakdown=channel')).textContent).not.toContain(promise);
  });

  it('shows the small ward’s column as "fewer than 10", with no count in the JSON', async () => {
    const model = (await json('?breakdown=ward')) as {
      questions: { columns: { key: string; responses: unknown }[]; rows: { key: string; cells: unknown[] }[] }[];
    };
    const pick = model.questions[0]!;
    const j = pick.columns.findIndex((c) => c.key === REDDISH_NORTH);
    expect(pick.columns[j]!.responses).toEqual({ suppressed: true });
    expect(pick.rows.map((r) => r.cells[j])).toEqual([{ suppressed: true }, { suppressed: true }, { suppressed: true }, { suppressed: true }]);
  });

  it('lists the small ward as hidden beside the compared groups, with the reason and no figure', async () => {
    const data = await page('?breakdown=ward&question=pick&option=c');
    const container = renderPage(data);
    const hidden = container.querySelector('.compare-hidden')!;
    expect(hidden.querySelector('h4')!.textContent).toMatch(/^\d+ groups? not in the chart$/);
    expect(hidden.textContent).toContain('figures are hidden, to protect people in small groups:');
    expect(hidden.textContent).toContain('Reddish North');
    const charted = [...container.querySelectorAll('.dot-chart__label')].map((el) => el.textContent);
    expect(charted.some((label) => label?.includes('Reddish North'))).toBe(false);
  });

  it('says only "fewer than 10" when a filter picks out a small group', async () => {
    const data = await page('?channel=paper');
    expect(data.model!.responses).toEqual({ suppressed: true });
    const container = renderPage(data);
    expect(container.querySelector('[data-testid="responses"]')!.textContent).toBe(
      'These filters match fewer than 10 responses, so no figures are shown, to protect the people who gave them.',
    );
    expect(container.querySelectorAll('table')).toHaveLength(0);
  });

  it('answers a made-up group with 400 and the reason', async () => {
    const result = (await pageLoader(args(`/admin/consultations/${consultationId}/results?ward=nowhere`))) as unknown as {
      data: Loaded;
      init: { status?: number };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.model).toBeNull();
    const container = renderPage(result.data);
    expect(container.querySelector('.error-summary')!.textContent).toContain('Choose groups from the lists shown');
    const response = await jsonLoader(args(`/admin/consultations/${consultationId}/results.json?ward=nowhere`));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { ward: 'Choose groups from the lists shown' } });
  });
});
