import type { Db } from '#db/connection';
import type { PageCache } from './page-cache.server';

// What server.ts hands every loader and action: one database and the public page cache.
declare module '@remix-run/node' {
  interface AppLoadContext {
    db: Db;
    pageCache: PageCache;
  }
}

export {};
