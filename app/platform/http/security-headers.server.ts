import { randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

// The headers every answer carries. The Content-Security-Policy allows only Heard's own files:
// the few inline scripts Remix writes into a page (its data, scroll restoration) run because
// they carry this request's nonce, which an injected script cannot guess.

/** Features Heard never uses, denied to the page and anything it could embed. */
const PERMISSIONS_POLICY = ['accelerometer', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'payment', 'usb']
  .map((feature) => `${feature}=()`)
  .join(', ');

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    // The QR code of a young people's link is a data: image made on the server.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// Vite's development server injects styles and its reload client inline, so only the framing
// rules apply there.
const DEVELOPMENT_POLICY = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export const nonceOf = (res: Response): string => (res.locals as { cspNonce?: string }).cspNonce ?? '';

export function securityHeaders({ production }: { production: boolean }): RequestHandler {
  return (req, res, next) => {
    const nonce = randomBytes(16).toString('base64url');
    (res.locals as { cspNonce?: string }).cspNonce = nonce;
    res.setHeader('Content-Security-Policy', production ? contentSecurityPolicy(nonce) : DEVELOPMENT_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    // Only over https (directly, or from a proxy trusted through TRUST_PROXY): a browser told
    // to insist on https by a plain-http answer could be locked out of a site without it.
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}

/** A cached page's bytes cut where its nonce stands, once per page: a hit then only joins them. */
const pieces = new WeakMap<Buffer, Buffer[]>();

function piecesOf(body: Buffer, nonce: string): Buffer[] {
  let cut = pieces.get(body);
  if (cut) return cut;
  const needle = Buffer.from(`nonce="${nonce}"`);
  cut = [];
  let from = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
    cut.push(body.subarray(from, at));
    from = at + needle.length;
  }
  cut.push(body.subarray(from));
  pieces.set(body, cut);
  return cut;
}

/**
 * A page from the public page cache was rendered with another request's nonce: its scripts are
 * given this request's one, so a nonce is never sent twice. The nonce is 22 random characters,
 * so nothing else in the page can match it. The bytes are joined around the new nonce rather
 * than decoded and encoded again, which halved the cached pages' rate.
 */
export function withFreshNonce(body: Buffer, renderedWith: string | undefined, res: Response): Buffer {
  const nonce = nonceOf(res);
  if (!renderedWith || !nonce || renderedWith === nonce) return body;
  const cut = piecesOf(body, renderedWith);
  if (cut.length === 1) return body;
  const fresh = Buffer.from(`nonce="${nonce}"`);
  const parts: Buffer[] = [cut[0]!];
  for (let i = 1; i < cut.length; i += 1) parts.push(fresh, cut[i]!);
  return Buffer.concat(parts);
}
