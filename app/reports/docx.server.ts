import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, ReportDocument } from './document';

// The report as a Word document: the sections are real Word headings (so Word's navigation pane
// and a screen reader find them), figures are Word tables with a repeating header row, quotes
// use a "Quote" paragraph style. Urdu paragraphs are marked right-to-left and Word shapes them.

const LANGUAGE_TAGS = { en: 'en-GB', pl: 'pl-PL', ur: 'ur-PK' } as const;

export async function renderDocx(report: ReportDocument): Promise<Uint8Array<ArrayBuffer>> {
  const rtl = report.dir === 'rtl';
  const tag = LANGUAGE_TAGS[report.locale];
  const run = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
    new TextRun({ text, ...options, rightToLeft: rtl, language: rtl ? { bidirectional: tag } : { value: tag } });
  const paragraph = (text: string, options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; style?: string; bold?: boolean } = {}) =>
    new Paragraph({ children: [run(text, { bold: options.bold })], heading: options.heading, style: options.style, bidirectional: rtl });

  const table = (block: Extract<Block, { kind: 'table' }>) => {
    const cell = (text: string, header: boolean) =>
      new TableCell({ children: [new Paragraph({ children: [run(text, { bold: header })], bidirectional: rtl })] });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: rtl,
      rows: [
        new TableRow({ tableHeader: true, children: block.head.map((h) => cell(h, true)) }),
        ...block.rows.map((row) => new TableRow({ children: row.map((value) => cell(value, false)) })),
      ],
    });
  };

  const blocks = (list: readonly Block[]) =>
    list.flatMap((block): (Paragraph | Table)[] => {
      switch (block.kind) {
        case 'paragraph':
          return [paragraph(block.text)];
        case 'subheading':
          return [paragraph(block.text, { heading: HeadingLevel.HEADING_2 })];
        case 'list':
          return block.items.map((item) => new Paragraph({ children: [run(item)], bullet: { level: 0 }, bidirectional: rtl }));
        case 'table':
          return [paragraph(block.caption, { style: 'Caption' }), table(block), paragraph('')];
        case 'quote':
          return [paragraph(`“${block.text}”`, { style: 'Quote' }), paragraph(`– ${block.credit}`, { style: 'QuoteCredit' })];
      }
    });

  const document = new Document({
    title: report.title,
    creator: report.kicker,
    styles: {
      default: { document: { run: { font: 'Arial', size: 24 } } },
      paragraphStyles: [
        {
          id: 'Caption',
          name: 'Caption',
          basedOn: 'Normal',
          next: 'Normal',
          run: { bold: true, size: 22 },
          paragraph: { spacing: { before: 200, after: 80 } },
        },
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true },
          paragraph: {
            indent: { start: 720, end: 720 },
            spacing: { before: 120 },
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: '505A5F', space: 8 } },
          },
        },
        {
          id: 'QuoteCredit',
          name: 'Quote credit',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 20 },
          paragraph: { indent: { start: 720, end: 720 }, spacing: { after: 160 } },
        },
      ],
    },
    sections: [
      {
        children: [
          paragraph(report.kicker, { bold: true }),
          new Paragraph({ children: [run(report.title)], heading: HeadingLevel.TITLE, bidirectional: rtl, alignment: AlignmentType.START }),
          ...report.meta.map((line) => paragraph(line)),
          ...report.sections.flatMap((section) => [paragraph(section.heading, { heading: HeadingLevel.HEADING_1 }), ...blocks(section.blocks)]),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
