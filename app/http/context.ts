import type { Db } from '#db/connection';
import type { PageCache } from './page-cache.server';

// What server.ts hands every loader and action: one database, the public page cache, and what
// this one request has found out so far.
declare module '@remix-run/node' {
  interface AppLoadContext {
    db: Db;
    pageCache: PageCache;
    request: RequestState;
  }
}

export interface RequestState {
  /**
   * Set by an action whose form came back with problems. A form posted without JavaScript is
   * answered in the same request by the action and then the loaders, so the loader can name
   * the page "Error: …" for screen readers, as GOV.UK asks.
   */
  submissionFailed: boolean;
}

export function newRequestState(): RequestState {
  return { submissionFailed: false };
}
