import { parseWithZod } from '@conform-to/zod/v4';
import { describe, expect, it } from 'vitest';
import { valuesToKeep } from '../drafts.server';
import { DEFAULT_SAFEGUARDING_AGES } from '../safeguarding';
import { youthStepSchema } from '../youth/step-schema';
import { findYouthStep } from '../youth/steps';
import { routedYouth } from '../youth/step-post.fixture';
import { planYouthPreviewPost } from './preview.server';

// A page of the young people's preview posted: the officer walks the route a young person's
// answers would take, the age and the answers that decide it carried in the address, nothing stored.

function post(stepId: string, age: string | null, answers: Record<string, string[]>, form: Record<string, string>, goingBack = false) {
  const position = findYouthStep(routedYouth, stepId, { ...answers, age_band: age }, DEFAULT_SAFEGUARDING_AGES);
  if (!position) throw new Error(`${stepId} is not on the route`);
  const formData = new FormData();
  for (const [k, v] of Object.entries(form)) formData.append(k, v);
  const submission = parseWithZod(formData, { schema: youthStepSchema(position.step) });
  const plan = planYouthPreviewPost({
    youth: routedYouth,
    consultationId: 7,
    position,
    age,
    answers,
    posted: valuesToKeep(submission),
    valid: submission.status === 'success',
    goingBack,
  });
  return plan.kind === 'go' ? plan.to : plan.kind;
}

const preview = '/admin/consultations/7/preview';

describe('posting a page of the young people’s preview', () => {
  it('carries the age and the answers that decide the route on to the next page of it', () => {
    expect(post('age', null, {}, { age_band: '13_15' })).toBe(`${preview}/young/1?age=13_15`);
    expect(post('1', '13_15', {}, { 'q-run': 'yes' })).toBe(`${preview}/young/2?age=13_15&q-run=yes`);
    // How big the business is decides nothing, so the address does not carry it.
    expect(post('2', '13_15', { 'q-run': ['yes'] }, { 'q-size': 'big' })).toBe(`${preview}/young/3?age=13_15&q-run=yes`);
    expect(post('3', '13_15', { 'q-run': ['no'] }, { 'q-stay': 'leave' })).toBe(`${preview}/young/exit?age=13_15&q-run=no&q-stay=leave`);
  });

  it('changes a deciding answer without asking first, since nothing is stored', () => {
    expect(post('1', '13_15', { 'q-run': ['yes'], 'q-stay': ['stay'] }, { 'q-run': 'no' })).toBe(`${preview}/young/3?age=13_15&q-run=no&q-stay=stay`);
  });

  it('goes back with the address as it was, whatever was typed, and to the preview’s start from the first page', () => {
    expect(post('2', '13_15', { 'q-run': ['yes'] }, { 'q-size': 'nonsense' }, true)).toBe(`${preview}/young/1?age=13_15&q-run=yes`);
    expect(post('age', null, {}, {}, true)).toBe(preview);
  });

  it('shows a page that fails its checks again', () => {
    expect(post('1', '13_15', {}, { 'q-run': 'maybe' })).toBe('invalid');
  });

  it('ends the preview after the last page of the route', () => {
    expect(post('4', '11_12', { 'q-run': ['no'], 'q-stay': ['stay'] }, { 'q-words': 'Parks.' })).toBe(`${preview}?finished=young`);
    expect(post('exit', '13_15', { 'q-run': ['no'], 'q-stay': ['leave'] }, {})).toBe(`${preview}?finished=young`);
  });
});
