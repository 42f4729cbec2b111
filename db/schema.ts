import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// Flags are stored as 0/1 integers so SQLite and PostgreSQL agree.
export type Flag = 0 | 1;

export const CONSULTATION_STATUSES = ['draft', 'open', 'closed', 'results_published'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const QUESTION_KINDS = ['single_choice', 'multiple_choice', 'yes_no', 'agree_scale', 'rating', 'ranking', 'short_text', 'long_text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface WardTable {
  id: Generated<number>;
  code: string;
  name: string;
  area_committee: string;
  position: number;
}

export interface ThemeTable {
  id: Generated<number>;
  key: string;
  name: string;
  description: Generated<string>;
  position: number;
}

export interface PriorityTable {
  id: Generated<number>;
  theme_id: number;
  key: string;
  name: string;
  ambition: Generated<string>;
  position: number;
}

export interface ConsultationTable {
  id: Generated<number>;
  slug: string;
  title: string;
  summary: Generated<string>;
  why_asking: Generated<string>;
  what_happens_next: Generated<string>;
  status: Generated<ConsultationStatus>;
  opens_at: string | null;
  closes_at: string | null;
  estimated_minutes: Generated<number>;
  ask_about_you: Generated<Flag>;
  created_at: string;
  updated_at: string;
  youth_code: string | null;
  /** Languages besides English that every text needs before publishing, comma-separated: "pl,ur". */
  required_locales: Generated<string>;
  /** The officer's opening words on the public results page ("you said"). */
  results_summary: Generated<string>;
  /** When the results were (last) published; null while they are not. */
  results_published_at: string | null;
  /** Months after closing before responses are anonymised; null: the installation's default. */
  retention_months: number | null;
  /** What anonymising does to free-text answers. */
  retention_free_text: Generated<RetentionFreeText>;
  /** What anonymising does to "about you". */
  retention_about_you: Generated<RetentionAboutYou>;
  /** When the responses were anonymised; null until then. */
  anonymised_at: string | null;
}

export const RETENTION_FREE_TEXT = ['redact', 'keep'] as const;
export type RetentionFreeText = (typeof RETENTION_FREE_TEXT)[number];
export const RETENTION_ABOUT_YOU = ['keep', 'coarsen', 'remove'] as const;
export type RetentionAboutYou = (typeof RETENTION_ABOUT_YOU)[number];

export const ERASURE_REASONS = ['request', 'officer'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** A response erased (issue 18), recorded without its content. */
export interface ErasureTable {
  id: Generated<number>;
  consultation_id: number;
  /** The erased response's id (the row is gone). */
  response_id: number;
  /** SHA-256 (hex) of the response's reference, so a resident can hear it was erased. */
  reference_sha256: string;
  channel: string;
  submitted_at: string;
  reason: ErasureReason;
  request_id: number | null;
  /** JSON: rows removed by kind ({"answers":7,"codings":2,...}), never their content. */
  removed: string;
  erased_by: number | null;
  erased_at: string;
}

export const LAWFUL_BASES = ['public_task', 'consent', 'legal_obligation'] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];
export const SPECIAL_CATEGORY_CONDITIONS = ['substantial_public_interest', 'explicit_consent'] as const;
export type SpecialCategoryCondition = (typeof SPECIAL_CATEGORY_CONDITIONS)[number];

/** A consultation's privacy notice (issue 18); its texts are translated as entity 'privacy_notice'. */
export interface PrivacyNoticeTable {
  consultation_id: number;
  purpose: Generated<string>;
  /** The purpose in young people's plain words. */
  purpose_young: Generated<string>;
  /** UK GDPR Article 6(1). */
  lawful_basis: Generated<LawfulBasis>;
  /** UK GDPR Article 9(2), for "about you". */
  special_category_condition: Generated<SpecialCategoryCondition>;
  /** Empty: the installation's controller (PRIVACY_CONTROLLER). */
  controller: Generated<string>;
  /** Empty: the installation's data protection contact (PRIVACY_CONTACT). */
  contact: Generated<string>;
  shared_with: Generated<string>;
  updated_at: string;
}

/** A day's scheduled retention run, queued once by whichever process inserted the row (app/retention/schedule.server.ts). */
export interface RetentionRunTable {
  day: string;
  queued_at: string;
}

export const DATA_REQUEST_KINDS = ['access', 'erasure'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];
export const DATA_REQUEST_STATUSES = ['received', 'verified', 'completed', 'refused'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

/** A resident's request by reference (issue 18): a copy of their answers, or their erasure. */
export interface DataRequestTable {
  id: Generated<number>;
  kind: DataRequestKind;
  /** HRD-XXXX-XXXX as typed (normalised); null once an erasure is completed. */
  reference: string | null;
  /** The response the reference matched when the request arrived; kept (no key) after it is erased. */
  response_id: number | null;
  consultation_id: number | null;
  contact_email: string | null;
  message: string | null;
  status: Generated<DataRequestStatus>;
  /** How identity was checked, or why the request was refused. */
  note: string | null;
  locale: string;
  created_at: string;
  verified_by: number | null;
  verified_at: string | null;
  completed_by: number | null;
  completed_at: string | null;
}

export interface ConsultationPriorityTable {
  consultation_id: number;
  priority_id: number;
}

export const AUDIENCES = ['everyone', 'young_people'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface SectionTable {
  id: Generated<number>;
  consultation_id: number;
  key: string;
  position: number;
  title: string;
  intro: Generated<string>;
  /** young_people: questions only the young people's version asks. */
  audience: Generated<Audience>;
  /** JSON ShowIf (app/consultations/routing.ts): the section is asked only when earlier answers match. */
  show_if: string | null;
}

export interface QuestionTable {
  id: Generated<number>;
  consultation_id: number;
  section_id: number;
  key: string;
  position: number;
  kind: QuestionKind;
  text: string;
  hint: Generated<string>;
  required: Generated<Flag>;
  max_selections: number | null;
  rank_count: number | null;
  max_length: number | null;
  rating_max: number | null;
  /** Hidden questions are no longer asked; their stored answers keep their question. */
  hidden: Generated<Flag>;
  hidden_reason: string | null;
  /** JSON ShowIf (app/consultations/routing.ts): asked only when earlier answers match. */
  show_if: string | null;
  /** The exit page's words, when one of the options ends the survey (goes_to 'exit'). */
  exit_text: Generated<string>;
  /** A statement of a grid: answered on the grid's shared scale, beside its other statements. */
  grid_id: number | null;
}

export interface GridTable {
  id: Generated<number>;
  consultation_id: number;
  section_id: number;
  key: string;
  text: string;
  hint: Generated<string>;
}

/** The questions a response's own route passed by ("not asked", never "no answer"). */
export interface NotAskedTable {
  response_id: number;
  question_id: number;
}

export interface OptionTable {
  id: Generated<number>;
  question_id: number;
  key: string;
  position: number;
  label: string;
  is_other: Generated<Flag>;
  hidden: Generated<Flag>;
  /** A later section's key, or 'exit': where choosing this option sends the person next. */
  goes_to: string | null;
}

export const TRANSLATABLE = {
  consultation: ['title', 'summary', 'why_asking', 'what_happens_next', 'results_summary'],
  section: ['title', 'intro'],
  question: ['text', 'hint', 'exit_text'],
  option: ['label'],
  grid: ['text', 'hint'],
  theme: ['name', 'description'],
  priority: ['name', 'ambition'],
  youth_item: ['text', 'hint', 'exit_text'],
  youth_option: ['label'],
  action: ['title', 'description'],
  privacy_notice: ['purpose', 'purpose_young', 'shared_with'],
} as const;
export type TranslatableEntity = keyof typeof TRANSLATABLE;

export interface TranslationTable {
  entity_type: TranslatableEntity;
  entity_id: number;
  field: string;
  locale: string;
  value: string;
}

export interface ResponseTable {
  id: Generated<number>;
  consultation_id: number;
  reference: string;
  idempotency_key: string;
  channel: string;
  respondent_group: string;
  locale: string;
  submitted_at: string;
  age_band: string | null;
  sex: string | null;
  gender_identity: string | null;
  ethnicity: string | null;
  disability: string | null;
  carer: string | null;
  religion: string | null;
  sexual_orientation: string | null;
  ward_code: string | null;
  lives_in_area: Generated<Flag>;
  works_in_area: Generated<Flag>;
  studies_in_area: Generated<Flag>;
  runs_business: Generated<Flag>;
  represents_group: Generated<Flag>;
  quote_consent: Generated<Flag>;
  quote_credit: string | null;
  quote_name: string | null;
  never_attribute: Generated<Flag>;
  postcode_district: string | null;
  status: Generated<ResponseStatus>;
  status_reason: string | null;
  status_changed_at: string | null;
  status_changed_by: number | null;
  facilitator: string | null;
  notes: string | null;
  entered_by: number | null;
  import_id: number | null;
}

/** counted, or kept (and restorable) but out of every count. */
export const RESPONSE_STATUSES = ['counted', 'spam', 'duplicate', 'test'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export const ROLES = ['admin', 'officer', 'analyst'] as const;
export type Role = (typeof ROLES)[number];
export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: Generated<string>;
  role: Role;
  password_hash: string | null;
  status: UserStatus;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

export interface InvitationTable {
  token_hash: string;
  user_id: number;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SessionTable {
  /** A SHA-256 of the cookie's token. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  consultation_id: number | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

export interface ImportTable {
  id: Generated<number>;
  consultation_id: number;
  file_name: string;
  file_sha256: string;
  row_count: number;
  imported_by: number | null;
  imported_at: string;
}

export const BLOCK_REASONS = ['honeypot', 'rate_limit'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

export interface BlockedSubmissionTable {
  id: Generated<number>;
  consultation_id: number;
  reason: BlockReason;
  client: string;
  at: string;
}

export interface AnswerTable {
  id: Generated<number>;
  response_id: number;
  question_id: number;
  option_id: number | null;
  rank: number | null;
  value_number: number | null;
  value_text: string | null;
}

export const YOUTH_KINDS = ['single_choice', 'multiple_choice', 'yes_no', 'agree_scale', 'short_text', 'long_text'] as const;
export type YouthKind = (typeof YOUTH_KINDS)[number];

export interface YouthItemTable {
  id: Generated<number>;
  consultation_id: number;
  question_id: number;
  key: string;
  position: number;
  kind: YouthKind;
  text: string;
  hint: Generated<string>;
  required: Generated<Flag>;
  max_selections: number | null;
  max_length: number | null;
  /** JSON ShowIf naming youth items and youth options. */
  show_if: string | null;
  exit_text: Generated<string>;
}

export interface YouthOptionTable {
  id: Generated<number>;
  youth_item_id: number;
  key: string;
  position: number;
  label: string;
  option_id: number;
  picture: string | null;
  /** A later youth item's key, or 'exit'. */
  goes_to: string | null;
}

export interface ResponseDraftTable {
  token: string;
  consultation_id: number;
  data: string;
  created_at: string;
  updated_at: string;
}

/** A theme of a consultation's codebook, for coding free-text answers. */
export interface CodebookThemeTable {
  id: Generated<number>;
  consultation_id: number;
  key: string;
  name: string;
  description: Generated<string>;
  priority_id: number | null;
  /** Words and phrases that suggest the theme, one per line. */
  keywords: Generated<string>;
  position: number;
  created_at: string;
}

/** A coder finished coding an answer (possibly with no theme). */
export interface CodingTable {
  answer_id: number;
  coder_id: number;
  consultation_id: number;
  question_id: number;
  coded_at: string;
}

export interface CodingThemeTable {
  answer_id: number;
  coder_id: number;
  theme_id: number;
}

export interface CodingSampleTable {
  id: Generated<number>;
  consultation_id: number;
  question_id: number;
  name: string;
  created_by: number | null;
  created_at: string;
}

export interface CodingSampleAnswerTable {
  sample_id: number;
  answer_id: number;
}

export interface QuoteTable {
  id: Generated<number>;
  consultation_id: number;
  answer_id: number;
  theme_id: number | null;
  priority_id: number | null;
  text: string;
  picked_by: number | null;
  picked_at: string;
}

export const BASELINE_KINDS = ['census', 'illustrative'] as const;
export type BaselineKind = (typeof BASELINE_KINDS)[number];

export interface PopulationBaselineTable {
  id: Generated<number>;
  name: string;
  source: Generated<string>;
  kind: BaselineKind;
  notes: Generated<string>;
  loaded_by: number | null;
  loaded_at: string;
}

export interface PopulationFigureTable {
  baseline_id: number;
  /** A summary dimension: ageBand, sex, ethnicity, ethnicGroup, disability, carer or ward. */
  dimension: string;
  value: string;
  count: number;
  /** null when exact; 'split-band' or 'small-area' when approximate (migration 20261215_0800). */
  approximation: string | null;
}

export const ACTION_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** "What we did": an officer-written action in answer to what residents said. */
export interface ActionTable {
  id: Generated<number>;
  consultation_id: number;
  priority_id: number | null;
  title: string;
  description: Generated<string>;
  status: Generated<ActionStatus>;
  due_on: string | null;
  done_on: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface ActionUpdateTable {
  id: Generated<number>;
  action_id: number;
  status: ActionStatus;
  note: Generated<string>;
  happened_on: string;
  recorded_by: number | null;
  recorded_at: string;
}

export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportJobStatus = (typeof EXPORT_JOB_STATUSES)[number];

export interface ExportJobTable {
  id: Generated<number>;
  consultation_id: number;
  kind: string;
  format: string;
  params: Generated<string>;
  locale: string;
  status: Generated<ExportJobStatus>;
  rows_done: Generated<number>;
  rows_total: Generated<number>;
  filename: string;
  file_path: string | null;
  /** The stored file's chunks (export_file_chunks), once done. */
  file_key: string | null;
  error: string | null;
  requested_by: number | null;
  created_at: string;
  finished_at: string | null;
}

/** What a change_log entry says happened (app/platform/change-log.server.ts). */
export const CHANGE_KINDS = ['stored', 'imported', 'status', 'erased', 'pages', 'framework'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeLogTable {
  /** bigserial on PostgreSQL (read as a number, db/connection.ts), integer on SQLite: never reused. */
  seq: Generated<number>;
  consultation_id: number | null;
  kind: ChangeKind;
  response_id: number | null;
  detail: string | null;
  created_at: string;
}

export interface IndexSnapshotTable {
  consultation_id: number;
  chunk: number;
  seq: number;
  stamp: string;
  data: Uint8Array;
  created_at: string;
}

export const QUEUED_JOB_STATES = ['created', 'active', 'completed', 'failed'] as const;
export type QueuedJobState = (typeof QUEUED_JOB_STATES)[number];

/** The job queue on SQLite (PostgreSQL uses pg-boss's own schema): app/platform/jobs/. */
export interface JobQueueTable {
  id: Generated<number>;
  name: string;
  data: string;
  state: Generated<QueuedJobState>;
  retry_limit: number;
  retry_count: Generated<number>;
  retry_delay_seconds: number;
  lease_seconds: number;
  start_after: string;
  lease_token: string | null;
  lease_until: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** A background export's file, in pieces of about a megabyte, readable by every process. */
export interface ExportFileChunkTable {
  file_key: string;
  seq: number;
  bytes: Uint8Array;
  created_at: string;
}

export interface Database {
  wards: WardTable;
  themes: ThemeTable;
  priorities: PriorityTable;
  consultations: ConsultationTable;
  consultation_priorities: ConsultationPriorityTable;
  sections: SectionTable;
  questions: QuestionTable;
  options: OptionTable;
  translations: TranslationTable;
  responses: ResponseTable;
  answers: AnswerTable;
  not_asked: NotAskedTable;
  grids: GridTable;
  response_drafts: ResponseDraftTable;
  youth_items: YouthItemTable;
  youth_options: YouthOptionTable;
  users: UserTable;
  invitations: InvitationTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  imports: ImportTable;
  blocked_submissions: BlockedSubmissionTable;
  codebook_themes: CodebookThemeTable;
  codings: CodingTable;
  coding_themes: CodingThemeTable;
  coding_samples: CodingSampleTable;
  coding_sample_answers: CodingSampleAnswerTable;
  quotes: QuoteTable;
  population_baselines: PopulationBaselineTable;
  population_figures: PopulationFigureTable;
  actions: ActionTable;
  action_updates: ActionUpdateTable;
  export_jobs: ExportJobTable;
  change_log: ChangeLogTable;
  index_snapshots: IndexSnapshotTable;
  rate_limit_windows: RateLimitWindowTable;
  throttle_states: ThrottleStateTable;
  job_queue: JobQueueTable;
  export_file_chunks: ExportFileChunkTable;
  erasures: ErasureTable;
  privacy_notices: PrivacyNoticeTable;
  retention_runs: RetentionRunTable;
  data_requests: DataRequestTable;
}

export type Consultation = Selectable<ConsultationTable>;
export type NewConsultation = Insertable<ConsultationTable>;
export type ConsultationUpdate = Updateable<ConsultationTable>;
export type Question = Selectable<QuestionTable>;
export type Option = Selectable<OptionTable>;
export type Section = Selectable<SectionTable>;
export type Grid = Selectable<GridTable>;
export type Theme = Selectable<ThemeTable>;
/** A key's recent events for one rate limit (app/auth/rate-limit.server.ts); times in ms since the epoch. */
export interface RateLimitWindowTable {
  bucket: string;
  key: string;
  /** The last events' times, oldest first, each 13 digits and a comma. */
  times: string;
  expires_at: number;
}

/** A key's failures for one sign-in slow-down (app/auth/throttle.server.ts); times in ms since the epoch. */
export interface ThrottleStateTable {
  bucket: string;
  key: string;
  failures: number;
  not_before: number;
  last_failure: number;
  expires_at: number;
}

export type Priority = Selectable<PriorityTable>;
export type Ward = Selectable<WardTable>;
export type NewResponse = Insertable<ResponseTable>;
export type NewAnswer = Insertable<AnswerTable>;
export type User = Selectable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditEvent = Selectable<AuditEventTable>;

// Every column of every table, checked against the interfaces by the compiler and against
// the migrated database by db/schema.test.ts, so the two cannot drift apart unnoticed.
type ColumnsOf<T> = { [K in keyof T]-?: true };
const columns = <T>(c: ColumnsOf<T>) => Object.keys(c);
export const SCHEMA_COLUMNS: Record<keyof Database, string[]> = {
  wards: columns<WardTable>({ id: true, code: true, name: true, area_committee: true, position: true }),
  themes: columns<ThemeTable>({ id: true, key: true, name: true, description: true, position: true }),
  priorities: columns<PriorityTable>({
    id: true,
    theme_id: true,
    key: true,
    name: true,
    ambition: true,
    position: true,
  }),
  consultations: columns<ConsultationTable>({
    id: true,
    slug: true,
    title: true,
    summary: true,
    why_asking: true,
    what_happens_next: true,
    status: true,
    opens_at: true,
    closes_at: true,
    estimated_minutes: true,
    ask_about_you: true,
    created_at: true,
    updated_at: true,
    youth_code: true,
    required_locales: true,
    results_summary: true,
    results_published_at: true,
    retention_months: true,
    retention_free_text: true,
    retention_about_you: true,
    anonymised_at: true,
  }),
  consultation_priorities: columns<ConsultationPriorityTable>({ consultation_id: true, priority_id: true }),
  sections: columns<SectionTable>({
    id: true,
    consultation_id: true,
    key: true,
    position: true,
    title: true,
    intro: true,
    audience: true,
    show_if: true,
  }),
  questions: columns<QuestionTable>({
    id: true,
    consultation_id: true,
    section_id: true,
    key: true,
    position: true,
    kind: true,
    text: true,
    hint: true,
    required: true,
    max_selections: true,
    rank_count: true,
    max_length: true,
    rating_max: true,
    hidden: true,
    hidden_reason: true,
    show_if: true,
    exit_text: true,
    grid_id: true,
  }),
  grids: columns<GridTable>({ id: true, consultation_id: true, section_id: true, key: true, text: true, hint: true }),
  not_asked: columns<NotAskedTable>({ response_id: true, question_id: true }),
  options: columns<OptionTable>({
    id: true,
    question_id: true,
    key: true,
    position: true,
    label: true,
    is_other: true,
    hidden: true,
    goes_to: true,
  }),
  translations: columns<TranslationTable>({ entity_type: true, entity_id: true, field: true, locale: true, value: true }),
  responses: columns<ResponseTable>({
    id: true,
    consultation_id: true,
    reference: true,
    idempotency_key: true,
    channel: true,
    respondent_group: true,
    locale: true,
    submitted_at: true,
    age_band: true,
    sex: true,
    gender_identity: true,
    ethnicity: true,
    disability: true,
    carer: true,
    religion: true,
    sexual_orientation: true,
    ward_code: true,
    lives_in_area: true,
    works_in_area: true,
    studies_in_area: true,
    runs_business: true,
    represents_group: true,
    quote_consent: true,
    quote_credit: true,
    quote_name: true,
    never_attribute: true,
    postcode_district: true,
    status: true,
    status_reason: true,
    status_changed_at: true,
    status_changed_by: true,
    facilitator: true,
    notes: true,
    entered_by: true,
    import_id: true,
  }),
  answers: columns<AnswerTable>({
    id: true,
    response_id: true,
    question_id: true,
    option_id: true,
    rank: true,
    value_number: true,
    value_text: true,
  }),
  response_drafts: columns<ResponseDraftTable>({
    token: true,
    consultation_id: true,
    data: true,
    created_at: true,
    updated_at: true,
  }),
  youth_items: columns<YouthItemTable>({
    id: true,
    consultation_id: true,
    question_id: true,
    key: true,
    position: true,
    kind: true,
    text: true,
    hint: true,
    required: true,
    max_selections: true,
    max_length: true,
    show_if: true,
    exit_text: true,
  }),
  youth_options: columns<YouthOptionTable>({
    id: true,
    youth_item_id: true,
    key: true,
    position: true,
    label: true,
    option_id: true,
    picture: true,
    goes_to: true,
  }),
  users: columns<UserTable>({
    id: true,
    email: true,
    name: true,
    role: true,
    password_hash: true,
    status: true,
    created_at: true,
    updated_at: true,
    last_sign_in_at: true,
  }),
  invitations: columns<InvitationTable>({
    token_hash: true,
    user_id: true,
    created_by: true,
    created_at: true,
    expires_at: true,
    used_at: true,
  }),
  sessions: columns<SessionTable>({
    id: true,
    user_id: true,
    csrf_token: true,
    created_at: true,
    last_seen_at: true,
    expires_at: true,
  }),
  audit_events: columns<AuditEventTable>({
    id: true,
    at: true,
    user_id: true,
    actor: true,
    action: true,
    entity_type: true,
    entity_id: true,
    consultation_id: true,
    summary: true,
    before_json: true,
    after_json: true,
    reason: true,
  }),
  imports: columns<ImportTable>({
    id: true,
    consultation_id: true,
    file_name: true,
    file_sha256: true,
    row_count: true,
    imported_by: true,
    imported_at: true,
  }),
  blocked_submissions: columns<BlockedSubmissionTable>({ id: true, consultation_id: true, reason: true, client: true, at: true }),
  codebook_themes: columns<CodebookThemeTable>({
    id: true,
    consultation_id: true,
    key: true,
    name: true,
    description: true,
    priority_id: true,
    keywords: true,
    position: true,
    created_at: true,
  }),
  codings: columns<CodingTable>({ answer_id: true, coder_id: true, consultation_id: true, question_id: true, coded_at: true }),
  coding_themes: columns<CodingThemeTable>({ answer_id: true, coder_id: true, theme_id: true }),
  coding_samples: columns<CodingSampleTable>({ id: true, consultation_id: true, question_id: true, name: true, created_by: true, created_at: true }),
  coding_sample_answers: columns<CodingSampleAnswerTable>({ sample_id: true, answer_id: true }),
  quotes: columns<QuoteTable>({
    id: true,
    consultation_id: true,
    answer_id: true,
    theme_id: true,
    priority_id: true,
    text: true,
    picked_by: true,
    picked_at: true,
  }),
  population_baselines: columns<PopulationBaselineTable>({ id: true, name: true, source: true, kind: true, notes: true, loaded_by: true, loaded_at: true }),
  population_figures: columns<PopulationFigureTable>({ baseline_id: true, dimension: true, value: true, count: true, approximation: true }),
  actions: columns<ActionTable>({
    id: true,
    consultation_id: true,
    priority_id: true,
    title: true,
    description: true,
    status: true,
    due_on: true,
    done_on: true,
    position: true,
    created_at: true,
    updated_at: true,
  }),
  action_updates: columns<ActionUpdateTable>({ id: true, action_id: true, status: true, note: true, happened_on: true, recorded_by: true, recorded_at: true }),
  export_jobs: columns<ExportJobTable>({
    id: true,
    consultation_id: true,
    kind: true,
    format: true,
    params: true,
    locale: true,
    status: true,
    rows_done: true,
    rows_total: true,
    filename: true,
    file_path: true,
    file_key: true,
    error: true,
    requested_by: true,
    created_at: true,
    finished_at: true,
  }),
  change_log: columns<ChangeLogTable>({ seq: true, consultation_id: true, kind: true, response_id: true, detail: true, created_at: true }),
  index_snapshots: columns<IndexSnapshotTable>({ consultation_id: true, chunk: true, seq: true, stamp: true, data: true, created_at: true }),
  rate_limit_windows: columns<RateLimitWindowTable>({ bucket: true, key: true, times: true, expires_at: true }),
  throttle_states: columns<ThrottleStateTable>({ bucket: true, key: true, failures: true, not_before: true, last_failure: true, expires_at: true }),
  job_queue: columns<JobQueueTable>({
    id: true,
    name: true,
    data: true,
    state: true,
    retry_limit: true,
    retry_count: true,
    retry_delay_seconds: true,
    lease_seconds: true,
    start_after: true,
    lease_token: true,
    lease_until: true,
    error: true,
    created_at: true,
    started_at: true,
    finished_at: true,
  }),
  export_file_chunks: columns<ExportFileChunkTable>({ file_key: true, seq: true, bytes: true, created_at: true }),
  erasures: columns<ErasureTable>({
    id: true,
    consultation_id: true,
    response_id: true,
    reference_sha256: true,
    channel: true,
    submitted_at: true,
    reason: true,
    request_id: true,
    removed: true,
    erased_by: true,
    erased_at: true,
  }),
  privacy_notices: columns<PrivacyNoticeTable>({
    consultation_id: true,
    purpose: true,
    purpose_young: true,
    lawful_basis: true,
    special_category_condition: true,
    controller: true,
    contact: true,
    shared_with: true,
    updated_at: true,
  }),
  retention_runs: columns<RetentionRunTable>({ day: true, queued_at: true }),
  data_requests: columns<DataRequestTable>({
    id: true,
    kind: true,
    reference: true,
    response_id: true,
    consultation_id: true,
    contact_email: true,
    message: true,
    status: true,
    note: true,
    locale: true,
    created_at: true,
    verified_by: true,
    verified_at: true,
    completed_by: true,
    completed_at: true,
  }),
};

export type Action = Selectable<ActionTable>;
export type ActionUpdate = Selectable<ActionUpdateTable>;
export type ExportJob = Selectable<ExportJobTable>;
