import type { ShowIf } from '../../app/consultations/routing';
import type { Audience, ConsultationStatus } from '../schema';
import type { TextPoolKey } from './free-text';
import type { Localised } from './translations';

// A small language for writing the demo consultations as plain data. Each question carries
// both what is stored (text, options, limits) and how demo respondents tend to answer it
// (weights), so the generator can produce realistic, skewed results without knowing the questions.

export const t = (en: string, pl: string, ur: string): Localised => ({ en, pl, ur });

export interface DemoOption {
  key: string;
  label: Localised;
  /** How often demo respondents choose it, relative to the other options. */
  weight: number;
  /** The weight among young people, when they differ from adults. */
  young?: number;
  isOther?: boolean;
}

/** Weights by option key for the kinds with standard options (yes_no, agree_scale). */
export type ScaleWeights = Readonly<Record<string, number>>;

interface QuestionBase {
  key: string;
  text: Localised;
  hint?: Localised;
  required?: boolean;
  /** Share of demo respondents who answer when it is optional. */
  answerRate?: number;
  /** Asked only when earlier answers match (app/consultations/routing.ts). */
  showIf?: ShowIf;
  /** Where choosing an option sends the person: option key to a later section's key, or 'exit'. */
  goesTo?: Readonly<Record<string, string>>;
  /** The exit page's words, when an option goes to 'exit'. */
  exitText?: Localised;
  /** The key of the section's grid this question is a statement of. */
  grid?: string;
}

export type DemoQuestion = QuestionBase &
  (
    | { kind: 'single_choice'; options: DemoOption[]; otherPool?: TextPoolKey }
    | {
        kind: 'multiple_choice';
        maxSelections: number | null;
        options: DemoOption[];
        otherPool?: TextPoolKey;
        /** Relative weights of choosing 1, 2, 3… options. */
        picks: number[];
      }
    | { kind: 'yes_no' | 'agree_scale'; weights: ScaleWeights; young?: ScaleWeights }
    | { kind: 'rating'; ratingMax: number; weights: number[]; young?: number[] }
    | { kind: 'ranking'; rankCount: number; options: DemoOption[] }
    | { kind: 'short_text' | 'long_text'; maxLength?: number; pool: TextPoolKey }
  );

export interface DemoSection {
  key: string;
  /** young_people: asked only in the young people's version (default everyone). */
  audience?: Audience;
  title: Localised;
  intro?: Localised;
  /** Shown only when earlier answers match. */
  showIf?: ShowIf;
  /** Statements answered on one shared scale: the questions naming the grid's key, one after another. */
  grids?: DemoGrid[];
  questions: DemoQuestion[];
}

export interface DemoGrid {
  key: string;
  text: Localised;
  hint?: Localised;
}

/** A rule with one condition: asked when `question` was answered with any of `options`. */
export function when(question: string, ...options: string[]): ShowIf {
  return { match: 'all', conditions: [{ question, options }] };
}

/** An answer in the young people's version, counted as the main option `maps` (an option key of the item's question). */
export interface DemoYouthOption {
  key: string;
  label: Localised;
  /** An emoji shown beside the words. */
  picture?: string;
  maps: string;
  /** How often young people under 13 choose it, relative to the other options. */
  weight: number;
  /** The weight among those of 13 and over, when it differs. */
  older?: number;
}

interface YouthItemBase {
  key: string;
  /** The key of the question the answer is stored against: a main question or a young-people-only one. */
  question: string;
  text: Localised;
  hint?: Localised;
  required?: boolean;
  /** Share of demo young people who answer it: [under 13, 13 and over]. */
  answerRate: readonly [number, number];
  /** Asked only when earlier answers match; it names youth items and youth options by key. */
  showIf?: ShowIf;
  /** Where choosing an answer sends the young person: youth option key to a later item's key, or 'exit'. */
  goesTo?: Readonly<Record<string, string>>;
  exitText?: Localised;
  /**
   * Its demo answers come from a random stream of their own, not the one every other demo answer
   * is drawn from: an item added to a seeded version then leaves every other demo answer as it was.
   */
  drawsApart?: boolean;
}

