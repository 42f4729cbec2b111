import { inTransaction, type Db, type Trx } from '#db/connection';
import type { Consultation } from '#db/schema';
import { dropAnalysisIndex } from '~/analysis/indexes.server';
import { redactContactDetails } from '~/exports/redact';
import { recordAudit, type Actor } from '~/platform/audit.server';
import { appendChange } from '~/platform/change-log.server';
import { ETHNIC_GROUPS } from '~/responses/demographics';
import { REDACTED_TEXT } from '~/responses/text';
import { isRetentionDue, retentionDateOf, retentionPolicyOf, type RetentionDefaults, type RetentionPolicy } from './policy';

// The anonymiser (issue 18): once a consultation's retention date has come, its responses keep
// what the counts need and lose what could identify a person. One transaction per consultation.
//
// - Contact-like data goes whatever the policy: the name and credit to quote by, the postcode
//   district, and a keyed-in response's facilitator and notes; unsent drafts are deleted.
// - Free text, 'redact': every text answer (short, long, "other, please specify") becomes
//   REDACTED_TEXT. A marker rather than null or '': a text question's base ("answered") and the
//   codings (derived counts: coded themes stay) still find the answer, and search and coding
//   lists show that it was redacted. 'keep': the text stays, with email addresses, phone numbers
//   and postcodes taken out as the exports do (exports/redact.ts).
// - About you, 'coarsen': what the analysis breaks down by stays at a level the breakdowns still
//   hold: age band (already the census' ten-year band; analysis/dimensions.ts has no broader
//   one), sex, disability, unpaid care and ward (results are wanted by ward and area committee;
//   the postcode district, finer, goes). Ethnicity becomes its census high-level group (stored as
//   the group's code, which the grouped-ethnicity breakdown reads unchanged). Gender identity,
//   religion and sexual orientation (special category, no breakdown uses them) go. 'remove':
//   every census field and the ward go; the respondent group and channel stay (how the response
//   counts, not who gave it).
// - Quotes already PUBLISHED (the consultation's results are published) stay as published: their
//   text is in `quotes`, and the response columns their credit is worked out from (name, credit,
//   age band, ward, postcode district) are kept for those responses only; the person can still ask
//   for erasure. Quotes picked but not published are free text nobody published: deleted when
//   free text is redacted, cleaned of contact details when it is kept.
// - Published figures need no frozen copy: the public results page and open data show overall
//   figures only (closed answers, coded themes, channels), none of which anonymising touches, so
//   they stay as published (retention.server.test.ts compares them). The workspace's breakdowns
//   recompute from the anonymised rows and say so.
// - Every process's summary index holds about-you columns: its stamp includes anonymised_at
//   (analysis/indexes.server.ts), so each process rebuilds at its next use and stale saved
//   snapshots are deleted here; a 'pages' entry clears every process's page cache.

const REMOVED_WHEN_COARSENED = ['gender_identity', 'religion', 'sexual_orientation'] as const;
const CENSUS_FIELDS = ['age_band', 'sex', 'gender_identity', 'ethnicity', 'disability', 'carer', 'religion', 'sexual_orientation', 'ward_code'] as const;
const CONTACT_FIELDS = ['quote_name', 'quote_credit', 'postcode_district', 'facilitator', 'notes'] as const;
/** What a published quote's credit is worked out from (publishing/quotes/sources.server.ts). */
const CREDIT_FIELDS = new Set<string>(['quote_name', 'quote_credit', 'postcode_district', 'age_band', 'ward_code']);

type ResponseField = (typeof CENSUS_FIELDS)[number] | (typeof CONTACT_FIELDS)[number];

export interface RetentionPlan {
  consultationId: number;
  slug: string;
  title: string;
  retentionDate: string;
  policy: RetentionPolicy;
  responses: number;
  /** Free-text answers replaced by the marker ('redact'), or cleaned of contact details ('keep'). */
  freeTextRedacted: number;
  freeTextCleaned: number;
  /** Values changed or emptied, by response column. */
  aboutYouCoarsened: Partial<Record<ResponseField, number>>;
  aboutYouRemoved: Partial<Record<ResponseField, number>>;
  contactDeleted: Partial<Record<ResponseField, number>>;
  quotesDeleted: number;
  quotesCleaned: number;
  draftsDeleted: number;
}

export interface RetentionRun {
  plans: RetentionPlan[];
  dryRun: boolean;
}

