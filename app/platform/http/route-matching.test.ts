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
