import autocannon from 'autocannon';
import { ID_PLACEHOLDER } from './submission';

// One autocannon run against one URL. A POST body template gets a unique id per request
// through setupRequest. (autocannon's own `idReplacement` is not used: in autocannon 8.0.0 it
// sets Content-Length as if every id were 27 characters, but its ids are 24+, so a request with
// an id in its body announces more bytes than it sends and every request times out.)

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  method?: 'GET' | 'POST';
  /** For POST: a urlencoded body containing ID_PLACEHOLDER once. */
  bodyTemplate?: string;
  /** Sent with every request (a session cookie, say). */
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  /** Mean requests per second over the run. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  status2xx: number;
  status3xx: number;
  status4xx: number;
  status5xx: number;
  errors: number;
  timeouts: number;
  /** Anything that is neither a 2xx nor a 3xx answer. */
  bad: number;
  statusCodes: Record<string, number>;
  durationS: number;
}

let counter = 0;
const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;

export function uniqueId(): string {
  counter += 1;
  return `${runId}x${counter.toString(36)}`;
}

export async function load({ url, connections, duration, method = 'GET', bodyTemplate, headers }: LoadOptions): Promise<LoadResult> {
  const options: autocannon.Options = { url, connections, duration, method, timeout: 10, headers };
  if (bodyTemplate !== undefined) {
    if (!bodyTemplate.includes(ID_PLACEHOLDER)) throw new Error('The body template has no id placeholder');
    const { pathname, search } = new URL(url);
    options.requests = [
      {
        method,
        path: pathname + search,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        setupRequest: (req) => ({ ...req, body: bodyTemplate.replace(ID_PLACEHOLDER, uniqueId()) }),
      },
    ];
  }
  return toLoadResult(await autocannon(options));
}

/**
 * GETs at a steady `rate` per second (residents browsing, not a flood, so the latency shows waiting
 * rather than queueing) until `until` settles; `onAnswer` sees each answer's time.
 */
export function loadUntil({
  url,
  connections,
  rate,
  until,
  onAnswer,
}: {
  url: string;
  connections: number;
  rate: number;
  until: Promise<unknown>;
  onAnswer?: () => void;
}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, overallRate: rate, duration: 3600, timeout: 30 }, (error, result) =>
      error ? reject(error) : resolve(toLoadResult(result)),
    );
    if (onAnswer) instance.on('response', onAnswer);
    const stop = () => instance.stop();
    until.then(stop, stop);
  });
}

function toLoadResult(r: autocannon.Result): LoadResult {
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  const total = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  return {
    requests: total,
    reqPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    status2xx: r['2xx'],
    status3xx: r['3xx'],
    status4xx: r['4xx'],
    status5xx: r['5xx'],
    errors: r.errors,
    timeouts: r.timeouts,
    bad: r['1xx'] + r['4xx'] + r['5xx'] + r.errors,
    statusCodes,
    durationS: r.duration,
  };
}