/** Consultations whose retention date has come and that are not yet anonymised. */
export async function findDueConsultations(db: Db, defaults: RetentionDefaults, now: Date): Promise<Consultation[]> {
  const rows = await db.selectFrom('consultations').selectAll().where('status', '!=', 'draft').where('anonymised_at', 'is', null).orderBy('id').execute();
  return rows.filter((c) => isRetentionDue(c, defaults, now));
}

/**
 * Anonymises every consultation that is due, one transaction each; with `dryRun`, only says what
 * each would change (the same counts, read in a transaction that is rolled back).
 */
export async function runRetention(
  db: Db,
  actor: Actor,
  { defaults, now = new Date(), dryRun = false }: { defaults: RetentionDefaults; now?: Date; dryRun?: boolean },
): Promise<RetentionRun> {
  const plans: RetentionPlan[] = [];
  for (const consultation of await findDueConsultations(db, defaults, now)) {
    const plan = dryRun ? await planRetention(db, consultation, defaults) : await anonymiseConsultation(db, actor, consultation.id, defaults, now);
    if (plan) plans.push(plan);
  }
  return { plans, dryRun };
}

/** What anonymising the consultation would change, changing nothing (its counts read in one transaction, so they agree). */
export function planRetention(db: Db, consultation: Consultation, defaults: RetentionDefaults): Promise<RetentionPlan> {
  return inTransaction(db, (trx) => apply(trx, consultation, defaults, false));
}

