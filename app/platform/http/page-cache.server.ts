import { createHash } from 'node:crypto';
import type { Db } from '#db/connection';
import { logChange, onLoggedChanges } from '../change-log.server';

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** The Content-Security-Policy nonce the page was rendered with, replaced on every hit. */
  nonce?: string;
  etag: string;
  expiresAt: number;
}

/**
 * Public pages (hub, consultation pages, privacy notice) are the same for everyone who reads
 * them in the same language, so the server keeps the rendered bytes for a short while instead
 * of rendering React again for every visitor. Any change to published content calls clearEverywhere().
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert so the Map's order doubles as least-recently-used order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, page: Omit<CachedPage, 'etag' | 'expiresAt'>, now = Date.now()): CachedPage {
    const etag = `"${createHash('sha1').update(page.body).digest('base64url')}"`;
    const entry: CachedPage = { ...page, headers: [...page.headers, ['etag', etag]], etag, expiresAt: now + this.ttlMs };
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }

  /** Forgets every page, here only (another process's change, heard through the change log). */
  clear(): void {
    this.entries.clear();
  }

  /** Published content changed here: forgets every page, and tells the other processes (sharePageCache). */
  clearEverywhere(): void {
    this.clear();
    this.tellOthers?.();
  }

  private tellOthers: (() => void) | undefined;

  /**
   * Several processes on one database (issue 16): a clear here is written to the change log, and
   * a clear logged by any process clears this cache when the change feed delivers it. The
   * function returned stops listening.
   */
  share(db: Db): () => void {
    this.tellOthers = () => void logChange(db, { kind: 'pages' }).catch((error: unknown) => console.error('Could not log a page cache clear:', error));
    const stop = onLoggedChanges((changed, changes) => {
      if (changed === db && changes.some((c) => c.kind === 'pages')) this.clear();
    });
    return () => {
      this.tellOthers = undefined;
      stop();
    };
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A response may be kept when it is a successful public page that sets no cookie. */
export function isCacheable(response: Response): boolean {
  const cacheControl = response.headers.get('cache-control') ?? '';
  return response.status === 200 && /\bpublic\b/.test(cacheControl) && !response.headers.has('set-cookie');
}

export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
