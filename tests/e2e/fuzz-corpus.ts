// Requests that once took Heard down or ended in a 500: issue 12's examples and every case the
// fuzzer has found since. fuzz.test.ts replays them first, every run; add a case when it fails.

export interface FuzzCase {
  /** A public path, or a workspace route's file name (WORKSPACE_ROUTES): its form's address for a POST, else its page's. */
  target: string;
  method: string;
  encoding: 'urlencoded' | 'multipart' | 'raw';
  /** The Content-Type sent: by default the encoding's own (none for raw); null for none at all. */
  contentType?: string | null;
  fields?: [string, string][];
  /** The body for `raw`, byte for byte (latin1). */
  raw?: string;
  /** Put the session's CSRF token first, so the body reaches the workspace action. */
  csrf?: boolean;
  origin?: 'same' | 'cross' | 'null' | 'garbage';
  chunked?: boolean;
  query?: string;
}

const MB = 1024 * 1024;
const STEP = '/consultations/one-stockport-conversation/answer/3';
const CHECK = '/consultations/one-stockport-conversation/check';

export const CORPUS: { found: string; case: FuzzCase }[] = [
  { found: 'issue 12: the 29-byte post', case: { target: STEP, method: 'POST', encoding: 'urlencoded', fields: [['q-top_priorities[99999999]', 'x']] } },
  { found: 'issue 12: the check page', case: { target: CHECK, method: 'POST', encoding: 'urlencoded', fields: [['q-top_priorities[10000000]', 'x']] } },
  {
    found: 'issue 12: a young people’s step',
    case: {
      target: '/consultations/one-stockport-conversation/young/1',
      method: 'POST',
      encoding: 'urlencoded',
      fields: [
        ['q[1000000]', 'x'],
        ['intent', 'next'],
      ],
    },
  },
  {
    found: 'issue 12: a 10 MB post to a survey step',
    case: { target: STEP, method: 'POST', encoding: 'urlencoded', fields: [['q-comments', 'a'.repeat(10 * MB)]] },
  },
  {
    found: 'issue 12: a large post in chunks',
    case: { target: STEP, method: 'POST', encoding: 'urlencoded', fields: [['q-comments', 'a'.repeat(20 * MB)]], chunked: true },
  },
  {
    found: 'issue 12: sign-in reads the whole body',
    case: { target: '/admin/sign-in', method: 'POST', encoding: 'urlencoded', fields: [['email', 'a'.repeat(2 * MB)]], chunked: true },
  },
  {
    found: 'issue 12: a malformed multipart body',
    case: {
      target: 'admin.consultations.$id.import.tsx',
      method: 'POST',
      encoding: 'raw',
      contentType: 'multipart/form-data; boundary=x',
      raw: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nward',
      csrf: true,
    },
  },
  {
    found: 'issue 12: multipart with no boundary',
    case: { target: 'admin.population._index.tsx', method: 'POST', encoding: 'raw', contentType: 'multipart/form-data', raw: 'x' },
  },
  { found: 'issue 12: a JSON body', case: { target: STEP, method: 'POST', encoding: 'raw', contentType: 'application/json', raw: '{"intent":"next"}' } },
  { found: 'issue 12: an XML body', case: { target: CHECK, method: 'POST', encoding: 'raw', contentType: 'application/xml', raw: '<a>b</a>' } },
  { found: 'issue 12: a text body', case: { target: '/admin/sign-in', method: 'POST', encoding: 'raw', contentType: 'text/plain', raw: 'email=a' } },
  { found: 'issue 12: no content type', case: { target: STEP, method: 'POST', encoding: 'raw', raw: 'intent=next' } },
  { found: 'issue 12: names thousands deep (dots)', case: { target: STEP, method: 'POST', encoding: 'urlencoded', fields: [[`a${'.b'.repeat(5000)}`, 'x']] } },
  {
    found: 'issue 12: names thousands deep (brackets)',
    case: { target: CHECK, method: 'POST', encoding: 'urlencoded', fields: [[`a${'[0]'.repeat(5000)}`, 'x']] },
  },
  { found: 'issue 12: TRACE', case: { target: '/', method: 'TRACE', encoding: 'raw' } },
  { found: 'issue 12: a cross-site Origin', case: { target: STEP, method: 'POST', encoding: 'urlencoded', fields: [['intent', 'next']], origin: 'cross' } },
  {
    found: 'Remix throws on an Origin that is not a URL',
    case: { target: 'admin.framework.themes.new.tsx', method: 'POST', encoding: 'urlencoded', fields: [['name', 'x']], origin: 'garbage', csrf: true },
  },
  {
    found: 'conform JSON.parses its reserved names',
    case: {
      target: STEP,
      method: 'POST',
      encoding: 'urlencoded',
      fields: [
        ['__intent__', '{'],
        ['__state__', 'x'],
      ],
    },
  },
  {
    found: 'a multipart file cut short errors on its own stream (an unhandled error)',
    case: {
      target: 'admin.population._index.tsx',
      method: 'POST',
      encoding: 'raw',
      contentType: 'multipart/form-data; boundary=b',
      raw: '--b\r\nContent-Disposition: form-data; name="files"; filename="a.csv"\r\n\r\nward,',
    },
  },
];
