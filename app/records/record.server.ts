import type { Db } from '#db/connection';
import type { Consultation, RetentionAboutYou, RetentionFreeText } from '#db/schema';
import { effectiveStatus, type EffectiveStatus } from '~/consultations/status';
import { retentionDateOf, retentionPolicyOf, type RetentionDefaults } from '~/retention/policy';
import { scanContactDetails, type ContactScan } from './contact-details.server';
import { countErasures, countErasuresByMonth, erasuresOrNone, type ErasureMonth, type ErasureTotals } from './erasures.server';
import { countHoldings, countResponses, type Holdings, type ResponseCounts } from './holdings.server';
import { countRequests, requestsOrNone, type RequestTotals } from './requests.server';

// The record of processing (UK GDPR Article 30) as the administrator reads it: for each
// consultation, what it holds, until when, and what has been erased. Figures only; no response's
// content ever leaves the database through here.
//
// Counts are of stored records, whatever their value ("holds an ethnicity", never which one), so
// they describe no group of people and are shown whole: an information governance officer must
// see that data is held, even by three responses, to act on it. The page is for administrators,
// who may read every response anyway.

export interface Retention {
  months: number;
  /** The consultation left the months blank: the installation's default applies. */
  monthsFromDefault: boolean;
  freeText: RetentionFreeText;
  aboutYou: RetentionAboutYou;
  /** When the responses are due to be anonymised (ISO); null while the consultation has no closing date. */
  date: string | null;
  anonymisedAt: string | null;
}

export interface ConsultationRecord {
  id: number;
  title: string;
  slug: string;
  status: EffectiveStatus;
  opensAt: string | null;
  closesAt: string | null;
  responses: ResponseCounts;
  retention: Retention;
  erasures: ErasureTotals;
  /** Residents' requests for a copy or an erasure, matched to this consultation's responses. */
  requests: RequestTotals;
}

export interface ConsultationRecordInFull extends ConsultationRecord {
  holdings: Holdings;
  contactDetails: ContactScan;
  erasuresByMonth: ErasureMonth[];
}

type RecordedConsultation = Pick<
  Consultation,
  'id' | 'title' | 'slug' | 'status' | 'opens_at' | 'closes_at' | 'retention_months' | 'retention_free_text' | 'retention_about_you' | 'anonymised_at'
>;

const COLUMNS = [
  'id',
  'title',
  'slug',
  'status',
  'opens_at',
  'closes_at',
  'retention_months',
  'retention_free_text',
  'retention_about_you',
  'anonymised_at',
] as const satisfies readonly (keyof RecordedConsultation)[];

/** Every consultation's record, newest first: a few grouped counts, whatever the number of responses. */
export async function listConsultationRecords(db: Db, defaults: RetentionDefaults, now: Date): Promise<ConsultationRecord[]> {
  const [consultations, responses, erasures, requests] = await Promise.all([
    db.selectFrom('consultations').select(COLUMNS).orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
    countResponses(db),
    countErasures(db),
    countRequests(db),
  ]);
  return consultations.map((c) =>
    recordOf(c, responses.get(c.id) ?? { counted: 0, excluded: 0 }, erasuresOrNone(erasures.get(c.id)), requestsOrNone(requests.get(c.id)), defaults, now),
  );
}

/** One consultation's record with every category counted; undefined when there is no such consultation. */
export async function loadConsultationRecord(db: Db, id: number, defaults: RetentionDefaults, now: Date): Promise<ConsultationRecordInFull | undefined> {
  const consultation = await db.selectFrom('consultations').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!consultation) return undefined;
  const [holdings, contactDetails, erasures, erasuresByMonth, requests] = await Promise.all([
    countHoldings(db, id),
    scanContactDetails(db, id),
    countErasures(db, [id]),
    countErasuresByMonth(db, id),
    countRequests(db, [id]),
  ]);
  const counts = { counted: holdings.counted, excluded: holdings.excluded };
  const record = recordOf(consultation, counts, erasuresOrNone(erasures.get(id)), requestsOrNone(requests.get(id)), defaults, now);
  return { ...record, holdings, contactDetails, erasuresByMonth };
}

function recordOf(
  c: RecordedConsultation,
  responses: ResponseCounts,
  erasures: ErasureTotals,
  requests: RequestTotals,
  defaults: RetentionDefaults,
  now: Date,
): ConsultationRecord {
  const policy = retentionPolicyOf(c, defaults);
  return {
    id: c.id,
    title: c.title,
    slug: c.slug,
    status: effectiveStatus(c, now),
    opensAt: c.opens_at,
    closesAt: c.closes_at,
    responses,
    retention: {
      months: policy.months,
      monthsFromDefault: policy.monthsFromDefault,
      freeText: policy.freeText,
      aboutYou: policy.aboutYou,
      date: retentionDateOf(c, defaults)?.toISOString() ?? null,
      anonymisedAt: c.anonymised_at,
    },
    erasures,
    requests,
  };
}
