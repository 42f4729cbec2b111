import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

// What a form post may be, route by route, and the reading that holds it to that while the
// bytes arrive: a body is never trusted by its Content-Length, never parsed before it is counted,
// and its field names are checked before conform turns them into objects and arrays.

export const PUBLIC_FORM_BYTES = 256 * 1024;
export const WORKSPACE_FORM_BYTES = 1024 * 1024;
/** A 10 MB spreadsheet (the import's own limit) with room for the form around it, so the page can say the file is too large. */
export const UPLOAD_BYTES = 11 * 1024 * 1024;
export const MAX_FIELDS = 1000;
export const MAX_FILES = 20;
export const MAX_NAME_LENGTH = 200;
/** `a.b[0].c` is 3 deep; conform's parse recurses once per level, and a thousand levels overflowed its stack. */
export const MAX_NAME_DEPTH = 8;

export interface BodyPolicy {
  maxBytes: number;
  /** Only the forms that take files accept multipart/form-data. */
  multipart: boolean;
  /**
   * The highest `[n]` a field name may carry: conform keeps what was typed as an array, and one
   * field named `[99999999]` made it allocate a hundred million entries. The public forms'
   * longest lists (a question's options) are far shorter than 100.
   */
  maxIndex: number;
}

const UPLOADS = [/^\/admin\/consultations\/[^/]+\/import$/, /^\/admin\/population(?:\/[^/]+)?$/];
/** Workspace pages anyone can post to without being signed in: held to the public size. */
const ANONYMOUS = /^\/admin\/(?:sign-in|invite\/[^/]+)$/;
const WORKSPACE = /^\/admin(?:\/|$)/;

export function bodyPolicy(pathname: string): BodyPolicy {
  // Remix's own fetches post to the page's address with `.data` on the end.
  const route = pathname.replace(/\.data$/, '').replace(/(.)\/$/, '$1');
  if (UPLOADS.some((upload) => upload.test(route))) return { maxBytes: UPLOAD_BYTES, multipart: true, maxIndex: MAX_FIELDS };
  if (WORKSPACE.test(route) && !ANONYMOUS.test(route)) return { maxBytes: WORKSPACE_FORM_BYTES, multipart: false, maxIndex: MAX_FIELDS };
  return { maxBytes: PUBLIC_FORM_BYTES, multipart: false, maxIndex: 100 };
}

/** Why a body is refused: 413 for too much, 400 for what cannot be read. */
export type BodyProblem = 'tooLarge' | 'malformed';

export class RefusedBody extends Error {
  constructor(readonly problem: BodyProblem) {
    super(problem);
  }
}

/** Whether conform could take a field name apart safely: short, shallow, and no index past the bound. */
export function acceptableName(name: string, maxIndex: number): boolean {
  if (name.length > MAX_NAME_LENGTH) return false;
  let depth = 0;
  for (const match of name.matchAll(/\.|\[([^\]]*)\]?/g)) {
    depth += 1;
    const index = match[1];
    if (index !== undefined && /^\d+$/.test(index) && Number(index) > maxIndex) return false;
  }
  return depth <= MAX_NAME_DEPTH;
}

/**
 * conform reserves two names and JSON.parses them before anything else: its "list" intents
 * (insert, remove, update at an index) and its state. The app's forms only ever send the
 * "validate" intent, so anything else there is refused rather than thrown on.
 */
function acceptableReserved(name: string, value: FormDataEntryValue): boolean {
  if (name !== '__intent__' && name !== '__state__') return true;
  if (typeof value !== 'string') return false;
  try {
    const parsed: unknown = JSON.parse(value);
    if (name === '__state__') return typeof parsed === 'object';
    return typeof parsed === 'object' && parsed !== null && (parsed as { type?: unknown }).type === 'validate' && 'payload' in parsed;
  } catch {
    return false;
  }
}

export function acceptableField(name: string, value: FormDataEntryValue, policy: BodyPolicy): boolean {
  return acceptableName(name, policy.maxIndex) && acceptableReserved(name, value);
}

