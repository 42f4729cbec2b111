// The kinds of export an officer can take from the workspace or the command line, the formats
// each is written in, and which take a breakdown. Shared by the Exports page (no server code)
// and the server side.

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

export const EXPORT_KINDS = ['summary', 'responses', 'themes', 'open-data'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const isExportKind = (value: string): value is ExportKind => (EXPORT_KINDS as readonly string[]).includes(value);

/** Formats by kind: open data is always one zip of CSV files and a JSON description. */
export const KIND_FORMATS: Record<ExportKind, readonly ExportFormat[]> = {
  summary: ['csv', 'xlsx', 'json'],
  responses: ['csv', 'xlsx', 'json'],
  themes: ['csv', 'xlsx', 'json'],
  'open-data': [],
};

/** Kinds whose figures can be broken down by a field (`--by`, `breakdown=`). */
export const KINDS_WITH_BREAKDOWN: readonly ExportKind[] = ['summary', 'themes'];

/** The extension of a kind's file in a format (open data is a zip whatever is asked). */
export const extensionOf = (kind: ExportKind, format: ExportFormat): string => (kind === 'open-data' ? 'zip' : format);
