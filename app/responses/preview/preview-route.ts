import { z } from 'zod';
import type { ConsultationDef } from '~/consultations/definition';
import { routablePages } from '~/consultations/definition';
import { walkRoutes } from '~/consultations/routing';
import { questionField } from '~/responses/fields';
import { routedSections } from '~/responses/steps';

// The preview walks every route (routing.ts walkRoutes): the officer can start each one with the
// answers that take it, and the preview then follows whatever they choose, as the real form does.

const carried = z.record(z.string().regex(/^q-[a-z0-9_]+$/), z.union([z.string().max(200), z.array(z.string().max(200)).max(50)]));

/** The choices carried in a preview address (`?answers=`); anything unreadable is no choice at all. */
export function readPreviewAnswers(url: URL): Record<string, string | string[]> {
  const raw = url.searchParams.get('answers');
  if (!raw || raw.length > 4000) return {};
  try {
    const parsed = carried.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The choices to carry on: those of questions with options (text answers decide nothing). */
export function carriedAnswers(def: Pick<ConsultationDef, 'sections'>, values: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  // A survey without routing has one route: there is nothing to carry.
  const routed = def.sections.some((s) => s.showIf || s.questions.some((q) => q.showIf || q.options.some((o) => o.goesTo)));
  if (!routed) return out;
  for (const q of def.sections.flatMap((s) => s.questions)) {
    if (q.options.length === 0) continue;
    const v = values[questionField(q.key)];
    if (typeof v === 'string' && v !== '') out[questionField(q.key)] = v;
    else if (Array.isArray(v)) {
      const list = v.filter((x): x is string => typeof x === 'string' && x !== '');
      if (list.length > 0) out[questionField(q.key)] = list;
    }
  }
  return out;
}

export interface PreviewRoute {
  /** The answers that take this route: question key and option keys, in survey order. */
  answers: { question: string; options: string[] }[];
  /** The section numbers shown, and where the route starts. */
  sections: number[];
  firstStep: string;
  /** The question whose answer ends the survey at its exit page, if one does. */
  exit: string | null;
  values: Record<string, string | string[]>;
}

/** Every distinct route through the resident form, for the preview's index. */
export function previewRoutes(def: Pick<ConsultationDef, 'sections'>): { routes: PreviewRoute[]; complete: boolean } {
  const { routes, complete } = walkRoutes(routablePages(def));
  const order = def.sections.flatMap((s) => s.questions.map((q) => q.key));
  return {
    complete,
    routes: routes.map((route) => {
      const answers = Object.entries(route.answers)
        .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
        .map(([question, options]) => ({ question, options }));
      const sections = routedSections(def, route).map((r) => Number(r.id));
      const single = new Set(def.sections.flatMap((s) => s.questions.filter((q) => q.kind !== 'multiple_choice').map((q) => q.key)));
      const values = Object.fromEntries(answers.map((a) => [questionField(a.question), single.has(a.question) ? a.options[0]! : a.options]));
      return { answers, sections, firstStep: String(sections[0] ?? 1), exit: route.exit, values };
    }),
  };
}
