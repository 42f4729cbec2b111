import { request } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';

// A client that sends what a browser never would: any method, any header, bytes that are not
// text, a body in chunks with no length. For the hostile-request and fuzz tests.

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  /** Send the body in pieces with no Content-Length, as a streaming client does. */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** How much of the body had been sent when the answer began. */
  sentBeforeAnswer: number;
}

const CHUNK = 64 * 1024;

export function send(baseUrl: string, { method, path, headers = {}, body, chunked = false }: RawRequest, timeoutMs = 30_000): Promise<RawResponse> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body ? Buffer.from(body) : undefined;
  return new Promise((done, fail) => {
    let sent = 0;
    let answered = false;
    const lengthHeader: Record<string, string> =
      bytes && !chunked ? { 'content-length': String(bytes.length) } : chunked ? { 'transfer-encoding': 'chunked' } : {};
    const req = request(new URL(path, baseUrl), { method, headers: { ...lengthHeader, ...headers } }, (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString(), sentBeforeAnswer }));
      res.on('error', fail);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`No answer to ${method} ${path} within ${timeoutMs} ms`)));
    // The server may close as soon as it has refused: what matters is the answer, if one came.
    req.on('error', (error) => (answered ? undefined : fail(error)));
    if (!bytes) return void req.end();
    const pump = () => {
      while (!answered && sent < bytes.length) {
        const piece = bytes.subarray(sent, sent + CHUNK);
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/** A multipart body of these fields (a value of `{ filename, content }` is a file), and its content type. */
export function multipart(
  fields: [string, string | { filename: string; type?: string; content: string | Uint8Array }][],
  boundary = `----heard${Math.random().toString(16).slice(2)}`,
) {
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    const disposition = typeof value === 'string' ? `form-data; name="${name}"` : `form-data; name="${name}"; filename="${value.filename}"`;
    const type = typeof value === 'string' ? '' : `\r\nContent-Type: ${value.type ?? 'application/octet-stream'}`;
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`),
      Buffer.from(typeof value === 'string' ? value : value.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The resident set of the server: the largest process in the group the harness started (tsx,
 * and the node process it runs server.ts in), in MB.
 */
export function serverRssMb(groupId: number): number {
  let largest = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The fields after the command (which may hold spaces) in brackets: state, ppid, pgrp.
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== groupId) continue;
      const rss = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
      largest = Math.max(largest, rss);
    } catch {
      // Gone between the listing and the reading.
    }
  }
  return largest;
}

/** Whether the server still answers a normal page within a second. */
export async function answersWithinASecond(baseUrl: string, path = '/'): Promise<number> {
  const response = await fetch(baseUrl + path, { signal: AbortSignal.timeout(1000) });
  await response.arrayBuffer();
  return response.status;
}
