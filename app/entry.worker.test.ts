import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '~/reports/document';
import { renderDocx } from '~/reports/docx.server';
import { renderPdf } from '~/reports/pdf.server';
import { busyResponse, orBusy } from '~/platform/workers/busy.server';
import { createHeavyWork, type HeavyTask } from '~/platform/workers/pool.server';

// The heavy-work pool with real worker threads running this entry (the sources through tsx): a report drawn on a
// worker reads back exactly as one drawn on this thread; a full queue is refused at once with
// the busy answer; a worker that dies fails its task with an error and the next task still runs.

const report: ReportDocument = {
  locale: 'pl',
  dir: 'ltr',
  kicker: 'Raport dla komisji',
  title: 'Zielone przestrzenie Marple',
  meta: ['1 grudnia 2026', 'Próg ujawnienia: 10'],
  sections: [
    {
      id: 'heard',
      heading: '3. Co usłyszeliśmy',
      blocks: [
        { kind: 'paragraph', text: 'Zażółć gęślą jaźń: 46% odpowiedzi dotyczyło parków.' },
        { kind: 'subheading', text: 'Parki i tereny zielone' },
        { kind: 'list', items: ['Więcej ławek', 'Bezpieczniejsze ścieżki'] },
        {
          kind: 'table',
          caption: 'Odpowiedzi według kanału',
          head: ['Kanał', 'Liczba', 'Udział'],
          rows: [
            ['Online', '1 234', '46%'],
            ['Papier', 'mniej niż 10', '–'],
          ],
        },
        { kind: 'quote', text: 'Kocham skatepark nad rzeką', credit: 'Młoda osoba' },
      ],
    },
  ],
};

const fixture = fileURLToPath(new URL('./entry.worker.fixture.ts', import.meta.url));
const pools: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));

function pool(threads = 1, queue = 4) {
  const heavy = createHeavyWork({ threads, queue, databaseUrl: ':memory:', filename: fixture });
  pools.push(heavy);
  // The fixture's own tasks (sleep, exit), beside the worker's.
  return { ...heavy, test: <Task extends HeavyTask>(task: Task) => heavy.run(task) };
}

async function pdfText(bytes: Uint8Array) {
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}
const docxText = async (bytes: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;

describe('the heavy-work pool', () => {
  it('draws a PDF and a Word report on a worker thread that read back the same as ones drawn here', async () => {
    const heavy = pool();
    const [pdf, docx] = await Promise.all([heavy.run({ kind: 'report', format: 'pdf', report }), heavy.run({ kind: 'report', format: 'docx', report })]);
    expect(pdf).toBeInstanceOf(Uint8Array);
    const text = await pdfText(pdf as Uint8Array);
    for (const expected of ['Zielone przestrzenie Marple', '3. Co usłyszeliśmy', 'Zażółć gęślą jaźń', 'mniej niż 10', 'Kocham skatepark'])
      expect(text).toContain(expected);
    expect(text).toBe(await pdfText(await renderPdf(report)));
    const words = await docxText(docx as Uint8Array);
    expect(words).toContain('Bezpieczniejsze ścieżki');
    expect(words).toBe(await docxText(await renderDocx(report)));
  });

  it('writes a table as an Excel file on a worker thread', async () => {
    const heavy = pool();
    const xlsx = await heavy.run({ kind: 'table', format: 'xlsx', columns: ['question', 'count'], rows: [{ question: 'Parki', count: 12 }], sheet: 'summary' });
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx as Uint8Array) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('summary')!;
    expect(sheet.getRow(2).values).toEqual([undefined, 'Parki', 12]);
  });

  it('refuses work beyond its queue at once with the busy answer, and does the rest', async () => {
    const heavy = pool(1, 1);
    const running = heavy.test({ kind: 'sleep', ms: 1_500 });
    const queued = heavy.test({ kind: 'sleep', ms: 10 });
    const refused = heavy.test({ kind: 'sleep', ms: 10 });
    await expect(refused).rejects.toMatchObject({ name: 'BusyError' });
    await expect(Promise.all([running, queued])).resolves.toEqual([null, null]);

    const answer = await orBusy('pl', () => heavy.run({ kind: 'report', format: 'pdf', report }).then(() => new Response('ok')));
    expect(answer.status).toBe(200);
    const busy = busyResponse('pl');
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(await busy.text()).toContain('Spróbuj ponownie za chwilę');
  });

  it('fails the task of a worker that dies with an error, not a hang, and runs the next task on a new thread', async () => {
    const heavy = pool(1, 4);
    const crashed = heavy.test({ kind: 'exit' });
    const next = heavy.run({ kind: 'report', format: 'docx', report });
    await expect(crashed).rejects.toThrow();
    expect(await docxText((await next) as Uint8Array)).toContain('Zielone przestrzenie Marple');
  });
});
