import type { ConsultationDef } from '~/consultations/definition';
import { answerRows, responseFields, type FormValues } from '~/responses/answers';
import type { RespondentGroup } from '~/responses/codes';
import type { ResponseToStore } from '~/responses/submit.server';
import { notAskedIds } from './route-check';

// One recorded response as rows: the online form's own row builders, plus what an officer
// records about where it came from.

export interface OfflineDetails {
  group: RespondentGroup | null;
  facilitator: string | null;
  notes: string | null;
  enteredBy: number | null;
  importId: number | null;
}

/**
 * The response as stored, with the questions its own route passed by as "not asked". An answer
 * to one of those (an import refuses them first; a keyed-in form may still send one) is dropped,
 * as the online form drops it: a question not asked has no answer.
 */
export function offlineResponse(def: ConsultationDef, values: FormValues, details: OfflineDetails): ResponseToStore {
  const fields = responseFields(values);
  const notAsked = notAskedIds(def, values);
  const passed = new Set(notAsked);
  return {
    consultationId: def.id,
    fields: {
      ...fields,
      respondent_group: details.group ?? fields.respondent_group,
      facilitator: details.facilitator || null,
      notes: details.notes || null,
      entered_by: details.enteredBy,
      import_id: details.importId,
    },
    answers: answerRows(def, values).filter((a) => !passed.has(a.question_id)),
    notAsked,
  };
}
