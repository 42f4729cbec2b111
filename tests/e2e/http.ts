import type { Account } from './workspace';

// A browser-less client for checks that are about status codes rather than pages: it keeps
// cookies like a browser, never follows redirects, and can send a form with or without the
// CSRF token the page gave it.

export class HttpClient {
  private readonly cookies = new Map<string, string>();

  /** `headers` go with every request, e.g. the X-Forwarded-For a proxy would add. */
  constructor(
    readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** Drops a cookie, as a browser does when it expires (e.g. the session, keeping the others). */
  forget(name: string): void {
    this.cookies.delete(name);
  }

  private remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(header) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The cookies as a browser would send them, for a request made some other way. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(this.baseUrl + path, { redirect: 'manual', headers: { ...this.headers, cookie: this.cookieHeader() } });
    this.remember(response);
    return response;
  }

  async post(path: string, form: Record<string, string>): Promise<Response> {
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...this.headers, cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', origin: this.baseUrl },
      body: new URLSearchParams(form).toString(),
    });
    this.remember(response);
    return response;
  }

  /** The CSRF token a page's forms carry. */
  async csrfOf(path: string): Promise<string> {
    const html = await (await this.get(path)).text();
    const token = html.match(/name="csrf" value="([^"]+)"/)?.[1];
    if (!token) throw new Error(`No CSRF token on ${path}`);
    return token;
  }

  async signIn(account: Pick<Account, 'email' | 'password'>): Promise<void> {
    const csrf = await this.csrfOf('/admin/sign-in');
    const response = await this.post('/admin/sign-in', { csrf, email: account.email, password: account.password, redirectTo: '/admin' });
    if (response.status !== 303) throw new Error(`Sign-in failed with ${response.status}`);
  }
}
