import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { seedWards } from '#db/seed/wards';
import { loadResults } from '~/analysis/results.server';
import type { Cell, QuestionResult } from '~/analysis/results-model';
import { createCodebookTheme } from '~/coding/codebook.server';
import { saveCoding } from '~/coding/codings.server';
import { pickQuote } from '~/publishing/quotes/picking.server';
import { addCoder, addResponse, questionIds } from '../../tests/coding';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { buildAcrossReport } from './across.server';
import { buildConsultationReport } from './consultation.server';
import type { Block, ReportDocument } from './document';
import { renderDocx } from './docx.server';
import { fileLocale } from './files.server';
import { renderPdf } from './pdf.server';

// The committee report from real rows in a fresh database: its figures are the results model's
// for the same filters, a small group says "fewer than 10" and carries no value, and the Word
// and PDF files, read back with mammoth and pdf-parse, hold the headings and the figures.

const THRESHOLD = 10;
const actor = { userId: null, label: 'officer@stockport.gov.uk' };
const NOW = new Date(Date.UTC(2026, 11, 1, 10));
let db: Db;
let destroy: () => Promise<void>;
let consultation: Consultation;
let priorityId: number;

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  await seedWards(db);
  const id = await createConsultation(db, {
    opensAt: '2026-09-01T09:00:00.000Z',
    closesAt: '2026-10-31T23:00:00.000Z',
    sections: [
      {
        key: 'main',
        questions: [
          { key: 'pick', kind: 'single_choice', options: ['parks', 'buses', 'shops'] },
          { key: 'story', kind: 'long_text' },
        ],
      },
    ],
  });
  await db
    .updateTable('consultations')
    .set({
      title: 'Marple Green Spaces',
      summary: 'We asked how Marple should look after its parks.',
      why_asking: 'The parks plan ends next year.',
      what_happens_next: 'The plan goes to Full Council in February.',
    })
    .where('id', '=', id)
    .execute();
  const q = await questionIds(db, id);
  const options = await db.selectFrom('options').select(['id', 'key']).where('question_id', '=', q.pick!).execute();
  const option = (key: string) => options.find((o) => o.key === key)!.id;
  const coder = await addCoder(db, 'Ann');
  const [parks, buses] = await Promise.all(
    ['Parks and green spaces', 'Buses'].map(async (name) => {
      const made = await createCodebookTheme(db, actor, id, { name, description: '', priorityId: null, keywords: '' });
      if (!made.ok) throw new Error('theme');
      return made.id;
    }),
  );
  // 40 residents online and 14 young people on paper; 3 at a workshop (a small group).
  const people = [
    ...Array.from({ length: 40 }, (_, i) => ({ group: 'resident', channel: 'online', choice: i % 4 === 0 ? 'buses' : 'parks', buses: i < 3 })),
    ...Array.from({ length: 14 }, () => ({ group: 'young_person', channel: 'paper', choice: 'parks', buses: false })),
    ...Array.from({ length: 3 }, () => ({ group: 'resident', channel: 'workshop', choice: 'shops', buses: false })),
  ];
  let minute = 0;
  for (const p of people) {
    const r = await addResponse(db, id, {
      group: p.group,
      channel: p.channel,
      texts: { [q.story!]: p.buses ? 'The buses to the park' : 'Keep the parks green and safe' },
      options: { [q.pick!]: option(p.choice) },
    });
    await saveCoding(
      db,
      actor,
      { consultationId: id, questionId: q.story!, answerId: r.answers[q.story!]!, coderId: coder, themeIds: p.buses ? [buses!] : [parks!] },
      new Date(Date.UTC(2026, 10, 1, 9, minute++)),
    );
  }
  const young = await addResponse(db, id, { group: 'young_person', channel: 'paper', texts: { [q.story!]: 'I love the skate park by the river' } });
  const older = await addResponse(db, id, { group: 'resident', channel: 'online', texts: { [q.story!]: 'The bowling green needs mowing' } });
  await db.updateTable('responses').set({ quote_consent: 1, quote_credit: 'anonymous' }).where('id', 'in', [young.id, older.id]).execute();
  await saveCoding(db, actor, { consultationId: id, questionId: q.story!, answerId: young.answers[q.story!]!, coderId: coder, themeIds: [parks!] });
  await saveCoding(db, actor, { consultationId: id, questionId: q.story!, answerId: older.answers[q.story!]!, coderId: coder, themeIds: [parks!] });
  for (const [r, excerpt] of [
    [young, 'I love the skate park'],
    [older, 'The bowling green needs mowing'],
  ] as const) {
    const picked = await pickQuote(db, actor, { consultationId: id, answerId: r.answers[q.story!]!, themeId: parks!, excerpt });
    if (!picked.ok) throw new Error(picked.error);
  }
  const stamp = NOW.toISOString();
  const theme = await db.insertInto('themes').values({ key: 'one_home', name: 'One Home', position: 1 }).returning('id').executeTakeFirstOrThrow();
  priorityId = (
    await db.insertInto('priorities').values({ theme_id: theme.id, key: 'green', name: 'Green spaces', position: 1 }).returning('id').executeTakeFirstOrThrow()
  ).id;
  await db.insertInto('consultation_priorities').values({ consultation_id: id, priority_id: priorityId }).execute();
  await db.updateTable('codebook_themes').set({ priority_id: priorityId }).where('id', '=', parks!).execute();
  await db.updateTable('consultations').set({ status: 'closed' }).where('id', '=', id).execute();
  await db
    .insertInto('actions')
    .values({
      consultation_id: id,
      priority_id: priorityId,
      title: 'Mow the bowling green weekly',
      description: '',
      status: 'in_progress',
      due_on: '2027-03-31',
      done_on: null,
      position: 1,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  consultation = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}, 120_000);