/** Anonymises one consultation now (null when it was already done, by another process perhaps). */
export async function anonymiseConsultation(
  db: Db,
  actor: Actor,
  consultationId: number,
  defaults: RetentionDefaults,
  now = new Date(),
): Promise<RetentionPlan | null> {
  const plan = await inTransaction(db, async (trx) => {
    // Claimed first: a second run (another process, the command line) finds it taken and stops.
    const claimed = await trx
      .updateTable('consultations')
      .set({ anonymised_at: now.toISOString() })
      .where('id', '=', consultationId)
      .where('anonymised_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return null;
    const consultation = await trx.selectFrom('consultations').selectAll().where('id', '=', consultationId).executeTakeFirstOrThrow();
    const done = await apply(trx, consultation, defaults, true);
    await trx.deleteFrom('index_snapshots').where('consultation_id', '=', consultationId).execute();
    await recordAudit(
      trx,
      actor,
      {
        action: 'consultation.anonymise',
        entityType: 'consultation',
        entityId: consultationId,
        consultationId,
        summary: `Anonymised the responses of "${consultation.title}" (retention date ${done.retentionDate.slice(0, 10)})`,
        after: countsOnly(done),
      },
      now,
    );
    await appendChange(trx, { kind: 'pages', consultationId }, now);
    return done;
  });
  if (plan) dropAnalysisIndex(db, consultationId);
  return plan;
}

/** The plan without names: what the audit log keeps (counts, never content). */
function countsOnly(plan: RetentionPlan) {
  const { consultationId: _id, slug: _slug, title: _title, ...counts } = plan;
  return counts;
}

const responsesOf = (trx: Trx, consultationId: number) => trx.selectFrom('responses').select('id').where('consultation_id', '=', consultationId);

/** Counts what the policy changes and, when `write`, changes it. */
async function apply(trx: Trx, consultation: Consultation, defaults: RetentionDefaults, write: boolean): Promise<RetentionPlan> {
  const id = consultation.id;
  const policy = retentionPolicyOf(consultation, defaults);
  const published = consultation.results_published_at !== null;
  const keptForQuotes = published
    ? (
        await trx
          .selectFrom('quotes')
          .innerJoin('answers', 'answers.id', 'quotes.answer_id')
          .select('answers.response_id')
          .distinct()
          .where('quotes.consultation_id', '=', id)
          .execute()
      ).map((r) => r.response_id)
    : [];
  const { n: responses } = await trx
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', id)
    .executeTakeFirstOrThrow();

  /** Empties a column (where set), for responses other than the published quotes' when it is a credit column. */
  const empty = async (field: ResponseField): Promise<number> => {
    let where = trx.selectFrom('responses').where('consultation_id', '=', id).where(field, 'is not', null);
    if (CREDIT_FIELDS.has(field) && keptForQuotes.length > 0) where = where.where('id', 'not in', keptForQuotes);
    const { n } = await where.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (write && Number(n) > 0) {
      let update = trx
        .updateTable('responses')
        .set({ [field]: null })
        .where('consultation_id', '=', id)
        .where(field, 'is not', null);
      if (CREDIT_FIELDS.has(field) && keptForQuotes.length > 0) update = update.where('id', 'not in', keptForQuotes);
      await update.execute();
    }
    return Number(n);
  };

  const contactDeleted: RetentionPlan['contactDeleted'] = {};
  for (const field of CONTACT_FIELDS) contactDeleted[field] = await empty(field);

  const aboutYouCoarsened: RetentionPlan['aboutYouCoarsened'] = {};
  const aboutYouRemoved: RetentionPlan['aboutYouRemoved'] = {};
  if (policy.aboutYou === 'remove') {
    for (const field of CENSUS_FIELDS) aboutYouRemoved[field] = await empty(field);
  } else if (policy.aboutYou === 'coarsen') {
    for (const field of REMOVED_WHEN_COARSENED) aboutYouRemoved[field] = await empty(field);
    let ethnicity = 0;
    for (const [group, codes] of Object.entries(ETHNIC_GROUPS)) {
      const detailed = [...codes];
      const { n } = await trx
        .selectFrom('responses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('consultation_id', '=', id)
        .where('ethnicity', 'in', detailed)
        .executeTakeFirstOrThrow();
      ethnicity += Number(n);
      if (write && Number(n) > 0)
        await trx.updateTable('responses').set({ ethnicity: group }).where('consultation_id', '=', id).where('ethnicity', 'in', detailed).execute();
    }
    aboutYouCoarsened.ethnicity = ethnicity;
  }

  let freeTextRedacted = 0;
  let freeTextCleaned = 0;
  if (policy.freeText === 'redact') {
    const texts = trx
      .selectFrom('answers')
      .where('response_id', 'in', responsesOf(trx, id))
      .where('value_text', 'is not', null)
      .where('value_text', '!=', REDACTED_TEXT);
    const { n } = await texts.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    freeTextRedacted = Number(n);
    if (write && freeTextRedacted > 0)
      await trx
        .updateTable('answers')
        .set({ value_text: REDACTED_TEXT })
        .where('response_id', 'in', responsesOf(trx, id))
        .where('value_text', 'is not', null)
        .where('value_text', '!=', REDACTED_TEXT)
        .execute();
  } else {
    const texts = await trx
      .selectFrom('answers')
      .select(['id', 'value_text'])
      .where('response_id', 'in', responsesOf(trx, id))
      .where('value_text', 'is not', null)
      .execute();
    for (const answer of texts) {
      const cleaned = redactContactDetails(answer.value_text!);
      if (cleaned === answer.value_text) continue;
      freeTextCleaned++;
      if (write) await trx.updateTable('answers').set({ value_text: cleaned }).where('id', '=', answer.id).execute();
    }
  }

  let quotesDeleted = 0;
  let quotesCleaned = 0;
  if (!published) {
    const quotes = await trx.selectFrom('quotes').select(['id', 'text']).where('consultation_id', '=', id).execute();
    if (policy.freeText === 'redact') {
      quotesDeleted = quotes.length;
      if (write && quotesDeleted > 0) await trx.deleteFrom('quotes').where('consultation_id', '=', id).execute();
    } else {
      for (const quote of quotes) {
        const cleaned = redactContactDetails(quote.text);
        if (cleaned === quote.text) continue;
        quotesCleaned++;
        if (write) await trx.updateTable('quotes').set({ text: cleaned }).where('id', '=', quote.id).execute();
      }
    }
  }

  const { n: drafts } = await trx
    .selectFrom('response_drafts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('consultation_id', '=', id)
    .executeTakeFirstOrThrow();
  if (write && Number(drafts) > 0) await trx.deleteFrom('response_drafts').where('consultation_id', '=', id).execute();

  return {
    consultationId: id,
    slug: consultation.slug,
    title: consultation.title,
    retentionDate: retentionDateOf(consultation, defaults)!.toISOString(),
    policy,
    responses: Number(responses),
    freeTextRedacted,
    freeTextCleaned,
    aboutYouCoarsened,
    aboutYouRemoved,
    contactDeleted,
    quotesDeleted,
    quotesCleaned,
    draftsDeleted: Number(drafts),
  };
}
