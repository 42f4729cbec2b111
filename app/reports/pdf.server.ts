import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Block, ReportDocument } from './document';
import { PDF_LOCALES } from './pdf-locale';

// The report as a PDF (A4), drawn with pdfkit in DejaVu Sans, a TrueType font (from the
// dejavu-fonts-ttf package) that has every Polish letter. The PDF is tagged (headings,
// paragraphs, lists and tables with header cells; page numbers as artifacts), so a screen
// reader can read it in order and move by heading. pdfkit lays out text left to right
// without the Unicode bidirectional algorithm, so Urdu would come out with its numbers and
// Latin words in the wrong order: PDFs are made in English or Polish, and an Urdu reader's
// PDF is the English one (the page says so and offers Word, which shapes Urdu properly).

const fontsDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = { regular: join(fontsDir, 'DejaVuSans.ttf'), bold: join(fontsDir, 'DejaVuSans-Bold.ttf'), italic: join(fontsDir, 'DejaVuSans-Oblique.ttf') };
const INK = '#0b0c0c';
const MUTED = '#505a5f';

export function renderPdf(report: ReportDocument): Promise<Uint8Array<ArrayBuffer>> {
  if (!PDF_LOCALES.includes(report.locale)) return Promise.reject(new Error(`PDF reports are not made in ${report.locale}`));
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: report.locale,
    displayTitle: true,
    info: { Title: report.title, Subject: report.kicker },
    bufferPages: true,
    tagged: true,
    pdfVersion: '1.7',
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  /** A heading is not left alone at the foot of a page. */
  const keepRoom = (points: number) => {
    if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const text = (value: string, font: keyof typeof FONTS, size: number, options: PDFKit.Mixins.TextOptions = {}) => {
    doc
      .font(FONTS[font])
      .fontSize(size)
      .fillColor(INK)
      .text(value, left, doc.y, { width, structParent: root, structType: 'P', ...options });
  };

  const block = (b: Block) => {
    switch (b.kind) {
      case 'paragraph':
        text(b.text, 'regular', 11, { paragraphGap: 8, lineGap: 2 });
        break;
      case 'subheading':
        keepRoom(80);
        doc.moveDown(0.5);
        text(b.text, 'bold', 13, { paragraphGap: 6, structType: 'H3' });
        break;
      case 'list': {
        const list = doc.struct('L');
        root.add(list);
        doc.font(FONTS.regular).fontSize(11).fillColor(INK).list(b.items, left, doc.y, { width, bulletRadius: 2, paragraphGap: 4, structParent: list });
        list.end();
        doc.moveDown(0.5);
        break;
      }
      case 'table':
        keepRoom(60);
        text(b.caption, 'bold', 10, { paragraphGap: 4, structType: 'Caption' });
        doc.font(FONTS.regular).fontSize(10);
        doc.table({
          // Tagged as a table whose first row holds the column headings (pdfkit reads structParent; its types do not list it).
          ...{ structParent: root },
          position: { x: left },
          maxWidth: width,
          columnStyles: b.head.map((_, i) => (i === 0 ? '*' : 110)),
          defaultStyle: { padding: 4, border: 0.5, borderColor: MUTED },
          data: [b.head.map((h) => ({ text: h, type: 'TH' as const, scope: 'Column', font: { src: FONTS.bold } })), ...b.rows],
        });
        doc.x = left;
        doc.moveDown(1);
        break;
      case 'quote':
        keepRoom(40);
        doc
          .font(FONTS.italic)
          .fontSize(11)
          .fillColor(INK)
          .text(`“${b.text}”`, left + 24, doc.y, { width: width - 48, lineGap: 2, structParent: root, structType: 'BlockQuote' });
        doc
          .font(FONTS.regular)
          .fontSize(10)
          .fillColor(MUTED)
          .text(`– ${b.credit}`, left + 24, doc.y, { width: width - 48, paragraphGap: 10, structParent: root, structType: 'P' });
        doc.x = left;
        break;
    }
  };

  text(report.kicker, 'bold', 11, { paragraphGap: 4 });
  text(report.title, 'bold', 22, { paragraphGap: 10, structType: 'H1' });
  for (const line of report.meta) text(line, 'regular', 10, { paragraphGap: 2 });
  for (const section of report.sections) {
    doc.moveDown(1);
    keepRoom(100);
    text(section.heading, 'bold', 16, { paragraphGap: 8, structType: 'H2' });
    section.blocks.forEach(block);
  }
  root.end();
  // Page numbers, once every page exists: artifacts, not part of the text a screen reader reads.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(FONTS.regular)
      .fontSize(9)
      .fillColor(MUTED)
      .text(`${i + 1} / ${range.count}`, left, doc.page.height - 36, { width, align: 'center' });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
