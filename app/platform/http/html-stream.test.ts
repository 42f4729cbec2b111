import { PassThrough, type Transform } from 'node:stream';
import { createElement } from 'react';
import { renderToPipeableStream } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { withoutUnfilledBytes } from './html-stream.server';

/** React renders the text in paragraphs, through `body`, and what comes out is collected. */
function render(texts: string[], body: Transform | PassThrough): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    body.on('end', () => resolve(Buffer.concat(chunks)));
    const paragraphs = texts.map((text, i) => createElement('p', { key: i }, text));
    const { pipe } = renderToPipeableStream(createElement('main', null, paragraphs), {
      onAllReady: () => pipe(body),
      onError: reject,
    });
  });
}

// `<main>` and three `<p>…</p>` take 1,827 bytes, `<p>` and the b's 220 more: the letter's first
// byte is React's 2,048th, the last of its buffer, and the rest of the letter does not fit.
const straddling = (letter: string) => ['a'.repeat(600), 'a'.repeat(600), 'a'.repeat(600), `${'b'.repeat(217)}${letter}${letter}`, 'after'];

describe('the HTML stream from React', () => {
  it.each([
    ['Polish', 'ę'],
    ['Urdu', 'ھ'],
    ['an emoji (four bytes)', '🐕'],
  ])('loses no byte and adds none when %s straddles a chunk boundary', async (_name, letter) => {
    const html = await render(straddling(letter), withoutUnfilledBytes());
    expect(html.includes(0)).toBe(false);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(html);
    expect(text).toContain(`${'b'.repeat(217)}${letter}${letter}</p>`);
    expect(text).toContain('<p>after</p>');
  });

  it('keeps long Urdu and Polish pages free of NUL bytes and replacement characters', async () => {
    const texts = Array.from({ length: 300 }, (_, i) => (i % 2 ? `کتے کو گھمانا ${i}` : `Zażółć gęślą jaźń ${i}`));
    const text = (await render(texts, withoutUnfilledBytes())).toString('utf8');
    expect(text).not.toContain('\0');
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain('<p>کتے کو گھمانا 299</p>');
  });

  // The reason the stream exists: if this starts failing, React no longer pads, and it can go.
  it('is needed: React 18 alone puts NUL bytes into such a page', async () => {
    const html = await render(straddling('ę'), new PassThrough());
    expect(html.indexOf(0)).toBe(2047);
  });
});
