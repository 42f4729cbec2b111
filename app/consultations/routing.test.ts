import { describe, expect, it } from 'vitest';
import { checkRouting, EXIT, routeOf, walkRoutes, type RoutablePage } from './routing';

const yesNo = (key: string, goesTo: Record<string, string> = {}) => ({
  key,
  single: true,
  required: false,
  options: ['yes', 'no'].map((o) => ({ key: o, goesTo: goesTo[o] ?? null })),
});

const survey: RoutablePage[] = [
  { key: 'you', questions: [yesNo('business'), yesNo('covid', { no: 'future' }), yesNo('stop', { yes: EXIT })] },
  { key: 'covid-impact', questions: [{ ...yesNo('impact'), showIf: { match: 'all', conditions: [{ question: 'covid', options: ['yes'] }] } }] },
  { key: 'business', showIf: { match: 'any', conditions: [{ question: 'business', options: ['yes'] }] }, questions: [yesNo('staff')] },
  { key: 'future', questions: [yesNo('hopes')] },
];
const answers = (a: Record<string, string>) => (k: string) => (a[k] ? [a[k]] : []);

describe('routeOf', () => {
  it('shows a section only when its rule holds, and counts what it passes by as not asked', () => {
    const route = routeOf(survey, answers({ business: 'no', covid: 'yes', impact: 'yes' }));
    expect(route.pages.map((p) => p.key)).toEqual(['you', 'covid-impact', 'future']);
    expect(route.notAsked).toEqual(['staff']);
  });

  it('jumps to a later section from a chosen option', () => {
    const route = routeOf(survey, answers({ business: 'yes', covid: 'no', impact: 'yes', staff: 'yes' }));
    expect(route.pages.map((p) => p.key)).toEqual(['you', 'future']);
    // The stale answer to "impact" does not count: the route passed it by.
    expect(route.notAsked).toEqual(['impact', 'staff']);
  });

  it('ends at the exit page, and everything after is not asked', () => {
    const route = routeOf(survey, answers({ stop: 'yes' }));
    expect(route.exit).toBe('stop');
    expect(route.pages.map((p) => p.key)).toEqual(['you']);
    expect(route.notAsked).toEqual(['impact', 'staff', 'hopes']);
  });
});

describe('checkRouting', () => {
  it('accepts the survey, and walks each of its routes', () => {
    expect(checkRouting(survey)).toEqual([]);
    const signatures = walkRoutes(survey).routes.map((r) => [...r.pages.map((p) => p.key), r.exit ?? ''].join('>'));
    expect(new Set(signatures)).toEqual(
      new Set(['you>covid-impact>business>future>', 'you>covid-impact>future>', 'you>business>future>', 'you>future>', 'you>stop']),
    );
  });

  it('refuses loops, later questions and rules no answer can meet', () => {
    const broken: RoutablePage[] = [
      { key: 'a', questions: [yesNo('q1', { yes: 'a' }), { ...yesNo('q2'), showIf: { match: 'any', conditions: [{ question: 'q3', options: ['yes'] }] } }] },
      { key: 'b', questions: [yesNo('q3')] },
    ];
    expect(checkRouting(broken).map((p) => p.kind)).toEqual(['goes-to-not-later', 'not-earlier']);
    const never: RoutablePage[] = [
      { key: 'a', questions: [yesNo('q1', { yes: 'c' })] },
      { key: 'b', questions: [{ ...yesNo('q2'), showIf: { match: 'all', conditions: [{ question: 'q1', options: ['yes'] }] } }] },
      {
        key: 'c',
        questions: [
          {
            ...yesNo('q3'),
            showIf: {
              match: 'all',
              conditions: [
                { question: 'q1', options: ['yes'] },
                { question: 'q1', options: ['no'] },
              ],
            },
          },
        ],
      },
    ];
    expect(checkRouting(never)).toEqual([
      { kind: 'never-met', target: 'q2' },
      { kind: 'never-met', target: 'q3' },
    ]);
  });
});
