import type { Db } from '#db/connection';
import type { JobQueue } from '~/platform/jobs/queue';
import type { HeavyWork } from '~/platform/workers/pool.server';
import type { PageCache } from './page-cache.server';

// What server.ts hands every loader and action: one database, the public page cache, the
// heavy-work pool, and what this one request has found out so far. Capabilities above platform
// add their own parts to the same interface (auth/rate-limit.server.ts: the rate limits).
declare module '@remix-run/node' {
  interface AppLoadContext {
    db: Db;
    pageCache: PageCache;
    /** Worker threads for reports, spreadsheets and exports (app/platform/workers). */
    heavy: HeavyWork;
    /** Background work shared by every process on the database (app/platform/jobs). */
    jobs: JobQueue;
    request: RequestState;
    /** This request's Content-Security-Policy nonce, for the inline scripts Remix writes. */
    cspNonce: string;
  }
}

export interface RequestState {
  /**
   * Set by an action whose form came back with problems. A form posted without JavaScript is
   * answered in the same request by the action and then the loaders, so the loader can name
   * the page "Error: …" for screen readers, as GOV.UK asks.
   */
  submissionFailed: boolean;
  /**
   * Who is asking, for rate limits: a keyed hash of the client's address that changes with
   * every restart, so it can be counted but never traced back or stored as an address.
   */
  client: string;
}

export function newRequestState(client = 'unknown'): RequestState {
  return { submissionFailed: false, client };
}
