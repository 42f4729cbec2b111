import type { Locale } from '~/platform/i18n/config';

// A committee report as a document: headings, paragraphs, lists, tables and quotes, every
// figure already in words ("46%", "1,234", "fewer than 10"). It is built once on the server
// from the protected figures and drawn three ways (the print page, Word and PDF), so the three
// say exactly the same and a hidden figure has no value in any of them.

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] }
  | { kind: 'quote'; text: string; credit: string };

export interface ReportSection {
  /** A stable id for anchors: introduction, engagement, heard, who, next. */
  id: string;
  /** "1. Introduction and purpose". */
  heading: string;
  blocks: Block[];
}

export interface ReportDocument {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  /** "Committee report" (what kind of paper). */
  kicker: string;
  title: string;
  /** Date, scope and the threshold, one line each. */
  meta: string[];
  sections: ReportSection[];
}

/** The report's file name without extension: the title, safe for any file system. */
export function reportFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'report'}-committee-report`;
}

/** A quote's credit as it stands alone under the quote: "Anonymous", "A young person". */
export const creditLine = (credit: string, locale: Locale) => credit.charAt(0).toLocaleUpperCase(locale) + credit.slice(1);
