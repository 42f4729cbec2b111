import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { withFreshNonce } from './security-headers.server';

// A page kept in the public page cache is sent to every reader with that reader's own nonce, in
// every script that carried the old one, and every other byte as it was rendered.

const answer = (nonce: string) => ({ locals: { cspNonce: nonce } }) as unknown as Response;

describe('a cached page with a fresh nonce', () => {
  const page = Buffer.from(
    '<html lang="ur" dir="rtl"><body><h1>آپ کی رائے</h1><script nonce="old-nonce-1234567890ab">window.a=1</script>' +
      '<p>Zażółć gęślą jaźń</p><script nonce="old-nonce-1234567890ab">window.b="nonce=\\"x\\""</script></body></html>',
  );

  it('gives every script the reader’s nonce and keeps every other byte, Urdu and Polish letters included', () => {
    for (const nonce of ['first-reader-nonce-xyz', 'second-reader-nonce-q']) {
      const sent = withFreshNonce(page, 'old-nonce-1234567890ab', answer(nonce)).toString('utf8');
      expect(sent).toBe(page.toString('utf8').replaceAll('old-nonce-1234567890ab', nonce));
      expect(sent.match(new RegExp(`nonce="${nonce}"`, 'g'))).toHaveLength(2);
    }
  });

  it('sends the page as it is when it has no nonce, or the reader’s is the same', () => {
    const plain = Buffer.from('<p>no scripts</p>');
    expect(withFreshNonce(plain, 'old-nonce-1234567890ab', answer('new'))).toBe(plain);
    expect(withFreshNonce(page, undefined, answer('new'))).toBe(page);
    expect(withFreshNonce(page, 'old-nonce-1234567890ab', answer('old-nonce-1234567890ab'))).toBe(page);
  });
});
