import { writeFileSync } from 'node:fs';
import { openDatabase } from '#db/connection';
import { buildConsultationReport } from '~/reports/consultation.server';
import { renderPdf } from '~/reports/pdf.server';
import { renderDocx } from '~/reports/docx.server';

// How long the demo consultation's committee report takes to draw as PDF and Word, with the
// report built once: `tsx bench/pdf-time.ts [database] [consultation id]`.
const db = openDatabase(process.argv[2] ?? 'data/heard.sqlite');
const id = Number(process.argv[3] ?? 1);
const consultation = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
let started = performance.now();
const outcome = await buildConsultationReport(db, consultation, 'en', new URLSearchParams(), { threshold: 10 });
if (!outcome.ok) throw new Error('report');
console.log(`document: ${Math.round(performance.now() - started)} ms`);
writeFileSync('/tmp/heavy/report.json', JSON.stringify(outcome.report));
for (let i = 0; i < 3; i++) {
  started = performance.now();
  const pdf = await renderPdf(outcome.report);
  console.log(`pdf: ${Math.round(performance.now() - started)} ms, ${pdf.byteLength} bytes`);
  writeFileSync('/tmp/heavy/report.pdf', pdf);
}
started = performance.now();
const docx = await renderDocx(outcome.report);
console.log(`docx: ${Math.round(performance.now() - started)} ms, ${docx.byteLength} bytes`);
await db.destroy();
