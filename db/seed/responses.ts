import { sql } from 'kysely';
import { insertMany, isPostgres } from '../bulk';
import { inTransaction, type Db } from '../connection';
import type { QuoteCredit } from '../../app/responses/codes';
import type { Flag, NewResponse } from '../schema';
import { answerQuestions, loadAnswerPlan, type AnswerRow, type NotAskedRow } from './answer-plan';
import { findDemoConsultation } from './consultations';
import { pickFirstName } from './free-text';
import { chance, createRandom, hashSeed, type Random } from './random';
import { createYoungPerson, RespondentFactory, youngQuoteCredit, type Respondent, type YoungPerson } from './respondents';
import { answerYouthItems, loadYouthPlan } from './youth-plan';

// A deterministic generator of realistic responses: the same seed and the same `today` give the
// same rows on a fresh database. Built to write a million responses (~13M answer rows) in
// minutes: ids are assigned here rather than read back, rows go in through insertMany (db/bulk.ts)
// inside one transaction per batch, and nothing is queried per row.

export interface GenerateResponsesOptions {
  consultationSlug: string;
  count: number;
  seed: number;
  today: Date;
  /** Share of responses from young people; the source case had 1,000 of 3,800. */
  youngPeopleShare?: number;
  /** Responses per transaction. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResponsesResult {
  responses: number;
  youngPeople: number;
  answers: number;
  elapsedMs: number;
}

export const SOURCE_YOUNG_PEOPLE_SHARE = 1000 / 3800;

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I

/**
 * A 4-round Feistel permutation of 40 bits: distinct inputs always give distinct references,
 * while consecutive responses do not get consecutive-looking ones.
 */
function reference(index: number, key: number): string {
  let left = Math.floor(index / 2 ** 20) & 0xfffff;
  let right = index & 0xfffff;
  for (let round = 0; round < 4; round++) {
    let f = Math.imul(right ^ key ^ Math.imul(round + 1, 0x9e3779b1), 0x85ebca6b);
    f ^= f >>> 13;
    f = Math.imul(f, 0xc2b2ae35);
    f ^= f >>> 16;
    [left, right] = [right, (left ^ f) & 0xfffff];
  }
  let value = left * 2 ** 20 + right;
  let code = '';
  for (let i = 0; i < 8; i++) {
    code = REFERENCE_ALPHABET[value % 32] + code;
    value = Math.floor(value / 32);
  }
  // The same shape as a live reference (HRD-7K3M-Q9XP), so a demo reference opens its confirmation page.
  return `HRD-${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * When the n-th of `count` responses was submitted: strictly in order of n, busiest in the first
 * and last tenth of the window, as with a launch and a final reminder.
 */
function submittedAt(random: Random, n: number, count: number, start: number, end: number): string {
  const u = Math.min((n + random()) / count, 1);
  const x = u < 0.22 ? (u / 0.22) * 0.1 : u < 0.78 ? 0.1 + ((u - 0.22) / 0.56) * 0.8 : 0.9 + ((u - 0.78) / 0.22) * 0.1;
  return new Date(Math.floor(start + x * (end - start))).toISOString();
}

/** Who answered, as stored on the response. */
type About = Omit<Respondent, 'young'> & { never_attribute?: Flag; postcode_district?: string | null };

/** A young person on the young people's form: their age, and from 13 perhaps a postcode district; nothing else. */
function youngPersonAbout(person: YoungPerson): About {
  return {
    channel: person.channel,
    respondent_group: 'young_person',
    locale: person.locale,
    age_band: person.age_band,
    sex: null,
    gender_identity: null,
    ethnicity: null,
    disability: null,
    carer: null,
    religion: null,
    sexual_orientation: null,
    ward_code: null,
    lives_in_area: 0,
    works_in_area: 0,
    studies_in_area: 0,
    runs_business: 0,
    represents_group: 0,
    // Under-13s' words count but are never quoted with attribution.
    never_attribute: person.under13 ? 1 : 0,
    postcode_district: person.postcode_district,
  };
}

export async function generateResponses(db: Db, options: GenerateResponsesOptions): Promise<GenerateResponsesResult> {
  const started = performance.now();
  const { consultationSlug, count, seed, today, onProgress } = options;
  const batchSize = options.batchSize ?? 1000;
  const consultation = await db.selectFrom('consultations').select(['id', 'opens_at', 'closes_at']).where('slug', '=', consultationSlug).executeTakeFirst();
  if (!consultation) throw new Error(`No consultation with slug ${consultationSlug}`);

  const keyPrefix = `demo-${seed}-c${consultation.id}-`;
  const clash = await db.selectFrom('responses').select('id').where('idempotency_key', '=', `${keyPrefix}0`).executeTakeFirst();
  if (clash) throw new Error(`Demo responses with seed ${seed} already exist for ${consultationSlug}`);

  const demo = findDemoConsultation(consultationSlug);
  const plans = await loadAnswerPlan(db, consultation.id, demo);
  // When the consultation has a young people's version, its young people answer that.
  const youth = await loadYouthPlan(db, consultation.id, demo);
  const respondents = new RespondentFactory();
  const random = createRandom(hashSeed(seed, consultationSlug));
  // Young people's items marked drawsApart take their answers from here, so adding one leaves the rest as they were.
  const youthRandoms = { main: random, apart: createRandom(hashSeed(seed, consultationSlug, 'youth-apart')) };
  const referenceKey = hashSeed('reference', seed);
  const maxId = await db
    .selectFrom('responses')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const firstId = Number(maxId?.id ?? 0) + 1;

  const now = today.getTime();
  const end = Math.min(now, consultation.closes_at ? Date.parse(consultation.closes_at) : now);
  const opens = consultation.opens_at ? Date.parse(consultation.opens_at) : end - 30 * 24 * 60 * 60 * 1000;
  const start = Math.min(opens, end);

  // Young people are spread evenly through the run, and there are exactly round(count × share).
  const youngTotal = Math.round(count * (options.youngPeopleShare ?? SOURCE_YOUNG_PEOPLE_SHARE));
  const isYoung = (n: number) => Math.floor(((n + 1) * youngTotal) / count) > Math.floor((n * youngTotal) / count);

  const buildBatch = (batchStart: number, batchEnd: number) => {
    const responseRows: (NewResponse & { id: number })[] = [];
    const answerRows: AnswerRow[] = [];
    const notAskedRows: NotAskedRow[] = [];
    for (let n = batchStart; n < batchEnd; n++) {
      const id = firstId + n;
      let about: About;
      let consents: boolean;
      let credit: QuoteCredit | null;
      if (youth && isYoung(n)) {
        // Stored as app/responses/youth/submit.server.ts stores a young person's form.
        const person = createYoungPerson(random);
        const wroteText = answerYouthItems(youthRandoms, youth, person, id, answerRows, notAskedRows);
        consents = !person.under13 && wroteText && chance(random, 0.15);
        credit = consents ? youngQuoteCredit(random, person.age_band) : null;
        about = youngPersonAbout(person);
      } else {
        const respondent = respondents.create(random, isYoung(n));
        const wroteText = answerQuestions(random, plans, respondent, id, answerRows, notAskedRows);
        consents = wroteText && chance(random, 0.15);
        credit = consents ? respondents.quoteCredit(random, respondent) : null;
        about = respondent;
      }
      const submitted = submittedAt(random, n, count, start, end);
      // Every row is written out with the same properties in the same order: one object shape,
      // which keeps a million rows fast to build and to insert.
      responseRows.push({
        id,
        consultation_id: consultation.id,
        // Within one seed, a consultation's ids keep references apart from every other's.
        reference: reference((consultation.id % 256) * 2 ** 32 + n, referenceKey),
        idempotency_key: `${keyPrefix}${n}`,
        channel: about.channel,
        respondent_group: about.respondent_group,
        locale: about.locale,
        submitted_at: submitted,
        age_band: about.age_band,
        sex: about.sex,
        gender_identity: about.gender_identity,
        ethnicity: about.ethnicity,
        disability: about.disability,
        carer: about.carer,
        religion: about.religion,
        sexual_orientation: about.sexual_orientation,
        ward_code: about.ward_code,
        lives_in_area: about.lives_in_area,
        works_in_area: about.works_in_area,
        studies_in_area: about.studies_in_area,
        runs_business: about.runs_business,
        represents_group: about.represents_group,
        quote_consent: consents ? 1 : 0,
        quote_credit: credit,
        quote_name: credit === 'name_age_area' ? pickFirstName(random, about.locale) : null,
        never_attribute: about.never_attribute ?? 0,
        postcode_district: about.postcode_district ?? null,
      });
    }
    return { responseRows, answerRows, notAskedRows };
  };

  // The next batch is made while the database stores the last ones: on PostgreSQL the storing is
  // other processes' work (two batches in flight, each on its own connection and transaction, so
  // two backends and this process share the two cores), where SQLite stores on this thread.
  const inFlight = isPostgres(db) ? 2 : 1;
  let answers = 0;
  let reported: Promise<void> = Promise.resolve();
  const storing: Promise<void>[] = [];
  try {
    for (let batchStart = 0; batchStart < count; batchStart += batchSize) {
      const batchEnd = Math.min(batchStart + batchSize, count);
      const { responseRows, answerRows, notAskedRows } = buildBatch(batchStart, batchEnd);
      while (storing.length >= inFlight) await storing.shift();
      const stored = inTransaction(db, async (trx) => {
        await insertMany(trx, 'responses', responseRows);
        await insertMany(trx, 'answers', answerRows);
        await insertMany(trx, 'not_asked', notAskedRows);
      });
      // Progress in batch order, whichever transaction commits first.
      reported = Promise.all([reported, stored]).then(() => {
        answers += answerRows.length;
        onProgress?.(batchEnd, count);
      });
      storing.push(reported);
    }
    await Promise.all(storing);
  } catch (error) {
    // The other batch in flight ends (or fails) before the error goes up, never unheard.
    await Promise.allSettled(storing);
    throw error;
  }

  if (isPostgres(db) && count > 0) {
    // Ids were given explicitly, so move the serial sequence past them for the app's own inserts.
    await sql`select setval(pg_get_serial_sequence('responses', 'id'), (select max(id) from responses))`.execute(db);
  }
  return { responses: count, youngPeople: youngTotal, answers, elapsedMs: Math.round(performance.now() - started) };
}
