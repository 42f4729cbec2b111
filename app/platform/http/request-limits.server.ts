import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { createRemixRequest } from '@remix-run/express/dist/server.js';
import { bodyPolicy, readMultipart, readUrlEncoded, RefusedBody } from './form-limits.server';
import { sendRefusal } from './refusal.server';

// Every request is held to its route's limits before Remix sees it: a method it answers, a form
// encoding it reads, a body it counts as it arrives. What fails is refused with a short page and
// a 4xx (never parsed, never stored); what passes reaches Remix as the body that was checked.

export const ALLOWED_METHODS = 'GET, HEAD, POST';

const URL_ENCODED = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';

/** The body that was read and checked, for the Remix handler. */
type CheckedBody = Uint8Array<ArrayBuffer> | FormData;
const checked = new WeakMap<ExpressRequest, CheckedBody>();

function mediaType(req: ExpressRequest): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * After a refusal the rest of the body is not wanted, but closing at once would cut the client
 * off mid-upload, before it reads the answer (EPIPE): the rest is read and thrown away for up to
 * a second, then a connection still sending is closed.
 */
function closeAfterRefusal(req: ExpressRequest, res: ExpressResponse): void {
  const socket = req.socket;
  res.once('finish', () => {
    if (req.complete) return;
    req.resume();
    const timer = setTimeout(() => socket.destroy(), 1000).unref();
    req.once('end', () => clearTimeout(timer));
  });
}

/**
 * Remix aborts a post whose Origin is not this host (a form on another site) by throwing, which
 * made it a 500. The same comparison Remix makes (Origin's host against X-Forwarded-Host, else
 * Host) is made here first, so it is a 403 with a page that says why.
 */
function fromAnotherSite(req: ExpressRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const host = (req.headers['x-forwarded-host'] as string | undefined)?.split(',')[0]?.trim() || req.headers.host;
  if (!URL.canParse(origin)) return true;
  return new URL(origin).host !== host;
}

export function requestLimits() {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      if (req.method === 'GET' || req.method === 'HEAD') return next();
      if (req.method === 'OPTIONS') {
        res.setHeader('Allow', ALLOWED_METHODS);
        return res.status(204).end();
      }
      if (req.method !== 'POST') {
        closeAfterRefusal(req, res);
        return await sendRefusal(req, res, 'method', ALLOWED_METHODS);
      }
      if (fromAnotherSite(req)) {
        closeAfterRefusal(req, res);
        return await sendRefusal(req, res, 'crossSite');
      }
      const policy = bodyPolicy(req.path);
      const type = mediaType(req);
      if (type !== URL_ENCODED && !(type === MULTIPART && policy.multipart)) {
        closeAfterRefusal(req, res);
        return await sendRefusal(req, res, 'type');
      }
      // A length over the limit is refused unread; a length under it is not believed, the bytes are counted.
      if (Number(req.headers['content-length']) > policy.maxBytes) {
        closeAfterRefusal(req, res);
        return await sendRefusal(req, res, 'tooLarge');
      }
      try {
        checked.set(req, type === MULTIPART ? await readMultipart(req, policy) : await readUrlEncoded(req, policy));
      } catch (error) {
        // A client that went away mid-body gets no answer; anything else unreadable is the client's.
        if (req.destroyed && !(error instanceof RefusedBody)) return;
        closeAfterRefusal(req, res);
        return await sendRefusal(req, res, error instanceof RefusedBody ? error.problem : 'malformed');
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The Request Remix gets: the one @remix-run/express would make (address, headers, and the abort
 * signal for a client that goes away), with the checked body in place of the raw stream. Made
 * once, as createRemixRequest makes it, rather than made bodiless and copied (a Request and its
 * Headers are a few percent of a submission's time).
 */
export function remixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const body = checked.get(req);
  if (!body) return createRemixRequest(req, res);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // The body is no longer the bytes those described; a FormData sets its own multipart boundary.
    if (value === undefined || name === 'content-length' || name === 'transfer-encoding' || (name === 'content-type' && body instanceof FormData)) continue;
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else headers.set(name, value);
  }
  let controller: AbortController | null = new AbortController();
  const { signal } = controller;
  res.on('finish', () => (controller = null));
  res.on('close', () => controller?.abort());
  return new Request(requestUrl(req), { method: req.method, headers, body, signal });
}

/** The address as createRemixRequest builds it: the port from X-Forwarded-Host or Host, the host as Express trusts it. */
function requestUrl(req: ExpressRequest): string {
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(':')[1] ?? '', 10);
  const forwarded = portOf(req.get('X-Forwarded-Host'));
  const direct = portOf(req.get('host'));
  const port = Number.isSafeInteger(forwarded) ? forwarded : Number.isSafeInteger(direct) ? direct : '';
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`).href;
}
