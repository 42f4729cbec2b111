import type { MessagePort } from 'node:worker_threads';
import { Readable } from 'node:stream';

// A file written on a worker thread and read on the request thread as it is written, through a
// MessagePort: the worker sends a batch only when the reader has asked for one, so a slow
// download slows the worker rather than filling memory, and a download abandoned half-way
// stops the worker's writing.

type FromWorker = { started: true } | { chunk: Uint8Array } | { end: true } | { error: string };
type FromReader = 'more' | 'cancel';

const BATCH_BYTES = 64 * 1024;

/** Worker side: sends `source` through `port`, a batch per request, and closes the port. */
export async function sendThroughPort(source: Readable, port: MessagePort): Promise<void> {
  let credit = 0;
  let cancelled = false;
  let wake: (() => void) | null = null;
  port.on('message', (message: FromReader) => {
    if (message === 'cancel') {
      cancelled = true;
      source.destroy();
    } else credit++;
    wake?.();
  });
  const post = (message: FromWorker) => port.postMessage(message);
  const flush = async (batch: Uint8Array[]) => {
    while (credit === 0 && !cancelled) await new Promise<void>((done) => (wake = done));
    credit--;
    if (!cancelled) post({ chunk: Buffer.concat(batch) });
  };
  post({ started: true });
  try {
    let batch: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of source) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
      batch.push(bytes);
      size += bytes.byteLength;
      if (size >= BATCH_BYTES) {
        await flush(batch);
        [batch, size] = [[], 0];
      }
      if (cancelled) break;
    }
    if (batch.length > 0 && !cancelled) await flush(batch);
    if (!cancelled) post({ end: true });
  } catch (error) {
    if (!cancelled) post({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    port.close();
  }
}

/** Reader side: the bytes from `port` as a stream; resolves once the worker has begun. */
export function receiveFromPort(port: MessagePort): { stream: Readable; started: Promise<void> } {
  let begin: () => void;
  const started = new Promise<void>((done) => (begin = done));
  const stream = new Readable({
    read: () => port.postMessage('more' satisfies FromReader),
    destroy(error, callback) {
      port.postMessage('cancel' satisfies FromReader);
      port.close();
      callback(error);
    },
  });
  port.on('message', (message: FromWorker) => {
    if ('started' in message) begin();
    else if ('chunk' in message) stream.push(message.chunk);
    else if ('end' in message) stream.push(null);
    else stream.destroy(new Error(message.error));
  });
  return { stream, started };
}
