import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#db/connection';
import type { User } from '#db/schema';
import { can } from '~/auth/roles';
import { insertActiveUser } from '~/auth/users.server';
import { createTestDb } from '../../tests/db';
import { createConsultation } from '../../tests/factories';
import { completeAccessRequest, completeErasureRequest, refuseDataRequest, verifyDataRequest } from './decisions.server';
import { findDataRequest, listDataRequests, receiveDataRequest } from './requests.server';
import { publicRequestSchema } from './schemas';
import { buildSubjectAccessCopy, subjectAccessFile } from './subject-access.server';

let db: Db;
let destroy: () => Promise<void>;
let officer: User;
let consultationId: number;
let questions: Record<string, number>;
let options: Record<string, number>;
const NOW = new Date('2027-01-20T10:00:00Z');
let seq = 0;

async function storeResponse(reference: string, words: string, extra: { ward?: string; notes?: string; locale?: string } = {}): Promise<number> {
  seq += 1;
  const { id } = await db
    .insertInto('responses')
    .values({
      consultation_id: consultationId,
      reference,
      idempotency_key: `key-${seq}`,
      channel: extra.notes ? 'workshop' : 'online',
      respondent_group: 'resident',
      locale: extra.locale ?? 'en',
      submitted_at: `2027-01-0${seq}T09:00:00.000Z`,
      age_band: '35_44',
      ethnicity: 'white_irish',
      postcode_district: 'SK4',
      lives_in_area: 1,
      quote_consent: 1,
      quote_credit: 'first_name',
      quote_name: `Name ${seq}`,
      facilitator: extra.notes ? 'Fran Facilitator' : null,
      notes: extra.notes ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('answers')
    .values([
      { response_id: id, question_id: questions.colour!, option_id: options.red! },
      { response_id: id, question_id: questions.story!, value_text: words },
    ])
    .execute();
  return id;
}

/** As the public form would: typed values through the form's schema. */
async function ask(typed: Record<string, string>): Promise<number> {
  const parsed = publicRequestSchema.parse(typed);
  return receiveDataRequest(db, parsed, typed.locale === 'pl' ? 'pl' : 'en', NOW);
}

beforeAll(async () => {
  ({ db, destroy } = await createTestDb());
  officer = await insertActiveUser(db, { email: 'officer@stockport.gov.uk', name: 'Olive Officer', role: 'officer', password: 'correct horse battery staple' });
  consultationId = await createConsultation(db, {
    sections: [
      {
        key: 'main',
        questions: [
          { key: 'colour', kind: 'single_choice', text: 'Favourite colour?', options: ['red', 'green'] },
          { key: 'story', kind: 'long_text', text: 'Tell us more' },
        ],
      },
    ],
  });
  const rows = await db.selectFrom('questions').select(['id', 'key']).where('consultation_id', '=', consultationId).execute();
  questions = Object.fromEntries(rows.map((r) => [r.key, r.id]));
  const optionRows = await db.selectFrom('options').select(['id', 'key']).where('question_id', '=', questions.colour!).execute();
  options = Object.fromEntries(optionRows.map((r) => [r.key, r.id]));
  await db
    .insertInto('translations')
    .values([
      { entity_type: 'question', entity_id: questions.story!, field: 'text', locale: 'pl', value: 'Powiedz nam więcej' },
      { entity_type: 'option', entity_id: options.red!, field: 'label', locale: 'pl', value: 'Czerwony' },
    ])
    .execute();
});
afterAll(() => destroy());

describe('a request arriving', () => {
  it('normalises the reference as typed and matches it to its response, and stores an unmatched one just the same', async () => {
    const responseId = await storeResponse('HRD-7K3M-Q9XP', 'Mine: jo@example.org');
    const matched = await ask({ reference: ' hrd 7k3m q9xp ', kind: 'access', email: 'Jo@Example.org', message: 'Please send my answers' });
    const unmatched = await ask({ reference: 'HRD-2222-3333', kind: 'erasure' });
    const rows = await db.selectFrom('data_requests').selectAll().where('id', 'in', [matched, unmatched]).orderBy('id').execute();
    expect(rows.map((r) => [r.reference, r.response_id, r.consultation_id, r.contact_email, r.status])).toEqual([
      ['HRD-7K3M-Q9XP', responseId, consultationId, 'jo@example.org', 'received'],
      ['HRD-2222-3333', null, null, null, 'received'],
    ]);
    const view = await findDataRequest(db, matched);
    expect(view?.response).toMatchObject({ id: responseId, consultationTitle: 'Test consultation', channel: 'online', emailInAnswers: true });
    expect((await findDataRequest(db, unmatched))?.response).toBeNull();
  });

  it('refuses what cannot be a reference, a bad email and an unknown kind, with the codes the page words', () => {
    const result = publicRequestSchema.safeParse({ reference: 'HRD-0000-OOOO', kind: 'delete', email: 'not an email' });
    expect(result.success).toBe(false);
    const codes = result.error?.issues.map((i) => i.message).sort();
    expect(codes).toEqual(['requests:emailInvalid', 'requests:kindMissing', 'requests:referenceInvalid']);
  });

  it('says whether the email given is in the answers, without case', async () => {
    const responseId = await storeResponse('HRD-4444-5555', 'No address here');
    const id = await ask({ reference: 'HRD-4444-5555', kind: 'access', email: 'someone@example.org' });
    expect((await findDataRequest(db, id))?.response).toMatchObject({ id: responseId, emailInAnswers: false });
    const noEmail = await ask({ reference: 'HRD-4444-5555', kind: 'access' });
    expect((await findDataRequest(db, noEmail))?.response?.emailInAnswers).toBeNull();
  });
});

describe('verifying and refusing', () => {
  it('verifies a matched request with the note of how, audited without the reference or the email', async () => {
    await storeResponse('HRD-6666-7777', 'Some words');
    const id = await ask({ reference: 'HRD-6666-7777', kind: 'access', email: 'six@example.org' });
    expect(await verifyDataRequest(db, officer, id, 'Called them back; they read out their answers', NOW)).toEqual({ ok: true });
    expect(await findDataRequest(db, id)).toMatchObject({
      status: 'verified',
      note: 'Called them back; they read out their answers',
      verifiedBy: 'Olive Officer',
    });
    const audit = await db.selectFrom('audit_events').selectAll().where('entity_type', '=', 'data_request').where('entity_id', '=', String(id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['data_request.verify']);
    expect(JSON.stringify(audit)).not.toMatch(/HRD-6666-7777|six@example/);
    expect(await verifyDataRequest(db, officer, id, 'again', NOW)).toEqual({ ok: false, reason: 'wrong_status' });
  });

  it('cannot verify a request whose reference matched nothing; it can refuse it, once', async () => {
    const id = await ask({ reference: 'HRD-8888-9999', kind: 'erasure' });
    expect(await verifyDataRequest(db, officer, id, 'Checked', NOW)).toEqual({ ok: false, reason: 'no_response' });
    expect(await refuseDataRequest(db, officer, id, 'No response has this reference', NOW)).toEqual({ ok: true });
    expect(await findDataRequest(db, id)).toMatchObject({ status: 'refused', note: 'No response has this reference' });
    expect(await refuseDataRequest(db, officer, id, 'again', NOW)).toEqual({ ok: false, reason: 'wrong_status' });
    expect(await completeErasureRequest(db, officer, id, NOW)).toEqual({ ok: false, reason: 'wrong_status' });
    expect(await verifyDataRequest(db, officer, 999_999, 'x', NOW)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('lists open requests by default, and each status on its own', async () => {
    const open = await listDataRequests(db, 'open');
    expect(open.every((r) => r.status === 'received' || r.status === 'verified')).toBe(true);
    const refused = await listDataRequests(db, 'refused');
    expect(refused.map((r) => r.reference)).toEqual(['HRD-8888-9999']);
    expect((await listDataRequests(db, 'all')).length).toBe(open.length + refused.length);
  });

  it('is for officers and administrators; analysts have no access to residents’ requests', () => {
    expect(['admin', 'officer', 'analyst'].map((role) => can(role as User['role'], 'editResponses'))).toEqual([true, true, false]);
  });
});

describe('a subject-access copy', () => {
  it('holds exactly that person’s stored data, in the language they asked in, and nothing of another response', async () => {
    const responseId = await storeResponse('HRD-AAAA-BBBB', 'I love the park by the river', { notes: 'Said at the Reddish workshop', locale: 'pl' });
    await storeResponse('HRD-CCCC-DDDD', 'SOMEONE ELSE’S WORDS');
    const [answer] = await db.selectFrom('answers').select('id').where('response_id', '=', responseId).where('value_text', 'is not', null).execute();
    const { id: themeId } = await db
      .insertInto('codebook_themes')
      .values({ consultation_id: consultationId, key: 'green', name: 'Green spaces', position: 1, created_at: NOW.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('codings')
      .values({ answer_id: answer!.id, coder_id: officer.id, consultation_id: consultationId, question_id: questions.story!, coded_at: NOW.toISOString() })
      .execute();
    await db.insertInto('coding_themes').values({ answer_id: answer!.id, coder_id: officer.id, theme_id: themeId }).execute();
    await db
      .insertInto('quotes')
      .values({
        consultation_id: consultationId,
        answer_id: answer!.id,
        theme_id: themeId,
        text: 'the park by the river',
        picked_by: officer.id,
        picked_at: NOW.toISOString(),
      })
      .execute();
    const id = await ask({ reference: 'HRD-AAAA-BBBB', kind: 'access', locale: 'pl' });

    const copy = await buildSubjectAccessCopy(db, { id, responseId, locale: 'pl' }, NOW);
    const stored = await db.selectFrom('responses').selectAll().where('id', '=', responseId).executeTakeFirstOrThrow();
    expect(copy).toEqual({
      schema: 'heard-subject-access/1',
      generatedAt: NOW.toISOString(),
      requestId: id,
      reference: stored.reference,
      consultation: { id: consultationId, title: 'Test consultation' },
      response: {
        channel: stored.channel,
        respondentGroup: stored.respondent_group,
        language: 'pl',
        submittedAt: stored.submitted_at,
        status: 'counted',
        statusReason: null,
        aboutYou: {
          age_band: '35_44',
          sex: null,
          gender_identity: null,
          ethnicity: 'white_irish',
          disability: null,
          carer: null,
          religion: null,
          sexual_orientation: null,
        },
        ward: null,
        postcodeDistrict: 'SK4',
        connections: ['live'],
        quote: { consent: true, credit: 'first_name', name: stored.quote_name, neverAttribute: false },
        facilitator: 'Fran Facilitator',
        notes: 'Said at the Reddish workshop',
      },
      answers: [
        {
          questionId: questions.colour,
          questionKey: 'colour',
          question: 'Favourite colour?',
          kind: 'single_choice',
          items: [{ option: 'Czerwony', rank: null, number: null, text: null }],
          themes: [],
        },
        {
          questionId: questions.story,
          questionKey: 'story',
          question: 'Powiedz nam więcej',
          kind: 'long_text',
          items: [{ option: null, rank: null, number: null, text: 'I love the park by the river' }],
          themes: ['Green spaces'],
        },
      ],
      notAsked: [],
      quotes: [{ question: 'Powiedz nam więcej', text: 'the park by the river', theme: 'Green spaces', pickedAt: NOW.toISOString() }],
    });
    // Every answer row of the response is in the file, and nothing of the other one.
    const answerRows = await db.selectFrom('answers').select(['value_text', 'option_id']).where('response_id', '=', responseId).execute();
    expect(copy!.answers.flatMap((a) => a.items)).toHaveLength(answerRows.length);
    const file = subjectAccessFile(copy!);
    expect(file.name).toBe('subject-access-HRD-AAAA-BBBB.json');
    expect(file.body).not.toContain('SOMEONE ELSE');
    expect(file.body).not.toContain('HRD-CCCC-DDDD');
    expect(JSON.parse(file.body)).toEqual(copy);
  });

  it('completes an access request once verified, and only then', async () => {
    await storeResponse('HRD-EEEE-FFFF', 'Words');
    const id = await ask({ reference: 'HRD-EEEE-FFFF', kind: 'access' });
    expect(await completeAccessRequest(db, officer, id, NOW)).toEqual({ ok: false, reason: 'wrong_status' });
    await verifyDataRequest(db, officer, id, 'Email from the address in their answers', NOW);
    expect(await completeAccessRequest(db, officer, id, NOW)).toEqual({ ok: true });
    expect(await findDataRequest(db, id)).toMatchObject({ status: 'completed', completedBy: 'Olive Officer', reference: 'HRD-EEEE-FFFF' });
  });
});

describe('completing an erasure request', () => {
  it('erases the response, links the erasures row, and keeps nothing the resident typed', async () => {
    const responseId = await storeResponse('HRD-GGGG-HHHH', 'Erase me: gh@example.org');
    const id = await ask({ reference: 'HRD-GGGG-HHHH', kind: 'erasure', email: 'gh@example.org', message: 'Please delete what I said' });
    expect(await completeErasureRequest(db, officer, id, NOW)).toEqual({ ok: false, reason: 'wrong_status' });
    await verifyDataRequest(db, officer, id, 'Replied from the address in their answers', NOW);

    expect(await completeErasureRequest(db, officer, id, NOW)).toEqual({ ok: true });

    expect(await db.selectFrom('responses').select('id').where('id', '=', responseId).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('answers').select('id').where('response_id', '=', responseId).execute()).toEqual([]);
    const request = await db.selectFrom('data_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(request).toMatchObject({
      status: 'completed',
      reference: null,
      contact_email: null,
      message: null,
      response_id: responseId,
      completed_by: officer.id,
    });
    const erasure = await db.selectFrom('erasures').selectAll().where('request_id', '=', id).executeTakeFirstOrThrow();
    expect(erasure).toMatchObject({ response_id: responseId, consultation_id: consultationId, reason: 'request', erased_by: officer.id });
    expect(erasure.reference_sha256).toMatch(/^[0-9a-f]{64}$/);
    const view = await findDataRequest(db, id);
    expect(view).toMatchObject({ status: 'completed', response: null, erased: true, reference: null });
    const audit = await db.selectFrom('audit_events').selectAll().where('entity_type', '=', 'data_request').where('entity_id', '=', String(id)).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['data_request.complete', 'data_request.verify']);
    expect(JSON.stringify(await db.selectFrom('audit_events').selectAll().execute())).not.toMatch(/HRD-GGGG-HHHH|gh@example|Erase me|Please delete/);
    expect(await completeErasureRequest(db, officer, id, NOW)).toEqual({ ok: false, reason: 'wrong_status' });
  });

  it('clears an earlier request about the same response too, and leaves other people’s requests alone', async () => {
    await storeResponse('HRD-JJJJ-KKKK', 'Mine');
    await storeResponse('HRD-MMMM-NNNN', 'Someone else');
    const copyAsked = await ask({ reference: 'HRD-JJJJ-KKKK', kind: 'access', email: 'jk@example.org', message: 'A copy please' });
    const other = await ask({ reference: 'HRD-MMMM-NNNN', kind: 'access', email: 'mn@example.org' });
    const id = await ask({ reference: 'HRD-JJJJ-KKKK', kind: 'erasure', email: 'jk@example.org' });
    await verifyDataRequest(db, officer, id, 'Replied from the same address', NOW);

    expect(await completeErasureRequest(db, officer, id, NOW)).toEqual({ ok: true });

    const rows = await db.selectFrom('data_requests').select(['id', 'reference', 'contact_email', 'message', 'status']).orderBy('id').execute();
    expect(rows.find((r) => r.id === copyAsked)).toEqual({ id: copyAsked, reference: null, contact_email: null, message: null, status: 'received' });
    expect(rows.find((r) => r.id === other)).toMatchObject({ reference: 'HRD-MMMM-NNNN', contact_email: 'mn@example.org' });
    expect(JSON.stringify(rows)).not.toMatch(/JJJJ|jk@example|A copy please/);
  });
});
