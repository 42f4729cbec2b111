import { randomBytes } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { z } from 'zod';
import { sharedSecret } from '~/platform/secrets.server';
import { cookieSecurity } from './sessions.server';

// OWASP's "device cookie": a browser someone has signed in from before gets a cookie, signed
// with the server's secret (HMAC-SHA256, by Remix's cookie signing), naming that user and a
// random device id. The right password from such a browser is never held back by failures
// elsewhere (an attacker guessing the account, or sharing the client's address); only failures
// from that same device slow it.

const DAYS = 180;
const MAX_ENTRIES = 5;

// Without DEVICE_COOKIE_SECRET, a key for this run only (shared by the supervisor's workers):
// known devices become unknown (slowed during an attack, never locked) after a restart.
const secret = sharedSecret('DEVICE_COOKIE_SECRET');

const deviceCookie = createCookie('heard_device', { path: '/admin', httpOnly: true, sameSite: 'lax', secrets: [secret], maxAge: DAYS * 24 * 60 * 60 });

const entries = z.array(z.object({ user: z.number().int(), device: z.string().min(16).max(64) })).max(MAX_ENTRIES);

export type KnownDevice = z.infer<typeof entries>[number];

/** The known devices this browser holds, one per user who signed in on it; none if the signature is wrong. */
export async function readKnownDevices(request: Request): Promise<KnownDevice[]> {
  const value: unknown = await deviceCookie.parse(request.headers.get('Cookie'));
  const parsed = entries.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export const newDeviceId = () => randomBytes(18).toString('base64url');

/** The cookie after `user` signed in on this device: their entry first, the few others kept. */
export async function knownDeviceCookieHeader(request: Request, held: KnownDevice[], entry: KnownDevice): Promise<string> {
  const kept = [entry, ...held.filter((d) => d.user !== entry.user)].slice(0, MAX_ENTRIES);
  return deviceCookie.serialize(kept, cookieSecurity(request));
}
