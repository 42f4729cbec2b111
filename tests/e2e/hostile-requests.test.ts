import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { countResponses, openDb, startApp, type RunningApp } from './harness';
import { answersWithinASecond, multipart, send, serverRssMb, type RawRequest } from './raw-http';
import { SLUGS } from './survey';
import { youthPath } from './youth';

// The findings of issue 12 about requests, each as it was found: against the production build,
// over plain HTTP, and each followed by a normal page that must come back within a second.

let app: RunningApp;
let db: Db;

beforeAll(async () => {
  app = await startApp({ serve: true });
  db = openDb(app.databasePath);
});

afterAll(async () => {
  await db?.destroy();
  await app?.stop();
});

const STEP = `/consultations/${SLUGS.oneStockport}/answer/3`;
const CHECK = `/consultations/${SLUGS.oneStockport}/check`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const MB = 1024 * 1024;

async function refused(request: RawRequest, status: number) {
  const response = await send(app.url, request);
  expect(response.status).toBe(status);
  // A short page that says what happened, not the body back again.
  expect(response.body).toMatch(/<h1>[^<]+<\/h1>/);
  expect(response.body.length).toBeLessThan(2000);
  expect(await answersWithinASecond(app.url)).toBe(200);
  return response;
}

describe('A 29-byte anonymous post kills the server', () => {
  it('a 29-byte anonymous post with a huge array index is refused and the server keeps answering', async () => {
    const before = await countResponses(db);
    for (const path of [STEP, CHECK, youthPath('1'), youthPath('check')]) {
      for (const index of [1_000_000, 10_000_000, 99_999_999]) {
        await refused({ method: 'POST', path, headers: FORM, body: `q-top_priorities[${index}]=x` }, 400);
      }
    }
    expect(await countResponses(db)).toBe(before);
    expect(serverRssMb(app.pid)).toBeLessThan(300);
  });

  it('an index within a question’s reach is still read as the form, with what was typed kept', async () => {
    const response = await send(app.url, { method: 'POST', path: STEP, headers: FORM, body: 'q-top_priorities[2]=not-an-option&intent=next' });
    expect(response.status).toBe(400);
    expect(response.body).toContain('<form');
  });
});

describe('No size limit on public posts', () => {
  it('a 10 MB post to a survey step is refused with a short 413, not a 20 MB page', async () => {
    await refused({ method: 'POST', path: STEP, headers: FORM, body: `q-comments=${'a'.repeat(10 * MB)}` }, 413);
  });

  it('a 150 MB post sent in chunks with no length is stopped long before its end', async () => {
    const response = await refused({ method: 'POST', path: STEP, headers: FORM, body: Buffer.alloc(150 * MB, 'a'), chunked: true }, 413);
    expect(response.sentBeforeAnswer).toBeLessThan(20 * MB);
    expect(serverRssMb(app.pid)).toBeLessThan(300);
  });

  it('sign-in refuses a large body before reading it for a token', async () => {
    await refused({ method: 'POST', path: '/admin/sign-in', headers: FORM, body: `email=${'a'.repeat(2 * MB)}`, chunked: true }, 413);
  });

  it('the workspace upload cap counts the bytes, whatever Content-Length says', async () => {
    const { body, contentType } = multipart([['file', { filename: 'big.csv', type: 'text/csv', content: Buffer.alloc(12 * MB, 'a') }]]);
    await refused({ method: 'POST', path: '/admin/consultations/1/import', headers: { 'content-type': contentType }, body, chunked: true }, 413);
  });
});

describe('Malformed requests get 500 instead of 400/413/415', () => {
  it.each([
    ['JSON', 'application/json', '{"q-comments":"hello"}'],
    ['XML', 'application/xml', '<q>hello</q>'],
    ['text', 'text/plain', 'q-comments=hello'],
    ['no content type', undefined, 'q-comments=hello'],
  ])('a %s body is 415', async (_, type, body) => {
    await refused({ method: 'POST', path: STEP, headers: type ? { 'content-type': type } : {}, body }, 415);
  });

  it('a malformed multipart body is 400, and multipart where no file is taken is 415', async () => {
    const path = '/admin/population';
    await refused({ method: 'POST', path, headers: { 'content-type': 'multipart/form-data' }, body: 'x' }, 400);
    await refused(
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'multipart/form-data; boundary=abc' },
        body: '--abc\r\nContent-Disposition: form-data; name="files"; filename="a.csv"\r\n\r\nward,',
      },
      400,
    );
    const { body, contentType } = multipart([['q-comments', 'hello']]);
    await refused({ method: 'POST', path: STEP, headers: { 'content-type': contentType }, body }, 415);
  });

  it('field names nested thousands deep are 400, not a stack overflow', async () => {
    await refused({ method: 'POST', path: STEP, headers: FORM, body: `a${'.b'.repeat(10_000)}=x` }, 400);
    await refused({ method: 'POST', path: CHECK, headers: FORM, body: `a${'[0]'.repeat(10_000)}=x` }, 400);
  });

  it.each(['TRACE', 'PUT', 'DELETE', 'PATCH'])('%s is 405 with Allow', async (method) => {
    const response = await refused({ method, path: STEP }, 405);
    expect(response.headers.allow).toBe('GET, HEAD, POST');
  });

  it('a post from another site is 403, in the language the person reads', async () => {
    const response = await refused({ method: 'POST', path: `${STEP}?lng=pl`, headers: { ...FORM, origin: 'https://evil.example' }, body: 'intent=next' }, 403);
    expect(response.body).toContain('lang="pl"');
    await refused({ method: 'POST', path: '/admin/sign-in', headers: { ...FORM, origin: 'null' }, body: 'email=a' }, 403);
  });

  it('a refusal page keeps the Content-Security-Policy, allowing its own few style rules by their hash alone', async () => {
    const response = await refused({ method: 'TRACE', path: '/' }, 405);
    const style = /<style>([^<]*)<\/style>/.exec(response.body)?.[1] ?? '';
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(policy).not.toContain('unsafe-inline');
  });
});
