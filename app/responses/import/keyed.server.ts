import type { Db } from '#db/connection';
import { recordAudit, type Actor } from '~/platform/audit.server';
import type { ConsultationDef } from '~/consultations/definition';
import type { FormValues } from '~/responses/answers';
import type { RespondentGroup } from '~/responses/codes';
import { storeResponse, type SubmitResult } from '~/responses/submit.server';
import { offlineResponse } from './rows';
import { dayToTime, type OfflineChannel } from './schema';

export interface KeyedValues extends FormValues {
  channel: OfflineChannel;
  submitted_at: string;
  facilitator?: string;
  group?: RespondentGroup;
  notes?: string;
  idempotencyKey?: string;
}

/**
 * Stores a response an officer keyed in, with its audit entry, in one transaction. The form's
 * idempotency key makes a double click store it once and show the same reference.
 */
export function storeKeyedResponse(db: Db, def: ConsultationDef, values: KeyedValues, actor: Actor): Promise<SubmitResult> {
  const toStore = offlineResponse(def, values, {
    group: values.group ?? null,
    facilitator: values.facilitator ?? null,
    notes: values.notes ?? null,
    enteredBy: actor.userId,
    importId: null,
  });
  const meta = {
    idempotencyKey: values.idempotencyKey || crypto.randomUUID(),
    locale: 'en' as const,
    channel: values.channel,
    draftToken: null,
    now: dayToTime(values.submitted_at),
  };
  return storeResponse(db, toStore, meta, (trx, stored) =>
    recordAudit(trx, actor, {
      action: 'response.create',
      entityType: 'response',
      entityId: stored.id,
      consultationId: def.id,
      summary: `Keyed in response ${stored.reference} (${values.channel}, ${values.submitted_at})`,
      after: { reference: stored.reference, channel: values.channel, submitted_at: values.submitted_at, facilitator: values.facilitator ?? null },
    }),
  );
}
