import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { Readable } from 'node:stream';
import type { Locale } from '~/platform/i18n/config';
import type { HeavyWork } from '~/platform/workers/pool.server';
import { receiveFromPort } from '~/platform/workers/port-stream';
import type { ExportFormat } from './kinds';

/** The responses as a file, written on a worker thread (app/entry.worker.ts) and sent through `port` as it is written. */
export interface ResponsesStreamTask {
  kind: 'responses-stream';
  databaseUrl: string;
  consultationId: number;
  locale: Locale;
  format: ExportFormat;
  port: MessagePort;
  /** A slow download holds its thread: it runs on the pool's threads for long work. */
  long: true;
}

/**
 * The responses export written on a worker thread (its own database connection) and streamed
 * to the download from here. Waits until the worker has begun, so a full queue is refused
 * (BusyError, a 503) before any byte is sent; a worker that dies later ends the download with an error.
 */
export async function responsesOnWorker(
  heavy: HeavyWork,
  databaseUrl: string,
  consultationId: number,
  locale: Locale,
  format: ExportFormat,
): Promise<Readable> {
  const { port1, port2 } = new MessageChannel();
  const { stream, started } = receiveFromPort(port1);
  const running = heavy.run({ kind: 'responses-stream', databaseUrl, consultationId, locale, format, port: port2, long: true } satisfies ResponsesStreamTask);
  running.catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  await Promise.race([started, running]);
  return stream;
}
