import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import { loadQuestionLabels } from '~/analysis/labels.server';
import { maxLengthOf, OTHER_MAX_LENGTH, TEXT_KINDS } from '~/consultations/question-kinds';
import type { Locale } from '~/platform/i18n/config';
import { tFor } from '~/platform/i18n/i18n.server';
import { listWards } from '~/framework/places/wards.server';
import { countCounted } from '~/responses/counted.server';
import type { CellValue } from './cells';
import { layout, mapper, RESPONSE_FIELDS, type ExportAnswer, type ExportColumn, type ExportQuestion, type ExportResponse } from './responses-columns';

// The `responses` export read from the database: the counted responses (spam, duplicates and
// tests left out) in pages of PAGE_SIZE by id, each page with its answers, mapped to rows. Only
// one page is in memory at a time, so a million responses take as little memory as a thousand;
// and keyset pages (id > last) cost the same at the end as at the start.

export const PAGE_SIZE = 2_000;

/** What a writer needs: the columns, how many rows to expect, and the rows page by page. */
export interface RowSource {
  columns: ExportColumn[];
  total: number;
  pages: () => AsyncGenerator<CellValue[][]>;
}

/** Every question of the consultation (hidden and young people's ones too) with what the columns need. */
export async function loadExportQuestions(db: Db, consultation: Consultation, locale: Locale): Promise<ExportQuestion[]> {
  const labels = await loadQuestionLabels(db, consultation, locale);
  if (labels.length === 0) return [];
  const ids = labels.map((q) => q.id);
  const [limits, options] = await Promise.all([
    db.selectFrom('questions').select(['id', 'kind', 'max_length']).where('id', 'in', ids).execute(),
    db.selectFrom('options').select(['id', 'question_id', 'key', 'is_other']).where('question_id', 'in', ids).orderBy('position').orderBy('id').execute(),
  ]);
  const limitOf = new Map(limits.map((q) => [q.id, q]));
  return labels.map((q) => {
    const own = options.filter((o) => o.question_id === q.id);
    const stored = limitOf.get(q.id);
    const maxLength = stored && TEXT_KINDS.includes(stored.kind) ? maxLengthOf(stored) : OTHER_MAX_LENGTH;
    return {
      id: q.id,
      key: q.key,
      kind: q.kind,
      text: q.text,
      maxLength,
      options: own.map((o) => ({ id: o.id, key: o.key, label: q.options.get(o.id) ?? o.key, isOther: o.is_other === 1 })),
    };
  });
}

function readResponses(db: Db, consultationId: number, after: number, pageSize: number) {
  return db
    .selectFrom('responses')
    .select(['id', ...RESPONSE_FIELDS])
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'counted')
    .where('id', '>', after)
    .orderBy('id')
    .limit(pageSize)
    .execute();
}

/** The answers of the responses with ids first..last (those of other responses in the range are skipped by the caller). */
function readAnswers(db: Db, first: number, last: number) {
  return db
    .selectFrom('answers')
    .select(['response_id', 'question_id', 'option_id', 'rank', 'value_number', 'value_text'])
    .where('response_id', '>=', first)
    .where('response_id', '<=', last)
    .orderBy('response_id')
    .orderBy('id')
    .execute();
}

/** The questions the responses with ids first..last were routed past, by response. */
async function readNotAsked(db: Db, first: number, last: number): Promise<Map<number, number[]>> {
  const rows = await db
    .selectFrom('not_asked')
    .select(['response_id', 'question_id'])
    .where('response_id', '>=', first)
    .where('response_id', '<=', last)
    .execute();
  const byResponse = new Map<number, number[]>();
  for (const r of rows) {
    const list = byResponse.get(r.response_id);
    if (list) list.push(r.question_id);
    else byResponse.set(r.response_id, [r.question_id]);
  }
  return byResponse;
}

/** The consultation's counted responses as rows, in the export's language. */
export async function responsesSource(db: Db, consultation: Consultation, locale: Locale, pageSize = PAGE_SIZE): Promise<RowSource> {
  const t = tFor(locale, 'exports');
  const [questions, wards, total] = await Promise.all([loadExportQuestions(db, consultation, locale), listWards(db), countCounted(db, consultation.id)]);
  const fields = Object.fromEntries([...RESPONSE_FIELDS, 'ward_name', 'area_committee'].map((f) => [f, t(`columns.${f}`)])) as Parameters<
    typeof layout
  >[1]['fields'];
  const plan = layout(questions, { fields, label: t('columns.labelSuffix'), other: t('columns.otherSuffix') });
  const toRow = mapper(plan, new Map(wards.map((w) => [w.code, w])));

  async function* pages(): AsyncGenerator<CellValue[][]> {
    let after = 0;
    for (;;) {
      const responses = (await readResponses(db, consultation.id, after, pageSize)) as ExportResponse[];
      if (responses.length === 0) return;
      const first = responses[0]!.id;
      const last = responses[responses.length - 1]!.id;
      const answers: ExportAnswer[] = await readAnswers(db, first, last);
      const notAsked = await readNotAsked(db, first, last);
      const rows: CellValue[][] = [];
      let a = 0;
      for (const response of responses) {
        while (a < answers.length && answers[a]!.response_id < response.id) a++;
        const start = a;
        while (a < answers.length && answers[a]!.response_id === response.id) a++;
        rows.push(toRow(response, answers.slice(start, a), notAsked.get(response.id)));
      }
      yield rows;
      if (responses.length < pageSize) return;
      after = last;
    }
  }
  return { columns: plan.columns, total, pages };
}
