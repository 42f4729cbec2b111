import { createRequire } from 'node:module';
import type { AgnosticRouteMatch, AgnosticRouteObject } from '@remix-run/router';

// Remix 2 matches a request's address against the routes by flattening and ranking the whole
// route tree every time (@remix-run/router 1.x `matchRoutes`; React Router 7 caches it since
// remix-run/react-router#14967). With our 85 routes that was the biggest single cost of a
// submission: about 15% of its CPU, twice per request. The server-runtime calls the router
// package's exported `matchRoutes` by property (`router.matchRoutes(...)`), so the answer for
// each address is kept here, per route tree; the router's own second call inside
// `staticHandler.query` cannot be reached from outside and still pays.

type MatchRoutes = (routes: AgnosticRouteObject[], location: string | Partial<Location>, basename?: string) => AgnosticRouteMatch[] | null;
type Location = { pathname: string; search: string; hash: string };

/** Addresses kept per route tree; past this the memo starts again (a flood of made-up addresses costs what it did before). */
const MAX_ADDRESSES = 1000;

const router = createRequire(import.meta.url)('@remix-run/router') as { matchRoutes: MatchRoutes & { memoized?: true } };

/** Each caller gets its own copy: a match or its params changed by one request never reach the next. */
const copy = (matches: AgnosticRouteMatch[] | null) => matches?.map((m) => ({ ...m, params: { ...m.params } })) ?? null;

export function memoizeRouteMatching(): void {
  const original = router.matchRoutes;
  if (original.memoized) return;
  const memo = new WeakMap<AgnosticRouteObject[], Map<string, AgnosticRouteMatch[] | null>>();
  const matchRoutes: MatchRoutes & { memoized?: true } = (routes, location, basename) => {
    const pathname = typeof location === 'string' ? location : location.pathname;
    // Anything but a plain address (a location object with more than a path) is matched as before.
    if (pathname === undefined || (typeof location !== 'string' && (location.search || location.hash))) return original(routes, location, basename);
    let kept = memo.get(routes);
    if (!kept) memo.set(routes, (kept = new Map()));
    const key = `${basename ?? '/'}\n${pathname}`;
    let matches = kept.get(key);
    if (matches === undefined) {
      matches = original(routes, location, basename);
      if (kept.size >= MAX_ADDRESSES) kept.clear();
      kept.set(key, matches);
    }
    return copy(matches);
  };
  matchRoutes.memoized = true;
  router.matchRoutes = matchRoutes;
}
