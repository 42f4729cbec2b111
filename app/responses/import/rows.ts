import type { ConsultationDef } from '~/consultations/definition';
import { answerRows, responseFields, type FormValues } from '~/responses/answers';
import type { RespondentGroup } from '~/responses/codes';
import type { ResponseToStore } from '~/responses/submit.server';

// One recorded response as rows: the online form's own row builders, plus what an officer
// records about where it came from.

export interface OfflineDetails {
  group: RespondentGroup | null;
  facilitator: string | null;
  notes: string | null;
  enteredBy: number | null;
  importId: number | null;
}

export function offlineResponse(def: ConsultationDef, values: FormValues, details: OfflineDetails): ResponseToStore {
  const fields = responseFields(values);
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
    answers: answerRows(def, values),
  };
}
