import { createRequire } from 'node:module';
import type { AgnosticRouteObject } from '@remix-run/router';
import { describe, expect, it } from 'vitest';
import { memoizeRouteMatching } from './route-matching.server';

// The router module the Remix server-runtime calls, as it finds it.
const router = createRequire(import.meta.url)('@remix-run/router') as typeof import('@remix-run/router');
const unmemoized = router.matchRoutes;

const tree = (): AgnosticRouteObject[] => [
  {
    id: 'root',
    path: '',
    children: [
      { id: 'hub', index: true },
      { id: 'consultation', path: 'consultations/:slug' },
      { id: 'check', path: 'consultations/:slug/check' },
      { id: 'step', path: 'consultations/:slug/answer/:step' },
      { id: 'admin', path: 'admin', children: [{ id: 'admin-consultation', path: 'consultations/:id' }] },
    ],
  },
];

const ids = (matches: ReturnType<typeof unmemoized>) => matches?.map((m) => [m.route.id, m.pathname, m.params]) ?? null;

describe('route matching kept per address', () => {
  it('answers every address as the router does, time after time, per route tree', () => {
    const routes = tree();
    const addresses = [
      '/',
      '/consultations/parks/check',
      '/consultations/parks',
      '/consultations/parks/answer/2',
      '/admin/consultations/7',
      '/nowhere',
      '/consultations/parks/check?lng=pl',
    ];
    const expected = addresses.map((a) => ids(unmemoized(routes, a)));
    memoizeRouteMatching();
    expect(router.matchRoutes).not.toBe(unmemoized);
    for (let round = 0; round < 3; round++) expect(addresses.map((a) => ids(router.matchRoutes(routes, a)))).toEqual(expected);
    expect(ids(router.matchRoutes(routes, { pathname: '/consultations/parks/check' }))).toEqual(expected[1]);
    // Another tree (a rebuilt app in development) is matched against its own routes.
    const other: AgnosticRouteObject[] = [{ id: 'only', path: 'consultations/:slug/check' }];
    expect(ids(router.matchRoutes(other, '/consultations/parks/check'))).toEqual([['only', '/consultations/parks/check', { slug: 'parks' }]]);
  });

  it('hands each caller its own matches, so one request changing them leaves the next alone', () => {
    memoizeRouteMatching();
    const routes = tree();
    const first = router.matchRoutes(routes, '/consultations/parks/check')!;
    (first.at(-1)!.params as Record<string, string>).slug = 'changed';
    first.pop();
    const second = router.matchRoutes(routes, '/consultations/parks/check')!;
    expect(second.map((m) => m.route.id)).toEqual(['root', 'check']);
    expect(second.at(-1)!.params).toEqual({ slug: 'parks' });
  });

  it('still matches correctly after more addresses than it keeps', () => {
    memoizeRouteMatching();
    const routes = tree();
    for (let i = 0; i < 2500; i++) expect(router.matchRoutes(routes, `/consultations/c${i}`)?.at(-1)?.params).toEqual({ slug: `c${i}` });
    expect(ids(router.matchRoutes(routes, '/consultations/parks/check'))).toEqual(ids(unmemoized(routes, '/consultations/parks/check')));
  });
});