afterAll(() => destroy());

async function report(query: string, locale: 'en' | 'pl' | 'ur' = 'en'): Promise<ReportDocument> {
  const outcome = await buildConsultationReport(db, consultation, locale, new URLSearchParams(query), { threshold: THRESHOLD, now: NOW });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.report;
}

const section = (r: ReportDocument, id: string) => r.sections.find((s) => s.id === id)!;
const tables = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
const en = (n: number) => n.toLocaleString('en-GB');
const pct = (c: Cell) => (c.suppressed ? 'fewer than 10' : c.percent === null ? '–' : `${Math.round(c.percent)}%`);
const count = (c: Cell) => (c.suppressed ? 'fewer than 10' : en(c.count));
const expectedRows = (q: QuestionResult) => q.rows.map((r) => [r.label, count(r.cells[0]!), pct(r.cells[0]!)]);

describe('the committee report of a consultation', () => {
  for (const query of ['', 'respondentGroup=young_person', 'channel=online&respondentGroup=resident']) {
    it(`gives the results model's figures for the same filters (${query || 'everyone'})`, async () => {
      const r = await report(query);
      const results = await loadResults(db, consultation, 'en', new URLSearchParams(query), THRESHOLD);
      if (!results.ok) throw new Error('results');
      const { model } = results;
      const heard = tables(section(r, 'heard').blocks);
      expect(heard[0]!.rows).toEqual(expectedRows(model.themes[0]!));
      const pick = model.questions.find((q) => q.key === 'pick')!;
      expect(heard[1]!.rows).toEqual(expectedRows(pick));
      // Two quoted people left "pick" unanswered: where that small "no answer" hides the number
      // who answered, the caption says the shares are of every response.
      const all = pick.columns[0]!;
      expect(heard[1]!.caption).toBe(
        all.percentOf === 'responses'
          ? `Question pick? (${en((all.responses as { value: number }).value)} responses; shares are of all of them, as the number who answered is hidden to protect a small group)`
          : `Question pick? (${all.base.suppressed ? 'fewer than 10' : en(all.base.value)} answered)`,
      );
      const responses = model.responses.suppressed ? 'fewer than 10' : en(model.responses.value);
      if (query === '') expect(all.percentOf).toBe('responses');
      expect(section(r, 'engagement').blocks.some((b) => b.kind === 'paragraph' && b.text.startsWith(`Responses counted: ${responses}.`))).toBe(true);
    });
  }

  it('follows the source report: five numbered parts, the scope in words, the quotes of a theme and the actions', async () => {
    const r = await report('respondentGroup=young_person');
    expect(r.title).toBe('Marple Green Spaces');
    expect(r.sections.map((s) => s.heading)).toEqual([
      '1. Introduction and purpose',
      '2. How we engaged',
      '3. What we heard',
      '4. Who we heard from',
      '5. Next steps',
    ]);
    expect(r.meta).toContain('The figures cover only these responses: Respondent group: Young person.');
    const quotes = section(r, 'heard').blocks.filter((b) => b.kind === 'quote');
    // Only the young person's quote: the other respondent is outside the filter.
    expect(quotes).toEqual([{ kind: 'quote', text: 'I love the skate park', credit: 'Anonymous' }]);
    expect(tables(section(r, 'next').blocks)[0]!.rows).toEqual([['Mow the bowling green weekly', 'In progress', 'Due 31 March 2027']]);
    expect(section(r, 'next').blocks).toContainEqual({ kind: 'paragraph', text: 'The plan goes to Full Council in February.' });
    expect(section(r, 'engagement').blocks[0]).toEqual({ kind: 'paragraph', text: 'The consultation was open from 1 September 2026 to 31 October 2026.' });
  });

  it('hides a small group: "fewer than 10" and no value', async () => {
    const r = await report('');
    const buses = tables(section(r, 'heard').blocks)[0]!.rows.find((row) => row[0] === 'Buses')!;
    expect(buses).toEqual(['Buses', 'fewer than 10', 'fewer than 10']);
    const channels = tables(section(r, 'engagement').blocks)[0]!.rows;
    expect(channels.find((row) => row[0] === 'Workshop')?.[1]).toBe('fewer than 10');
    const text = JSON.stringify(r);
    expect(text).not.toMatch(/Buses: raised in \d/);
  });

  it('refuses filters the form could not have sent', async () => {
    const outcome = await buildConsultationReport(db, consultation, 'en', new URLSearchParams('respondentGroup=martian'), { threshold: THRESHOLD });
    expect(outcome.ok).toBe(false);
  });

  it('writes a Word document with real headings, tables and the figures', async () => {
    const r = await report('respondentGroup=young_person');
    const buffer = Buffer.from(await renderDocx(r));
    const { value: html } = await mammoth.convertToHtml({ buffer });
    for (const s of r.sections) expect(html).toContain(`<h1>${s.heading}</h1>`);
    expect(html).toContain('<table>');
    const { value: text } = await mammoth.extractRawText({ buffer });
    const themes = tables(section(r, 'heard').blocks)[0]!;
    for (const row of themes.rows) expect(text).toMatch(new RegExp(row.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')));
    expect(text).toContain('I love the skate park');
  });

  it('hides the small group in the Word and PDF files too', async () => {
    const r = await report('');
    const docx = (await mammoth.extractRawText({ buffer: Buffer.from(await renderDocx(r)) })).value;
    const pdf = await pdfText(await renderPdf(r));
    for (const text of [docx, pdf]) {
      expect(text).toMatch(/Buses\s+fewer than 10\s+fewer than 10/);
      expect(text).not.toMatch(/Buses\s+\d/);
      expect(text).toMatch(/Workshop\s+fewer than 10/);
    }
  });

  it('writes a PDF with the headings and figures, Polish letters included; an Urdu reader gets the English PDF', async () => {
    const r = await report('respondentGroup=young_person');
    const text = await pdfText(await renderPdf(r));
    for (const s of r.sections) expect(text).toContain(s.heading);
    const young = tables(section(r, 'heard').blocks)[0]!.rows[0]!;
    expect(text).toMatch(new RegExp(`${young[0]}\\s+${young[1]}\\s+${young[2]}`));
    const polish = await report('', 'pl');
    const polishText = await pdfText(await renderPdf(polish));
    expect(polishText).toContain(polish.sections[0]!.heading);
    expect(polishText).toMatch(/[ąćęłńóśźż]/);
    expect(fileLocale('pdf', 'ur')).toBe('en');
    expect(fileLocale('docx', 'ur')).toBe('ur');
    await expect(renderPdf(await report('', 'ur'))).rejects.toThrow();
  });

  it('writes an Urdu Word document', async () => {
    const r = await report('', 'ur');
    expect(r.dir).toBe('rtl');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await renderDocx(r)) });
    expect(value).toContain(r.sections[2]!.heading);
  });
});

