import type { Db } from '#db/connection';
import type { QuestionKind } from '#db/schema';
import { parseShowIf, type ShowIf } from '~/consultations/routing';
import { loadRoutingForm, RULE_KINDS } from './routing.server';
import type { QuestionView, RouteView, RuleView } from './rule-view';

// Routing rules as the builder's pages show them: in the officer's words (the questions' text
// and the answers' labels), not keys. Standard answers (yes/no, agree/disagree) are worded by
// the interface's translations, so their keys travel with the kind.

export function ruleViewOf(rule: ShowIf | null, byKey: Map<string, QuestionView>): RuleView | null {
  if (!rule) return null;
  return {
    match: rule.match,
    conditions: rule.conditions.map((c) => {
      const question = byKey.get(c.question) ?? null;
      return { question, key: c.question, options: c.options.map((o) => question?.options.find((x) => x.key === o) ?? { key: o, label: o }) };
    }),
  };
}

/** Every question's and section's rule, and where each routed answer leads, for the questions list. */
export async function routingOverview(db: Db, consultationId: number) {
  const { sections, questions, options } = await loadRoutingForm(db, consultationId);
  const views = new Map(questions.map((q) => [q.key, viewOf(q, options)]));
  const sectionTitle = new Map(sections.map((s) => [s.key, s.title]));
  return {
    sections: Object.fromEntries(sections.flatMap((s) => (s.show_if ? [[s.id, ruleViewOf(parseShowIf(s.show_if), views)]] : []))),
    questions: Object.fromEntries(
      questions.map((q) => [
        q.id,
        {
          rule: ruleViewOf(parseShowIf(q.show_if), views),
          routes: options
            .filter((o) => o.question_id === q.id && o.goes_to)
            .map((o): RouteView => ({
              option: { key: o.key, label: o.label },
              section: o.goes_to === 'exit' ? null : (sectionTitle.get(o.goes_to ?? '') ?? o.goes_to),
            })),
        },
      ]),
    ) as Record<number, { rule: RuleView | null; routes: RouteView[] }>,
  };
}

function viewOf(
  q: { id: number; key: string; text: string; kind: QuestionKind },
  options: { question_id: number; key: string; label: string; hidden: number }[],
) {
  return {
    id: q.id,
    key: q.key,
    text: q.text,
    kind: q.kind,
    options: options.filter((o) => o.question_id === q.id && o.hidden === 0).map((o) => ({ key: o.key, label: o.label })),
  };
}

/**
 * What the rule editor of one question or section needs: its rule in words, and the questions
 * it may name (visible choice questions of the main form in earlier sections).
 */
export async function ruleEditorView(db: Db, consultationId: number, target: { type: 'question' | 'section'; id: number }) {
  const { sections, questions, options } = await loadRoutingForm(db, consultationId);
  const question = target.type === 'question' ? questions.find((q) => q.id === target.id) : undefined;
  const section = target.type === 'section' ? sections.find((s) => s.id === target.id) : question && { id: question.section_id, show_if: question.show_if };
  const views = new Map(questions.map((q) => [q.key, viewOf(q, options)]));
  const order = new Map(sections.map((s, i) => [s.id, i]));
  const main = new Set(sections.filter((s) => s.audience === 'everyone').map((s) => s.id));
  const at = section ? (order.get(section.id) ?? 0) : 0;
  const candidates = questions
    .filter((q) => main.has(q.section_id) && q.hidden === 0 && RULE_KINDS.includes(q.kind) && (order.get(q.section_id) ?? Infinity) < at)
    .map((q) => views.get(q.key)!);
  return { rule: ruleViewOf(parseShowIf(section?.show_if), views), candidates };
}

/** The sections after a question's own, which its answers may send people to. */
export async function laterSections(db: Db, consultationId: number, questionId: number) {
  const sections = await db
    .selectFrom('sections')
    .select(['id', 'key', 'title'])
    .where('consultation_id', '=', consultationId)
    .where('audience', '=', 'everyone')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const own = await db.selectFrom('questions').select('section_id').where('id', '=', questionId).executeTakeFirst();
  const at = sections.findIndex((s) => s.id === own?.section_id);
  return sections.slice(at + 1).map((s) => ({ key: s.key, title: s.title }));
}
