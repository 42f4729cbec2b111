import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageCookie } from '~/platform/i18n/i18n.server';
import { MAX_FIELDS, PUBLIC_FORM_BYTES, WORKSPACE_FORM_BYTES } from './form-limits.server';
import { remixRequest, requestLimits } from './request-limits.server';

// The limits in front of a real Express server on loopback; behind them, a handler that reads
// the Request Remix would get and says what it found, so a test sees what the app would see.

let base: string;
let close: () => void;
let reached = 0;

beforeAll(async () => {
  const app = express();
  app.use(requestLimits());
  app.all('*', async (req, res) => {
    reached += 1;
    const request = remixRequest(req, res);
    if (request.method !== 'POST') return res.json({ method: request.method });
    const form = await request.formData();
    const fields = await Promise.all(
      [...form].map(async ([name, value]) => [name, typeof value === 'string' ? value : { name: value.name, type: value.type, text: await value.text() }]),
    );
    res.json({ fields });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((ready) => server.once('listening', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});

afterAll(() => close());

const SURVEY = '/consultations/demo/answer/3';
const IMPORT = '/admin/consultations/1/import';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const post = (path: string, body: BodyInit, headers: Record<string, string> = FORM) => fetch(base + path, { method: 'POST', headers, body });

async function expectRefused(response: Response, status: number) {
  expect(response.status).toBe(status);
  const html = await response.text();
  expect(html).toMatch(/<h1>[^<]+<\/h1>/);
  expect(html.length).toBeLessThan(2000);
  return html;
}

describe('methods', () => {
  it.each(['TRACE', 'PUT', 'DELETE', 'PATCH', 'PROPFIND'])('%s is 405 with the methods that are answered', async (method) => {
    const before = reached;
    // fetch will not send TRACE; a plain HTTP client will.
    const { status, allow, html } = await new Promise<{ status: number; allow?: string; html: string }>((done, fail) => {
      const req = httpRequest(base + SURVEY, { method, headers: method === 'TRACE' ? {} : { 'content-length': '1' } }, (res) => {
        let html = '';
        res.on('data', (chunk: Buffer) => (html += chunk.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, allow: res.headers.allow, html }));
      });
      req.on('error', fail);
      req.end(method === 'TRACE' ? undefined : 'x');
    });
    expect(status).toBe(405);
    expect(allow).toBe('GET, HEAD, POST');
    expect(html).toMatch(/<h1>[^<]+<\/h1>/);
    expect(reached).toBe(before);
  });

  it('OPTIONS says which methods are answered, with no page', async () => {
    const response = await fetch(base + SURVEY, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
  });
});

describe('encodings', () => {
  it.each([['application/json'], ['application/xml'], ['text/plain'], ['']])('a post as "%s" is 415', async (type) => {
    await expectRefused(await post(SURVEY, '{"a":1}', type ? { 'content-type': type } : {}), 415);
  });

  it('multipart is 415 where no file is taken, and read where one is', async () => {
    const form = new FormData();
    form.append('a', 'b');
    await expectRefused(await post(SURVEY, form, {}), 415);
    const response = await post(IMPORT, form, {});
    expect(await response.json()).toEqual({ fields: [['a', 'b']] });
  });
});

describe('sizes', () => {
  it('a form up to the public limit is read whole, in any script', async () => {
    const text = 'Zażółć gęślą jaźń, اردو '.repeat(1000);
    const response = await post(SURVEY, new URLSearchParams({ q: text }).toString());
    expect(await response.json()).toEqual({ fields: [['q', text]] });
  });

  it('a form over the public limit is 413, and a workspace form of the same size is read', async () => {
    const body = `q=${'a'.repeat(PUBLIC_FORM_BYTES)}`;
    await expectRefused(await post(SURVEY, body), 413);
    expect((await post('/admin/framework', body)).status).toBe(200);
    await expectRefused(await post('/admin/framework', `q=${'a'.repeat(WORKSPACE_FORM_BYTES)}`), 413);
  });

  it('a body sent in chunks with no length is counted as it arrives and stopped past the limit', async () => {
    // Up to 64 MB, unless the answer comes first: it must, long before.
    const { status, sent } = await new Promise<{ status: number; sent: number }>((done, fail) => {
      let sent = 0;
      let answered = false;
      const req = httpRequest(base + SURVEY, { method: 'POST', headers: { ...FORM, 'transfer-encoding': 'chunked' } }, (res) => {
        answered = true;
        res.resume();
        done({ status: res.statusCode ?? 0, sent });
      });
      req.on('error', (error) => (answered ? undefined : fail(error)));
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!answered && sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return req.once('drain', pump);
        }
        req.end();
      };
      req.write('q=');
      pump();
    });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });

  it('a Content-Length over the limit is refused before any of the body is read', async () => {
    const status = await new Promise<number>((done, fail) => {
      const req = httpRequest(base + SURVEY, { method: 'POST', headers: { ...FORM, 'content-length': String(150 * 1024 * 1024) } }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', () => undefined);
      req.write('q=a');
      setTimeout(() => fail(new Error('no answer to a 150 MB claim')), 5000).unref();
    });
    expect(status).toBe(413);
  });

  it(`more than ${MAX_FIELDS} fields is 413, even empty ones`, async () => {
    await expectRefused(await post('/admin/framework', '&'.repeat(MAX_FIELDS + 1)), 413);
    const many = Array.from({ length: MAX_FIELDS + 1 }, (_, i) => `f${i}=x`).join('&');
    await expectRefused(await post('/admin/framework', many), 413);
  });
});

describe('field names', () => {
  it.each([
    ['nested thousands deep with dots', `a${'.b'.repeat(5000)}=x`],
    ['nested thousands deep with brackets', `a${'[0]'.repeat(5000)}=x`],
    ['an index of a hundred million', 'q-top_priorities[99999999]=x'],
    ['an index just past 100', 'q-top_priorities[101]=x'],
    ['a name longer than any form uses', `${'n'.repeat(300)}=x`],
    ['a conform intent the forms never send', `__intent__=${encodeURIComponent('{"type":"insert","payload":{"name":"q","index":99999999}}')}`],
    ['a conform state that is not JSON', '__state__=%7B'],
  ])('%s is 400 and never reaches the app', async (_, body) => {
    const before = reached;
    await expectRefused(await post(SURVEY, body), 400);
    expect(reached).toBe(before);
  });

  it('indexes up to 100 on public forms, and up to the field limit in the workspace, are read', async () => {
    expect(await (await post(SURVEY, 'q[100]=x&a.b[2].c=y')).json()).toEqual({
      fields: [
        ['q[100]', 'x'],
        ['a.b[2].c', 'y'],
      ],
    });
    expect((await post('/admin/framework', 'q[1000]=x')).status).toBe(200);
    await expectRefused(await post('/admin/framework', 'q[1001]=x'), 400);
  });

  it('a deep name in a multipart upload is 400 too', async () => {
    const form = new FormData();
    form.append(`a${'[0]'.repeat(50)}`, 'x');
    await expectRefused(await post(IMPORT, form, {}), 400);
  });
});

describe('multipart', () => {
  const raw = (boundary: string, body: string) => post(IMPORT, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });

  it('a body with no boundary, the wrong boundary, or cut short is 400', async () => {
    await expectRefused(await post(IMPORT, 'x', { 'content-type': 'multipart/form-data' }), 400);
    await expectRefused(await raw('abc', '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--xyz--\r\n'), 400);
    await expectRefused(await raw('abc', '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nward,age\r\nE1,'), 400);
  });

  it('a spreadsheet upload arrives as the same file, name and type', async () => {
    const csv = 'ward,age\r\nE05000780,34\r\n'.repeat(2000);
    const form = new FormData();
    form.append('csrf', 'token');
    form.append('file', new File([csv], 'responses.csv', { type: 'text/csv' }));
    const response = await post(IMPORT, form, {});
    expect(await response.json()).toEqual({
      fields: [
        ['csrf', 'token'],
        ['file', { name: 'responses.csv', type: 'text/csv', text: csv }],
      ],
    });
  });

  it('an upload over its limit is 413', async () => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(12 * 1024 * 1024)], 'big.csv', { type: 'text/csv' }));
    await expectRefused(await post(IMPORT, form, {}), 413);
  });
});

