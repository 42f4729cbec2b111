import { z } from 'zod';
import type { SectionDef } from '~/consultations/definition';
import { RESPONDENT_GROUPS, type Channel } from '~/responses/codes';
import { aboutYouPart, formSchema, mergeParts, sectionPart } from '~/responses/form-schema';
import type { SchemaPart } from '~/responses/schema-part';

// What an officer keys in, checked with the public form's own rules for the answers: the
// same schema parts, so a keyed-in or imported response stores exactly the rows an online
// one would. Officers record what was said, so no question is required.

/** The channels responses come in through besides the two online forms. */
export const OFFLINE_CHANNELS = ['workshop', 'partnership_forum', 'video_booth', 'paper', 'conversation'] as const satisfies readonly Channel[];
export type OfflineChannel = (typeof OFFLINE_CHANNELS)[number];

export const FACILITATOR_MAX = 200;
export const NOTES_MAX = 5000;

/** Sections as an officer answers them: every question optional. */
export function optionalSections(sections: SectionDef[]): SectionDef[] {
  return sections.map((s) => ({ ...s, questions: s.questions.map((q) => ({ ...q, required: false })) }));
}

/** The answers and "About you" of one response, by the public form's rules. */
export function answersPart(sections: SectionDef[], wardCodes: readonly string[]): SchemaPart {
  return mergeParts([...optionalSections(sections).map(sectionPart), aboutYouPart(wardCodes)]);
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T12:00:00Z`));

/** A day as a stored time: midday UTC, so it reads as the same day in any UK time. */
export const dayToTime = (day: string) => new Date(`${day}T12:00:00.000Z`);

function keyedPart(today: string): SchemaPart {
  return {
    shape: {
      csrf: z.string().optional(),
      channel: z.enum(OFFLINE_CHANNELS, { error: 'intake:chooseChannel' }),
      submitted_at: z
        .string({ error: 'intake:enterDate' })
        .trim()
        .refine(isDate, 'intake:badDate')
        .refine((d) => d <= today, 'intake:futureDate'),
      facilitator: z.string().trim().max(FACILITATOR_MAX, `intake:tooLong|${FACILITATOR_MAX}`).optional(),
      group: z.enum(RESPONDENT_GROUPS, { error: 'intake:chooseGroup' }).optional(),
      notes: z.string().trim().max(NOTES_MAX, `intake:tooLong|${NOTES_MAX}`).optional(),
    },
  };
}

/** The one schema of the "key in a response" form, for the server and the browser. */
export function keyedSchema(sections: SectionDef[], wardCodes: readonly string[], today: string) {
  return formSchema(mergeParts([keyedPart(today), answersPart(sections, wardCodes)]));
}

/** The answers-only schema an imported row is checked with. */
export function importAnswersSchema(sections: SectionDef[], wardCodes: readonly string[]) {
  return formSchema(answersPart(sections, wardCodes));
}
