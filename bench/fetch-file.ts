// A report or export as a signed-in person gets it, whether the server streams it at once or
// answers with a progress page that later links to the file (a background job): redirects are
// followed, a progress page is polled until it offers a download link, then the file is read
// to its last byte.

export interface FetchedFile {
  ms: number;
  bytes: number;
  contentType: string;
  /** The first bytes, to tell a PDF (%PDF) or a zip (PK) from an error page. */
  head: string;
  /** Progress pages seen on the way (0: the file came at once). */
  polls: number;
}

const DOWNLOAD_LINK = /href="([^"]*\/(?:download|export\/[^"]*\.(?:pdf|xlsx|csv|zip|docx))[^"]*)"/;

export async function fetchFile(base: string, path: string, cookie: string, { timeoutMs = 600_000, pollMs = 500 } = {}): Promise<FetchedFile> {
  const started = performance.now();
  let url = new URL(path, base).href;
  let polls = 0;
  while (performance.now() - started < timeoutMs) {
    const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url).href;
      continue;
    }
    const contentType = response.headers.get('content-type') ?? '';
    if ((response.status === 200 || response.status === 202) && contentType.startsWith('text/html')) {
      const link = DOWNLOAD_LINK.exec(await response.text())?.[1];
      polls += 1;
      if (link) url = new URL(link.replaceAll('&amp;', '&'), url).href;
      else await new Promise((r) => setTimeout(r, pollMs));
      continue;
    }
    if (response.status !== 200 || !response.body) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    let bytes = 0;
    let head = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (bytes === 0) head = Buffer.from(chunk.subarray(0, 8)).toString('latin1');
      bytes += chunk.byteLength;
    }
    return { ms: performance.now() - started, bytes, contentType, head, polls };
  }
  throw new Error(`GET ${path}: no file after ${timeoutMs} ms`);
}
