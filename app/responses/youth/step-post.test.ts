import { parseWithZod } from '@conform-to/zod/v4';
import { describe, expect, it } from 'vitest';
import { valuesToKeep, withStep } from '../drafts.server';
import { DEFAULT_SAFEGUARDING_AGES } from '../safeguarding';
import { youthStepSchema } from './step-schema';
import { planYouthStepPost, youthPlanPath, type YouthStepPlan, type YouthStepPost } from './step-post';
import { findYouthStep } from './steps';
import { routedYouth as def } from './step-post.fixture';

// One page of the young people's form posted, decided from the answers alone: where the young
// person goes next, what their draft keeps and forgets, and when they are asked first.

/** A page posted as a young person's browser would post it, checked as the action checks it. */
function post(stepId: string, before: Record<string, unknown>, form: Record<string, string>, over: Partial<YouthStepPost> = {}) {
  const position = findYouthStep(def, stepId, before, DEFAULT_SAFEGUARDING_AGES);
  if (!position) throw new Error(`${stepId} is not on the route`);
  const formData = new FormData();
  for (const [k, v] of Object.entries(form)) formData.append(k, v);
  const submission = parseWithZod(formData, { schema: youthStepSchema(position.step) });
  const posted = valuesToKeep(submission);
  const plan = planYouthStepPost({
    def,
    position,
    before,
    posted,
    valid: submission.status === 'success',
    goingBack: false,
    confirmed: false,
    returnToCheck: false,
    ages: DEFAULT_SAFEGUARDING_AGES,
    ...over,
  });
  // What the draft holds once the plan is saved (saveDraftStep replaces the plan's fields with what was posted).
  const saved = plan.kind === 'back' || plan.kind === 'next' ? withStep(before, plan.fields, posted) : null;
  const to = plan.kind === 'back' || plan.kind === 'next' ? youthPlanPath(def.slug, plan) : null;
  return { plan, saved, to, submission };
}

const notOwner = { age_band: '13_15', 'q-run': 'no', 'q-stay': 'stay' };
const owner = { age_band: '13_15', 'q-run': 'yes', 'q-size': 'small', 'q-stay': 'stay' };
const dropped = (plan: YouthStepPlan) => (plan.kind === 'confirm' ? plan.dropped.map((i) => i.text) : null);

describe('posting a page of the young people’s form', () => {
  it('goes along the route the answers give, to the check page after the last page', () => {
    expect(post('age', {}, { age_band: '13_15' }).to).toBe('/consultations/town/young/1');
    expect(post('1', { age_band: '13_15' }, { 'q-run': 'no' }).to).toBe('/consultations/town/young/3');
    expect(post('1', { age_band: '13_15' }, { 'q-run': 'yes' }).to).toBe('/consultations/town/young/2');
    // 13 and over are asked about where they live; below the credit age the form ends with the questions.
    expect(post('4', notOwner, { 'q-words': 'More buses.' }).to).toBe('/consultations/town/young/more');
    expect(post('4', { ...notOwner, age_band: '11_12' }, { 'q-words': 'More buses.' }).to).toBe('/consultations/town/young/check');
  });

  it('goes back a page keeping what was typed, checked or not, and back to the start from the first page', () => {
    const back = post('4', notOwner, { 'q-words': '   ' }, { goingBack: true });
    expect(back.to).toBe('/consultations/town/young/3');
    expect(back.saved).toEqual({ ...notOwner, 'q-words': '   ' });
    // An answer not on the list is kept too: it is checked on the way forward.
    expect(post('1', notOwner, { 'q-run': 'maybe' }, { goingBack: true }).saved).toMatchObject({ 'q-run': 'maybe', 'q-stay': 'stay' });
    expect(post('age', {}, {}, { goingBack: true }).to).toBe('/consultations/town/young');
  });

  it('shows a page that fails its checks again with what was typed, and saves nothing', () => {
    const typed = 'More buses to the park, please.';
    const { plan, saved, submission } = post('4', notOwner, { 'q-words': typed });
    expect(plan).toEqual({ kind: 'invalid' });
    expect(saved).toBeNull();
    const reply = submission.reply();
    expect(reply.initialValue).toMatchObject({ 'q-words': typed });
    expect(reply.error?.['q-words']).toEqual(['youth:tooLong|20']);
    expect(post('1', notOwner, { 'q-run': 'maybe' }).plan).toEqual({ kind: 'invalid' });
  });

  it('names the answers a change forgets before forgetting them, then forgets them and goes on', () => {
    const change = post('1', owner, { 'q-run': 'no' });
    expect(dropped(change.plan)).toEqual(['Question size?']);
    expect(change.saved).toBeNull();
    const confirmed = post('1', owner, { 'q-run': 'no' }, { confirmed: true });
    expect(confirmed.to).toBe('/consultations/town/young/3');
    expect(confirmed.saved).toEqual({ age_band: '13_15', 'q-run': 'no', 'q-stay': 'stay' });
    // Going back never forgets: the answer is only decided on the way forward.
    expect(post('1', owner, { 'q-run': 'no' }, { goingBack: true }).plan).toMatchObject({ kind: 'back', fields: ['q-run'] });
  });

  it('does not ask before a change that takes off only questions left unanswered', () => {
    const { plan, to } = post('1', { age_band: '13_15', 'q-run': 'yes', 'q-stay': 'stay' }, { 'q-run': 'no' });
    expect(plan.kind).toBe('next');
    expect(to).toBe('/consultations/town/young/3');
  });

  it('asks a question a change from the check page adds before going back there, and goes straight back otherwise', () => {
    const adds = post('1', notOwner, { 'q-run': 'yes' }, { returnToCheck: true });
    expect(adds.to).toBe('/consultations/town/young/2?return=check');
    expect(adds.saved).toEqual({ ...notOwner, 'q-run': 'yes' });
    expect(post('2', owner, { 'q-size': 'big' }, { returnToCheck: true }).to).toBe('/consultations/town/young/check');
    expect(post('4', notOwner, { 'q-words': 'Parks.' }, { returnToCheck: true }).to).toBe('/consultations/town/young/check');
  });

  it('goes to the exit page after an answer that ends the form, and from there to the check page', () => {
    const leaving = post('3', { age_band: '13_15', 'q-run': 'no' }, { 'q-stay': 'leave' });
    expect(leaving.to).toBe('/consultations/town/young/exit');
    const atExit = { age_band: '13_15', 'q-run': 'no', 'q-stay': 'leave' };
    expect(post('exit', atExit, {}).to).toBe('/consultations/town/young/check');
    expect(post('exit', atExit, {}, { goingBack: true }).to).toBe('/consultations/town/young/3');
    // Leaving after answering the last question forgets that answer, once the young person agrees.
    expect(dropped(post('3', { ...notOwner, 'q-words': 'Parks.' }, { 'q-stay': 'leave' }).plan)).toEqual(['Question words?']);
  });

  it('forgets the older children’s page when the age given is below the credit age', () => {
    const older = { ...notOwner, postcode_district: 'SK4', quote_consent: 'yes' };
    const { saved } = post('age', older, { age_band: '11_12' });
    expect(saved).toEqual({ age_band: '11_12', 'q-run': 'no', 'q-stay': 'stay' });
  });
});
