import { createHash } from 'node:crypto';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { DEFAULT_LOCALE, directionOf } from '~/platform/i18n/config';
import { detectLocale, tFor } from '~/platform/i18n/i18n.server';

// The page a refused request gets: a few lines in the person's language, the status that says
// why, and a way back. Nothing of what was sent is repeated, and nothing is stored.

export type Refusal = 'method' | 'type' | 'tooLarge' | 'malformed' | 'crossSite';

const STATUS: Record<Refusal, number> = { method: 405, type: 415, tooLarge: 413, malformed: 400, crossSite: 403 };

const STYLE = 'body{font:1.125rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem}a{color:#1d70b8}';
// The page is sent on its own, without the app's stylesheet: its few rules are allowed by their
// hash, so the Content-Security-Policy still refuses every other inline style.
const STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where "go back" leads: the page the form was on, which is the address it posted to. */
function backTo(req: ExpressRequest): string {
  const path = req.path.replace(/\.data$/, '');
  return path === '/_root' || !path.startsWith('/') || path.startsWith('//') ? '/' : path;
}

async function localeOf(req: ExpressRequest) {
  const headers = new Headers();
  for (const name of ['cookie', 'accept-language'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  // Only the address, the cookie and Accept-Language: never the body that was refused.
  return Promise.resolve()
    .then(() => detectLocale(new Request(new URL(req.originalUrl, 'http://localhost'), { headers })))
    .catch(() => DEFAULT_LOCALE);
}

export async function sendRefusal(req: ExpressRequest, res: ExpressResponse, refusal: Refusal, allow?: string): Promise<void> {
  const locale = await localeOf(req);
  const t = tFor(locale);
  const title = t(`refused.${refusal}Title`);
  const html =
    `<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)} – ${escapeHtml(t('site.name'))}</title>
<style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(t(`refused.${refusal}`))}</p>` +
    `<p><a href="${escapeHtml(backTo(req))}">${escapeHtml(t('refused.back'))}</a></p></main></body>
</html>`;
  const policy = res.getHeader('Content-Security-Policy');
  if (typeof policy === 'string') res.setHeader('Content-Security-Policy', policy.replace("style-src 'self'", `style-src 'self' ${STYLE_SOURCE}`));
  if (allow) res.setHeader('Allow', allow);
  res.setHeader('Cache-Control', 'no-store');
  res
    .status(STATUS[refusal])
    .type('html')
    .end(req.method === 'HEAD' ? undefined : html);
}