function checkFields(fields: Iterable<[string, string]>, policy: BodyPolicy): void {
  let count = 0;
  for (const [name, value] of fields) {
    count += 1;
    if (count > MAX_FIELDS) throw new RefusedBody('tooLarge');
    if (!acceptableField(name, value, policy)) throw new RefusedBody('malformed');
  }
}

/**
 * The body as it arrives, counted: past the limit the reading stops, whatever Content-Length
 * said. Events rather than an async iterator, which would destroy the socket on the way out
 * and leave no connection to answer on.
 */
function readCounted(req: IncomingMessage, maxBytes: number, write: (chunk: Buffer) => boolean, drained: (go: () => void) => void): Promise<void> {
  return new Promise((done, fail) => {
    let total = 0;
    const stop = (error: Error) => {
      req.off('data', onData);
      req.pause();
      fail(error);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) return stop(new RefusedBody('tooLarge'));
      if (!write(chunk)) {
        req.pause();
        drained(() => req.resume());
      }
    };
    req.on('data', onData);
    req.once('end', () => done());
    req.once('error', stop);
    req.once('close', () => (req.complete ? undefined : stop(new Error('The client went away'))));
  });
}

/** A url-encoded form: read whole (it is small), then its names checked the way the app will see them. */
export async function readUrlEncoded(req: IncomingMessage, policy: BodyPolicy): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  await readCounted(
    req,
    policy.maxBytes,
    (chunk) => chunks.push(chunk) > 0,
    () => undefined,
  );
  const body = Buffer.concat(chunks);
  // Counted before parsing, so ten thousand empty fields are never made into a list.
  let separators = 0;
  for (const byte of body) if (byte === 0x26 && ++separators >= MAX_FIELDS) throw new RefusedBody('tooLarge');
  checkFields(new URLSearchParams(body.toString('utf8')), policy);
  return body as Uint8Array<ArrayBuffer>;
}

/**
 * A multipart form, parsed by busboy with its limits as the bytes arrive, and handed on as a
 * FormData: the app then reads exactly what was checked, in a body its own parser can read.
 */
export function readMultipart(req: IncomingMessage, policy: BodyPolicy): Promise<FormData> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          fieldNameSize: MAX_NAME_LENGTH + 1,
          fieldSize: policy.maxBytes,
          fields: MAX_FIELDS,
          files: MAX_FILES,
          fileSize: policy.maxBytes,
          parts: MAX_FIELDS + MAX_FILES,
        },
      });
    } catch {
      // No boundary, or not multipart at all.
      return reject(new RefusedBody('malformed'));
    }
    const form = new FormData();
    const pending: Promise<void>[] = [];
    let refused: RefusedBody | undefined;
    const refuse = (problem: BodyProblem) => {
      refused ??= new RefusedBody(problem);
    };
    const accept = (name: string, value: FormDataEntryValue) => {
      if (!acceptableField(name, value, policy)) refuse('malformed');
      return !refused;
    };
    parser.on('field', (name, value, info) => {
      if (info.nameTruncated) refuse('malformed');
      if (info.valueTruncated) refuse('tooLarge');
      if (accept(name, value)) form.append(name, value);
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => refuse('tooLarge'));
      // A file cut short errors on its own stream as well as the parser's.
      stream.on('error', () => refuse('malformed'));
      pending.push(
        new Promise((done) =>
          stream.on('close', () => {
            const file = new File(chunks as Uint8Array<ArrayBuffer>[], info.filename ?? '', { type: info.mimeType });
            if (accept(name, file)) form.append(name, file);
            done();
          }),
        ),
      );
    });
    for (const limit of ['fieldsLimit', 'filesLimit', 'partsLimit'] as const) parser.on(limit, () => refuse('tooLarge'));
    parser.on('error', () => reject(refused ?? new RefusedBody('malformed')));
    parser.on('close', () => {
      void Promise.all(pending).then(() => (refused ? reject(refused) : resolve(form)));
    });
    readCounted(
      req,
      policy.maxBytes,
      (chunk) => parser.write(chunk),
      (go) => parser.once('drain', go),
    )
      .then(() => parser.end())
      .catch((error: unknown) => {
        parser.destroy();
        reject(error instanceof RefusedBody ? error : new RefusedBody('malformed'));
      });
  });
}