/** One screen of the young people's version. */
export type DemoYouthItem = YouthItemBase &
  (
    | { kind: 'single_choice'; options: DemoYouthOption[] }
    | {
        kind: 'multiple_choice';
        maxSelections: number | null;
        options: DemoYouthOption[];
        /** Relative weights of choosing 1, 2, 3… options. */
        picks: number[];
      }
    | { kind: 'agree_scale' | 'yes_no'; options: DemoYouthOption[] }
    | { kind: 'short_text' | 'long_text'; maxLength?: number; pool: TextPoolKey }
  );

/** The young people's version of a consultation, for 8 to 18 year olds, reached at /young/<code>. */
export interface DemoYouthVersion {
  code: string;
  items: DemoYouthItem[];
}

export interface DemoConsultation {
  slug: string;
  status: ConsultationStatus;
  title: Localised;
  summary: Localised;
  whyAsking: Localised;
  whatHappensNext: Localised;
  /** Days from "today"; null when not scheduled. */
  opensInDays: number | null;
  closesInDays: number | null;
  estimatedMinutes: number;
  priorities: string[];
  sections: DemoSection[];
  /** The young people's version, if the consultation has one. */
  youth?: DemoYouthVersion;
  /** Its privacy notice (issue 18); without one, the notice says what the installation says. */
  privacy?: DemoPrivacyNotice;
}

export interface DemoPrivacyNotice {
  purpose: Localised;
  /** The purpose in young people's words (reads at grade 5 or below). */
  purposeYoung: Localised;
  sharedWith: Localised;
  /** The data protection officer's address, the same in every language. */
  contact: string;
}

export function option(key: string, label: Localised, weight: number, young?: number): DemoOption {
  return young === undefined ? { key, label, weight } : { key, label, weight, young };
}

export function otherOption(weight: number, young?: number): DemoOption {
  const label = t('Other, please specify', 'Inne (proszę podać)', 'دیگر (براہِ کرم وضاحت کریں)');
  return { ...option('other', label, weight, young), isOther: true };
}

/**
 * English labels of the standard options (the UI labels them from locales; the translations
 * are stored too so that an export or an officer's screen never shows a blank).
 */
export const STANDARD_LABELS: Record<string, Localised> = {
  yes: t('Yes', 'Tak', 'ہاں'),
  no: t('No', 'Nie', 'نہیں'),
  strongly_agree: t('Strongly agree', 'Zdecydowanie się zgadzam', 'پوری طرح متفق'),
  agree: t('Agree', 'Zgadzam się', 'متفق'),
  neither: t('Neither agree nor disagree', 'Ani się zgadzam, ani nie zgadzam', 'نہ متفق، نہ غیر متفق'),
  disagree: t('Disagree', 'Nie zgadzam się', 'غیر متفق'),
  strongly_disagree: t('Strongly disagree', 'Zdecydowanie się nie zgadzam', 'بالکل غیر متفق'),
};

/** Agree-scale weights from the share who agree (strongly or not) and the share who strongly agree. */
export function agreeWeights(agree: number, stronglyAgree: number, disagree: number): ScaleWeights {
  const neither = 100 - agree - disagree;
  return {
    strongly_agree: stronglyAgree,
    agree: agree - stronglyAgree,
    neither,
    disagree: disagree * 0.65,
    strongly_disagree: disagree * 0.35,
  };
}

/**
 * Plain-word faces for an agree_scale youth item: the standard keys, each counted as the main
 * option of the same key, labelled as young people say it (locales/en/youth.json faces).
 * Weights are [under 13, 13 and over] by key.
 */
export const YOUTH_FACE_LABELS: Record<string, Localised> = {
  strongly_agree: t('Yes, a lot', 'Tak, bardzo', 'ہاں، بہت'),
  agree: t('Yes', 'Tak', 'ہاں'),
  neither: t('Not sure', 'Nie wiem', 'پتا نہیں'),
  disagree: t('No', 'Nie', 'نہیں'),
  strongly_disagree: t('No, not at all', 'Nie, wcale', 'نہیں، بالکل نہیں'),
};

export function youthFaces(under13: ScaleWeights, older: ScaleWeights): DemoYouthOption[] {
  return Object.entries(YOUTH_FACE_LABELS).map(([key, label]) => ({
    key,
    label,
    maps: key,
    weight: under13[key] ?? 0,
    older: older[key] ?? 0,
  }));
}
