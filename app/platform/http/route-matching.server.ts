import { createRequire } from 'node:module';
import type { AgnosticRouteMatch, AgnosticRouteObject, StaticHandler } from '@remix-run/router';

// Remix 2 matches a request's address against the routes by flattening and ranking the whole
// route tree every time (@remix-run/router 1.x `matchRoutes`; React Router 7 caches it since
// remix-run/react-router#14967). With our 85 routes that was the biggest single cost of a
// submission: about 15% of its CPU, twice per request. The server-runtime calls the router
// package's exported `matchRoutes` by property (`router.matchRoutes(...)`), so the answer for
// each address is kept here, per route tree. The router's own second call inside
// `staticHandler.query` cannot be reached from outside: instead each request's query runs on a
// static handler made for the one branch of the tree its address matched (narrowRouteQueries),
// where that second match has a single route per level to rank.

type MatchRoutes = (routes: AgnosticRouteObject[], location: string | Partial<Location>, basename?: string) => AgnosticRouteMatch[] | null;
type Location = { pathname: string; search: string; hash: string };

/** Addresses kept per route tree; past this the memo starts again (a flood of made-up addresses costs what it did before). */
const MAX_ADDRESSES = 1000;

type CreateStaticHandler = (routes: AgnosticRouteObject[], opts?: { basename?: string }) => StaticHandler;

const router = createRequire(import.meta.url)('@remix-run/router') as {
  matchRoutes: MatchRoutes & { memoized?: true };
  createStaticHandler: CreateStaticHandler & { narrowed?: true };
};

/** Each caller gets its own copy: a match or its params changed by one request never reach the next. */
const copy = (matches: AgnosticRouteMatch[] | null) => matches?.map((m) => ({ ...m, params: { ...m.params } })) ?? null;

export function memoizeRouteMatching(): void {
  narrowRouteQueries();
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

/** The methods a static handler answers with its matches (anything else it refuses from the whole tree). */
const QUERIED = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The tree cut down to one branch: each matched route with the next one as its only child. */
function branchOf(matches: AgnosticRouteMatch[]): AgnosticRouteObject[] {
  let child: AgnosticRouteObject | undefined;
  for (let i = matches.length - 1; i >= 0; i--) {
    const { route } = matches[i]!;
    // A leaf keeps no children: its own branch is the one that matched.
    child = (child ? { ...route, children: [child] } : { ...route, children: undefined }) as AgnosticRouteObject;
  }
  return child ? [child] : [];
}

/**
 * Remix's server-runtime makes one static handler for the whole route tree (by property,
 * `router.createStaticHandler(...)`), and its `query` and `queryRoute` flatten, rank and match all
 * 85 routes on every request. The handler made here keeps that one, but first matches the address
 * with the memoized matchRoutes and hands the request to a handler made, once, for the matched
 * branch alone: the same routes (ids, loaders, actions, error boundaries) in the same order, so
 * the same match, loaders and action, in a tree where there is nothing else to rank. Addresses
 * that match nothing, and other methods, go to the whole tree's handler as before. Handlers are
 * kept per branch (at most one per route), so made-up addresses cost nothing more.
 */
export function narrowRouteQueries(): void {
  const original = router.createStaticHandler;
  if (original.narrowed) return;
  const createStaticHandler: CreateStaticHandler & { narrowed?: true } = (routes, opts) => {
    const whole = original(routes, opts);
    const branches = new Map<string, StaticHandler>();
    const handlerFor = (request: Request): StaticHandler => {
      if (!QUERIED.has(request.method)) return whole;
      const matches = router.matchRoutes(routes, new URL(request.url).pathname, opts?.basename);
      if (!matches) return whole;
      const key = matches.map((m) => m.route.id).join('\n');
      let handler = branches.get(key);
      if (!handler) branches.set(key, (handler = original(branchOf(matches), opts)));
      return handler;
    };
    return {
      ...whole,
      query: (request, options) => handlerFor(request).query(request, options),
      queryRoute: (request, options) => handlerFor(request).queryRoute(request, options),
    };
  };
  createStaticHandler.narrowed = true;
  router.createStaticHandler = createStaticHandler;
}