describe('static handler queries on the matched branch', () => {
  const unnarrowed = router.createStaticHandler;

  // Loaders and actions that say which route answered, with what; one throws to its boundary.
  const dataTree = (): AgnosticRouteObject[] => [
    {
      id: 'root',
      path: '',
      hasErrorBoundary: true,
      loader: () => 'root data',
      children: [
        { id: 'hub', index: true, loader: () => 'hub data' },
        { id: 'consultation', path: 'consultations/:slug', loader: ({ params }) => `consultation ${params.slug}` },
        {
          id: 'check',
          path: 'consultations/:slug/check',
          loader: ({ params }) => `check ${params.slug}`,
          action: async ({ request, params }) => {
            const form = await request.formData();
            if (form.get('go') === 'redirect') return new Response(null, { status: 303, headers: { Location: `/consultations/${params.slug}/done` } });
            return `posted ${String(form.get('go'))} to ${params.slug}`;
          },
        },
        {
          id: 'admin',
          path: 'admin',
          hasErrorBoundary: true,
          loader: () => 'admin data',
          children: [
            { id: 'admin-index', index: true, loader: () => 'admin index', action: () => 'admin index posted' },
            {
              id: 'admin-consultation',
              path: 'consultations/:id',
              loader: ({ params }) => {
                if (params.id === 'broken') throw new Error('no such consultation');
                return `admin consultation ${params.id}`;
              },
            },
          ],
        },
        { id: 'splat', path: '*', loader: ({ params }) => `splat ${params['*']}` },
      ],
    },
  ];

  const requests = (): Request[] => [
    new Request('http://heard.test/'),
    new Request('http://heard.test/consultations/parks'),
    new Request('http://heard.test/consultations/parks/check?lng=pl'),
    new Request('http://heard.test/consultations/parks/check', { method: 'POST', body: new URLSearchParams({ go: 'here' }) }),
    new Request('http://heard.test/admin'),
    new Request('http://heard.test/admin?index', { method: 'POST', body: new URLSearchParams({ go: 'x' }) }),
    new Request('http://heard.test/admin/consultations/7'),
    new Request('http://heard.test/admin/consultations/broken'),
    new Request('http://heard.test/somewhere/else'),
  ];

  /** What a caller of query sees, without the route objects themselves. */
  const seen = (context: Awaited<ReturnType<ReturnType<typeof unnarrowed>['query']>>) => {
    if (context instanceof Response) return { status: context.status, location: context.headers.get('Location') };
    return {
      matches: context.matches.map((m) => [m.route.id, m.pathname, m.params]),
      loaderData: context.loaderData,
      actionData: context.actionData,
      errors: context.errors && Object.fromEntries(Object.entries(context.errors).map(([id, e]) => [id, String((e as Error).message ?? e)])),
      statusCode: context.statusCode,
    };
  };

  it('answers every request as the whole tree does: matches, data, actions, errors at their boundary, redirects', async () => {
    const expected = [];
    const whole = unnarrowed(dataTree());
    for (const request of requests()) expected.push(seen(await whole.query(request)));
    expected.push(
      seen(await whole.query(new Request('http://heard.test/consultations/parks/check', { method: 'POST', body: new URLSearchParams({ go: 'redirect' }) }))),
    );

    memoizeRouteMatching();
    expect(router.createStaticHandler).not.toBe(unnarrowed);
    const narrowed = router.createStaticHandler(dataTree());
    for (let round = 0; round < 2; round++) {
      const got = [];
      for (const request of requests()) got.push(seen(await narrowed.query(request)));
      got.push(
        seen(
          await narrowed.query(new Request('http://heard.test/consultations/parks/check', { method: 'POST', body: new URLSearchParams({ go: 'redirect' }) })),
        ),
      );
      expect(got).toEqual(expected);
    }
    expect(expected.at(-1)).toEqual({ status: 303, location: '/consultations/parks/done' });
    expect(expected[3]).toMatchObject({ actionData: { check: 'posted here to parks' } });
    expect(expected[7]).toMatchObject({ errors: { admin: 'no such consultation' }, statusCode: 500 });
  });

  it('answers a single route query (a data request) as the whole tree does', async () => {
    memoizeRouteMatching();
    const narrowed = router.createStaticHandler(dataTree());
    const whole = unnarrowed(dataTree());
    for (const [url, routeId] of [
      ['http://heard.test/consultations/parks/check', 'check'],
      ['http://heard.test/consultations/parks/check', 'root'],
      ['http://heard.test/admin/consultations/9', undefined],
    ] as const) {
      expect(await narrowed.queryRoute(new Request(url), { routeId })).toEqual(await whole.queryRoute(new Request(url), { routeId }));
    }
    await expect(narrowed.queryRoute(new Request('http://heard.test/consultations/parks'), { routeId: 'check' })).rejects.toMatchObject({ status: 403 });
  });
});
