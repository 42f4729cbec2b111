import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import { createRateLimits, DATA_REQUESTS_PER_HOUR, type RateLimits } from '~/auth/rate-limit.server';
import { newRequestState } from '~/platform/http/context';
import { createTestDb } from '../../tests/db';
import { screenDataRequest } from './screening.server';

let db: Db;
let destroy: () => Promise<void>;
let limits: RateLimits;
const NOW = Date.parse('2027-01-20T10:00:00Z');

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  limits = createRateLimits(db, { submissionsPerHour: 60 });
});
afterAll(() => destroy());

const from = (client: string) => ({ limits, request: newRequestState(client) });

describe('screening a data request', () => {
  it('turns away a filled honeypot', async () => {
    expect(await screenDataRequest(from('a'), { website: 'http://spam.example' }, true, NOW)).toEqual({ ok: false, reason: 'honeypot' });
    expect(await screenDataRequest(from('a'), { website: '' }, true, NOW)).toEqual({ ok: true });
  });

  it('lets one client send only so many an hour, counting only those that would be stored, and another client is not held up', async () => {
    for (let i = 1; i < DATA_REQUESTS_PER_HOUR; i += 1) expect(await screenDataRequest(from('a'), {}, true, NOW + i)).toEqual({ ok: true });
    // A form sent back with mistakes costs nothing.
    expect(await screenDataRequest(from('a'), {}, false, NOW)).toEqual({ ok: true });
    const refused = await screenDataRequest(from('a'), {}, true, NOW + 100);
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limit', minutes: 60 });
    expect(await screenDataRequest(from('b'), {}, true, NOW + 100)).toEqual({ ok: true });
    expect(await screenDataRequest(from('a'), {}, true, NOW + 60 * 60 * 1000 + 1)).toEqual({ ok: true });
  });
});
