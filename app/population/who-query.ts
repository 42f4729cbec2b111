import { z } from 'zod';
import { RESPONDENT_GROUPS } from '~/responses/codes';
import { POPULATION_DIMENSIONS } from './census-labels';
import type { WhoRequest } from './who.server';

// The "who we heard from" page's settings, from its address (plain GET forms). Anything that
// does not fit is ignored, so an old or edited link still opens the page.

const id = z.coerce.number().int().positive().nullable().catch(null);
const schema = z.object({
  baseline: id,
  group: z.enum(RESPONDENT_GROUPS).nullable().catch(null),
  question: id,
  by: z.enum(POPULATION_DIMENSIONS).nullable().catch(null),
});

export function readWhoRequest(url: URL): WhoRequest {
  const param = (name: string) => url.searchParams.get(name) || null;
  const parsed = schema.parse({ baseline: param('baseline'), group: param('group'), question: param('question'), by: param('by') });
  return { baselineId: parsed.baseline, group: parsed.group, questionId: parsed.question, weightBy: parsed.by };
}
