import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { createRequestHandler, type AppLoadContext, type ServerBuild } from '@remix-run/node';
import { sendRemixResponse } from '@remix-run/express/dist/server.js';
import express from 'express';
import type { ViteDevServer } from 'vite';
import { withBusyAs503 } from './busy.server';
import { newRequestState, type RequestState } from './context';
import { isCacheable, matchesEtag, type CachedPage, type PageCache } from './page-cache.server';
import { nonceOf, securityHeaders, withFreshNonce } from './security-headers.server';
import { remixRequest, requestLimits } from './request-limits.server';
import { sharedSecret } from '~/platform/secrets.server';
import { memoizeRouteMatching } from './route-matching.server';

interface Options {
  pageCache: PageCache;
  /**
   * What every loader and action is handed (server.ts makes it: the database, the heavy-work pool,
   * the rate limits...), given what this request has found so far and its CSP nonce.
   */
  loadContext: (request: RequestState, cspNonce: string) => AppLoadContext;
  /** Express's "trust proxy" setting, when Heard runs behind a reverse proxy. */
  trustProxy?: string;
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: 'production' | 'development';
  /** Production: where `remix vite:build` put the browser files. */
  clientDir?: string;
  /** Development: Vite serves and hot-reloads the browser files. */
  vite?: ViteDevServer;
}

function sendCached(req: express.Request, res: express.Response, page: CachedPage, from: 'hit' | 'miss' = 'hit'): void {
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader('x-page-cache', from);
  if (matchesEtag(req.headers['if-none-match'], page.etag)) {
    // The browser keeps the policy it stored with its copy, whose nonce matches that copy.
    res.removeHeader('Content-Security-Policy');
    res.status(304).end();
    return;
  }
  res.status(page.status).end(req.method === 'HEAD' ? undefined : withFreshNonce(page.body, page.nonce, res));
}

const LANGUAGE_COOKIE = /(?:^|;\s*)lng=([^;]*)/;

/**
 * A public page depends only on its address and its language, and the language only on the
 * address (?lng=), the language cookie and Accept-Language: those, as sent, make the key.
 * Nothing is parsed, so a cache hit costs next to nothing.
 */
function pageCacheKey(req: express.Request): string {
  const cookie = req.headers.cookie?.match(LANGUAGE_COOKIE)?.[1] ?? '';
  return `${req.originalUrl}\n${cookie}\n${req.headers['accept-language'] ?? ''}`;
}

// Keys the client hash: the same in every server on the database (see secrets.server.ts), so the
// rate limits they share count one client as one.
const clientKey = sharedSecret('CLIENT_HASH_SECRET');

function clientOf(req: express.Request): string {
  return createHmac('sha256', clientKey)
    .update(req.ip ?? 'unknown')
    .digest('base64url')
    .slice(0, 16);
}

const WORKSPACE = /^\/admin(\/|$)/;

export function createExpressApp({ pageCache, loadContext, trustProxy, build, mode, clientDir, vite }: Options): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  app.use(securityHeaders({ production: mode === 'production' }));
  // Before anything reads a body or serves a page: methods, encodings and sizes are refused here.
  app.use(requestLimits());

  if (vite) {
    app.use(vite.middlewares);
  } else if (clientDir) {
    // Fingerprinted assets never change under the same name.
    app.use('/assets', express.static(join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }));
    app.use(express.static(clientDir, { maxAge: '1h' }));
  }

  memoizeRouteMatching();
  const handle = createRequestHandler(typeof build === 'function' ? () => build().then(withBusyAs503) : withBusyAs503(build), mode);
  app.all('*', async (req, res, next) => {
    try {
      const cacheKey = pageCache.enabled && (req.method === 'GET' || req.method === 'HEAD') ? pageCacheKey(req) : null;
      const hit = cacheKey ? pageCache.get(cacheKey) : undefined;
      if (hit) return sendCached(req, res, hit);

      const response = await handle(remixRequest(req, res), loadContext(newRequestState(clientOf(req)), nonceOf(res)));
      // Anything done in the workspace may change what the public sees: a published
      // consultation, a framework name. Public pages are rendered afresh after any change.
      if (req.method === 'POST' && WORKSPACE.test(req.path) && response.status < 400) pageCache.clearEverywhere();
      if (cacheKey && req.method === 'GET' && isCacheable(response)) {
        const body = Buffer.from(await response.arrayBuffer());
        const entry = pageCache.set(cacheKey, { status: response.status, headers: [...response.headers], body, nonce: nonceOf(res) });
        return sendCached(req, res, entry, 'miss');
      }
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });
  return app;
}
