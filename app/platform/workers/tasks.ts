import type { MessagePort } from 'node:worker_threads';
import type { ConsultationIndex } from '~/analysis/index/consultation-index';
import type { ExportFormat } from '~/exports/kinds';
import type { Locale } from '~/platform/i18n/config';
import type { ReportDocument } from '~/reports/document';

// What the main thread asks a worker thread to do: plain data only (it is copied between
// threads), and the answer is bytes or nothing.

export type HeavyTask =
  /** A committee report drawn as a file from the report already built on the main thread. */
  | { kind: 'report'; format: 'pdf' | 'docx'; report: ReportDocument }
  /** A small table (summary, themes) as an Excel file. */
  | { kind: 'table'; format: ExportFormat; columns: string[]; rows: Record<string, unknown>[]; sheet: string }
  /** A background export job, run on the worker's own connection to the database. */
  | { kind: 'export-job'; databaseUrl: string; consultationId: number; jobId: number; dir: string; threshold: number }
  /** The responses as a file, sent through `port` as it is written (port-stream.ts). */
  | { kind: 'responses-stream'; databaseUrl: string; consultationId: number; locale: Locale; format: ExportFormat; port: MessagePort }
  /** Nothing: starts a thread for the tasks a crashed one left queued (pool.server.ts). */
  | { kind: 'ping' }
  /** A consultation's summary index, built on the worker's own connection and copied back. */
  | { kind: 'analysis-index'; databaseUrl: string; consultationId: number };

export type HeavyResult = Uint8Array | string | ConsultationIndex | null;

/**
 * The pool refused the task because its queue is full. Checked by name, not instanceof: the
 * pool lives in the server's bundle and the routes in Remix's, each with its own copy of a class.
 */
export const isBusy = (error: unknown): boolean => error instanceof Error && error.name === 'BusyError';
