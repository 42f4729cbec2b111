import type { YouthDef, YouthItemDef } from '../../consultations/versions/youth-definition';

// A small young people's form with routing, built in memory for the tests of posting its pages.

const item = (key: string, over: Partial<YouthItemDef> = {}, options: string[] = [], goesTo: Record<string, string> = {}): YouthItemDef => ({
  id: 0,
  key,
  kind: options.length ? 'single_choice' : 'long_text',
  text: `Question ${key}?`,
  hint: '',
  required: false,
  maxSelections: null,
  maxLength: null,
  questionId: 0,
  questionKind: options.length ? 'single_choice' : 'long_text',
  mapped: true,
  options: options.map((o, i) => ({ key: o, label: `Answer ${o}`, picture: null, optionId: i + 1, goesTo: goesTo[o] ?? null })),
  ...over,
});

// Runs a business? Only then: how big. Staying? Leaving ends the form. Then their own words.
const run = item('run', {}, ['yes', 'no']);
const size = item('size', { showIf: { match: 'all', conditions: [{ question: 'run', options: ['yes'] }] } }, ['small', 'big']);
const stay = item('stay', { exitText: 'This is only for people who stay.' }, ['stay', 'leave'], { leave: 'exit' });
const words = item('words', { maxLength: 20 });
export const routedYouth: YouthDef = { consultationId: 1, slug: 'town', code: 'town', title: 'Our town', items: [run, size, stay, words] };
