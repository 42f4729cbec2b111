import type { Locale } from '~/platform/i18n/config';

// Which language a PDF is made in, apart from pdf.server.ts: the routes need the answer, and
// importing it from there loaded pdfkit (about 6 MB of heap) on the thread that answers
// requests, where no PDF is ever drawn (the heavy-work threads draw them).

/** pdfkit lays out text without the Unicode bidirectional algorithm: no Urdu PDFs (see pdf.server.ts). */
export const PDF_LOCALES: readonly Locale[] = ['en', 'pl'];

/** The language a PDF is made in for a reader of `locale`. */
export const pdfLocale = (locale: Locale): Locale => (PDF_LOCALES.includes(locale) ? locale : 'en');
