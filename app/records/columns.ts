import type { CellValue } from '~/exports/cells';
import { CATEGORIES, CONTACT_KINDS } from './categories';
import type { ConsultationRecordInFull } from './record.server';

// The columns of the record's download, one row per consultation. The same list documents them
// on the page (records:columns.<name>), so the file and its description cannot drift apart.

type Column = readonly [name: string, value: (r: ConsultationRecordInFull) => CellValue];

export const RECORD_COLUMNS: readonly Column[] = [
  ['consultation_id', (r) => r.id],
  ['slug', (r) => r.slug],
  ['title', (r) => r.title],
  ['status', (r) => r.status],
  ['opens_at', (r) => r.opensAt],
  ['closes_at', (r) => r.closesAt],
  ['responses_counted', (r) => r.responses.counted],
  ['responses_excluded', (r) => r.responses.excluded],
  ...CATEGORIES.map((category): Column => [`holds_${category}`, (r) => r.holdings.categories[category]]),
  ['free_text_answers', (r) => r.holdings.freeTextAnswers],
  ['contact_details_responses', (r) => r.contactDetails.responses],
  ...CONTACT_KINDS.map((kind): Column => [`contact_details_${kind}_answers`, (r) => r.contactDetails.byKind[kind]]),
  ['contact_details_answers_checked', (r) => r.contactDetails.checked],
  ['contact_details_complete', (r) => r.contactDetails.complete],
  ['retention_months', (r) => r.retention.months],
  ['retention_months_from_default', (r) => r.retention.monthsFromDefault],
  ['retention_free_text', (r) => r.retention.freeText],
  ['retention_about_you', (r) => r.retention.aboutYou],
  ['retention_date', (r) => r.retention.date],
  ['anonymised_at', (r) => r.retention.anonymisedAt],
  ['erasures', (r) => r.erasures.total],
  ['erasures_on_request', (r) => r.erasures.byReason.request],
  ['erasures_by_officer', (r) => r.erasures.byReason.officer],
  ['latest_erasure_at', (r) => r.erasures.latest],
  ['access_requests', (r) => r.requests.access],
  ['erasure_requests', (r) => r.requests.erasure],
  ['requests_open', (r) => r.requests.open],
  ['requests_completed', (r) => r.requests.completed],
  ['requests_refused', (r) => r.requests.refused],
];

export const RECORD_COLUMN_NAMES = RECORD_COLUMNS.map(([name]) => name);
