import { request } from 'node:http';

// A browser-less visitor reaching Heard through nginx, like HttpClient (http.ts): it keeps
// cookies, never follows redirects and sends forms with the CSRF token the page gave it. Two
// things more for several app servers: `route` goes in an X-Heard-Route header, by which the
// test's nginx picks the app server (`hash $http_x_heard_route`), so a test can say "through A"
// while still going through nginx; and `from` is the loopback address the visitor connects
// from (127.0.0.2, 127.0.0.3…), so nginx tells the app a client address of its own and rate
// limits of one part of a test do not spill into another.

export interface RoutedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The app server nginx passed the request to (host:port), from the test's X-Heard-Upstream header. */
  upstream: string;
}

export class RoutedClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    readonly route = '',
    readonly from = '127.0.0.1',
  ) {}

  /** The same visitor (cookies and address) with its requests routed elsewhere. */
  via(route: string): RoutedClient {
    const other = new RoutedClient(this.baseUrl, route, this.from);
    // Shared, not copied: a cookie set through one app server goes with requests to the other.
    (other as unknown as { cookies: Map<string, string> }).cookies = this.cookies;
    return other;
  }

  send(method: 'GET' | 'POST', path: string, form?: URLSearchParams | Record<string, string>): Promise<RoutedResponse> {
    const url = new URL(path, this.baseUrl);
    const body = form ? (form instanceof URLSearchParams ? form : new URLSearchParams(form)).toString() : undefined;
    const headers: Record<string, string> = { 'x-heard-route': this.route, 'accept-language': 'en-GB' };
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
      headers.origin = this.baseUrl;
    }
    return new Promise((done, fail) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, localAddress: this.from, agent: false, timeout: 60_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            this.remember(res.headers['set-cookie'] ?? []);
            done({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
              upstream: String(res.headers['x-heard-upstream'] ?? ''),
            });
          });
          res.on('error', fail);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 60 s`)));
      req.on('error', fail);
      req.end(body);
    });
  }

  get(path: string): Promise<RoutedResponse> {
    return this.send('GET', path);
  }

  post(path: string, form: URLSearchParams | Record<string, string>): Promise<RoutedResponse> {
    return this.send('POST', path, form);
  }

  private remember(headers: string[]): void {
    for (const header of headers) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(header) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async csrfOf(path: string): Promise<string> {
    const page = await this.get(path);
    const token = page.text.match(/name="csrf" value="([^"]+)"/)?.[1];
    if (!token) throw new Error(`No CSRF token on ${path} (status ${page.status})`);
    return token;
  }

  /** Posts a workspace form with the CSRF token of the page it is on. */
  async postForm(path: string, form: Record<string, string>): Promise<RoutedResponse> {
    return this.post(path, { csrf: await this.csrfOf(path), ...form });
  }

  async signIn(account: { email: string; password: string }): Promise<void> {
    const response = await this.postForm('/admin/sign-in', { email: account.email, password: account.password, redirectTo: '/admin' });
    if (response.status !== 303) throw new Error(`Signing in as ${account.email} through ${this.route || 'nginx'} failed with ${response.status}`);
  }
}
