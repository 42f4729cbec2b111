import type { ConsultationDef, QuestionDef } from '~/consultations/definition';
import { STANDARD_OPTIONS } from '~/consultations/question-kinds';
import { allQuestions } from '~/consultations/definition';
import type { WardOption } from '~/framework/places/ward';
import { RESPONDENT_GROUPS } from '~/responses/codes';
import { ABOUT_YOU_FIELDS, ABOUT_YOU_FIELD_NAMES, PREFER_NOT, WARD_UNKNOWN, type AboutYouField } from '~/responses/demographics';
import { LANGUAGES } from '~/platform/i18n/config';
import type { Candidate } from './match';
import { OFFLINE_CHANNELS } from './schema';

// Everything an import's cells may say, and the columns its header may name. A code or its
// English label is accepted, whichever case it is written in.

/** Column names besides the questions' keys; channel and submitted_at must be there. */
export const STANDARD_COLUMNS = ['channel', 'submitted_at', 'group', 'facilitator', 'notes', 'locale', 'ward', ...ABOUT_YOU_FIELD_NAMES] as const;
export type StandardColumn = (typeof STANDARD_COLUMNS)[number];
export const REQUIRED_COLUMNS = ['channel', 'submitted_at'] as const;
/** "Please specify" text for a question's "Other" option. */
export const otherColumn = (key: string) => `${key}.other`;

/** English labels, looked up where the interface keeps them. */
export interface Labels {
  channel: (code: string) => string;
  group: (code: string) => string;
  about: (field: AboutYouField, code: string) => string;
  preferNot: string;
  wardUnknown: string;
  standardOption: (kind: string, key: string) => string;
}

export interface Vocabulary {
  def: ConsultationDef;
  wardCodes: string[];
  questions: Map<string, QuestionDef>;
  /** Question keys whose "Other" text has a column. */
  otherColumns: Map<string, QuestionDef>;
  channels: Candidate<string>[];
  groups: Candidate<string>[];
  locales: Candidate<string>[];
  about: Record<AboutYouField, Candidate<string>[]>;
  wards: Candidate<string>[];
  options: Map<string, Candidate<string>[]>;
  columns: string[];
}

const spaced = (code: string) => code.replace(/_/g, ' ');
const candidate = (code: string, label: string): Candidate<string> => ({ names: [code, spaced(code), label], value: code, display: label });

function optionCandidates(q: QuestionDef, labels: Labels): Candidate<string>[] {
  if (q.kind === 'rating') return [];
  const standard = STANDARD_OPTIONS[q.kind];
  if (standard) return standard.map((key) => candidate(key, labels.standardOption(q.kind, key)));
  return q.options.map((o) => candidate(o.key, o.label));
}

export function buildVocabulary(def: ConsultationDef, wards: WardOption[], labels: Labels): Vocabulary {
  const questions = new Map(allQuestions(def).map((q) => [q.key, q]));
  const otherColumns = new Map([...questions.values()].filter((q) => q.options.some((o) => o.isOther)).map((q) => [otherColumn(q.key), q]));
  const preferNot = candidate(PREFER_NOT, labels.preferNot);
  const about = Object.fromEntries(
    ABOUT_YOU_FIELD_NAMES.map((field) => [field, [...ABOUT_YOU_FIELDS[field].map((code) => candidate(code, labels.about(field, code))), preferNot]]),
  ) as Record<AboutYouField, Candidate<string>[]>;
  return {
    def,
    wardCodes: wards.map((w) => w.code),
    questions,
    otherColumns,
    channels: OFFLINE_CHANNELS.map((c) => candidate(c, labels.channel(c))),
    groups: RESPONDENT_GROUPS.map((g) => candidate(g, labels.group(g))),
    locales: LANGUAGES.map((l) => ({ names: [l.code, l.name], value: l.code, display: l.code })),
    about,
    wards: [...wards.map((w) => candidate(w.code, w.name)), candidate(WARD_UNKNOWN, labels.wardUnknown), preferNot],
    options: new Map([...questions.values()].map((q) => [q.key, optionCandidates(q, labels)])),
    columns: [...STANDARD_COLUMNS, ...questions.keys(), ...otherColumns.keys()],
  };
}

/** The header row of a blank spreadsheet for this consultation. */
export function templateColumns(def: ConsultationDef): string[] {
  const questionKeys = allQuestions(def).map((q) => q.key);
  return ['channel', 'submitted_at', 'group', 'facilitator', ...questionKeys, 'ward', ...ABOUT_YOU_FIELD_NAMES, 'locale', 'notes'];
}
