import { Readable } from 'node:stream';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { PRIVATE_PAGE } from '~/platform/http/cache-headers';

// An export file as a download: never cached by a shared cache, never sniffed as something else,
// always saved (not shown) by the browser. A stream is sent as it is written, so the first bytes
// of a million rows leave at once.

const headers = (contentType: string, filename: string) => ({
  'Content-Type': contentType,
  'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
  'Cache-Control': PRIVATE_PAGE,
  'X-Content-Type-Options': 'nosniff',
});

export function downloadResponse(body: Readable | string | Uint8Array, contentType: string, filename: string): Response {
  const payload: BodyInit = body instanceof Readable ? createReadableStreamFromReadable(body) : typeof body === 'string' ? body : new Uint8Array(body);
  return new Response(payload, { headers: headers(contentType, filename) });
}

/** Errors in the request (an unknown filter value...), as text for a person or a script. */
export function badExportRequest(lines: string[]): Response {
  return new Response(`${lines.join('\n')}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': PRIVATE_PAGE } });
}