describe('the committee report of a priority across consultations', () => {
  it('gives each consultation its protected figures, quotes and the actions for the priority', async () => {
    const r = (await buildAcrossReport(db, { kind: 'priority', id: priorityId }, 'en', { threshold: THRESHOLD, now: NOW }))!;
    expect(r.title).toBe('Green spaces');
    const engaged = tables(section(r, 'engagement').blocks)[0]!;
    expect(engaged.rows).toEqual([['Marple Green Spaces', '1 September 2026 to 31 October 2026', en(59)]]);
    const themes = tables(section(r, 'heard').blocks)[0]!;
    // 56 of 59 coded answers raised parks: the 3 that did not are too few, so the figure is hidden.
    expect(themes.rows).toEqual([['Parks and green spaces', 'fewer than 10', 'fewer than 10']]);
    expect(section(r, 'heard').blocks.filter((b) => b.kind === 'quote')).toHaveLength(2);
    expect(tables(section(r, 'next').blocks)[0]!.rows[0]![0]).toBe('Mow the bowling green weekly');
    const text = await pdfText(await renderPdf(r));
    expect(text).toContain('3. What we heard');
    expect(await buildAcrossReport(db, { kind: 'priority', id: 9999 }, 'en', { threshold: THRESHOLD })).toBeUndefined();
  });
});

async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}
