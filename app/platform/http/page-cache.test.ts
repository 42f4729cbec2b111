import { describe, expect, it } from 'vitest';
import { isCacheable, matchesEtag, PageCache } from './page-cache.server';
import { PRIVATE_PAGE, PUBLIC_PAGE } from './cache-headers';

const page = (body: string) => ({ status: 200, headers: [['content-type', 'text/html']] as [string, string][], body: Buffer.from(body) });

describe('the public page cache', () => {
  it('serves a kept page with a strong ETag until it expires', () => {
    const cache = new PageCache(1000);
    const entry = cache.set('en /', page('<h1>Hub</h1>'), 0);
    expect(entry.etag).toMatch(/^"[\w-]+"$/);
    expect(cache.get('en /', 999)?.body.toString()).toBe('<h1>Hub</h1>');
    expect(cache.get('en /', 1000)).toBeUndefined();
  });

  it('gives different bytes a different ETag and forgets everything on clear', () => {
    const cache = new PageCache(1000);
    const a = cache.set('en /', page('a'), 0);
    const b = cache.set('ur /', page('b'), 0);
    expect(a.etag).not.toBe(b.etag);
    cache.clear();
    expect(cache.get('en /', 1)).toBeUndefined();
  });

  it('drops the least recently used page when full', () => {
    const cache = new PageCache(1000, 2);
    cache.set('a', page('a'), 0);
    cache.set('b', page('b'), 0);
    cache.get('a', 1);
    cache.set('c', page('c'), 0);
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
  });

  it('keeps only successful public pages that set no cookie', () => {
    expect(isCacheable(new Response('x', { headers: { 'Cache-Control': PUBLIC_PAGE } }))).toBe(true);
    expect(isCacheable(new Response('x', { headers: { 'Cache-Control': PRIVATE_PAGE } }))).toBe(false);
    expect(isCacheable(new Response('x', { status: 404, headers: { 'Cache-Control': PUBLIC_PAGE } }))).toBe(false);
    expect(isCacheable(new Response('x', { headers: { 'Cache-Control': PUBLIC_PAGE, 'Set-Cookie': 'lng=ur' } }))).toBe(false);
  });

  it('matches If-None-Match lists and weak validators', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('W/"abc", "def"', '"abc"')).toBe(true);
    expect(matchesEtag('"def"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});