describe('other sites', () => {
  it('a post whose Origin is another site, or unreadable, is 403; this site and no Origin are read', async () => {
    await expectRefused(await post(SURVEY, 'q=1', { ...FORM, origin: 'https://evil.example' }), 403);
    await expectRefused(await post(SURVEY, 'q=1', { ...FORM, origin: 'null' }), 403);
    expect((await post(SURVEY, 'q=1', { ...FORM, origin: base })).status).toBe(200);
    expect((await post(SURVEY, 'q=1')).status).toBe(200);
  });
});

describe('the refusal page', () => {
  it('is in the language of the address, the cookie or the browser, right to left in Urdu, with a way back', async () => {
    const polish = await expectRefused(await post(`${SURVEY}?lng=pl`, '{}', { 'content-type': 'application/json' }), 415);
    expect(polish).toContain('<html lang="pl" dir="ltr">');
    expect(polish).toContain(`<a href="${SURVEY}">Wróć do strony</a>`);
    const cookie = await expectRefused(await fetch(base + SURVEY, { method: 'PUT', headers: { cookie: await languageCookie.serialize('pl') } }), 405);
    expect(cookie).toContain('lang="pl"');
    const urdu = await expectRefused(await post(SURVEY, 'q[999]=x', { ...FORM, 'accept-language': 'ur-PK,ur;q=0.9' }), 400);
    expect(urdu).toContain('<html lang="ur" dir="rtl">');
    expect(urdu).not.toContain('999');
  });
});
