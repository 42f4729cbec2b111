import type { Db } from '#db/connection';
import type { QuestionKind } from '#db/schema';
import { parseShowIf, type ShowIf } from '~/consultations/routing';
import { RULE_KINDS } from './routing.server';
import type { QuestionView, RouteView, RuleView } from './rule-view';

// Routing rules as the builder's pages show them: in the officer's words (the questions' text
// and the answers' labels), not keys. Standard answers (yes/no, agree/disagree) are worded by
// the interface's translations, so their keys travel with the kind.

async function loadQuestions(db: Db, consultationId: number) {
  const questions = await db
    .selectFrom('questions as q')
    .innerJoin('sections as s', 's.id', 'q.section_id')
    .select(['q.id', 'q.key', 'q.kind', 'q.text', 'q.section_id', 'q.hidden', 'q.show_if', 's.position as sectionPosition', 's.audience'])
    .where('q.consultation_id', '=', consultationId)
    .orderBy('s.position')
    .orderBy('s.id')
    .orderBy('q.position')
    .orderBy('q.id')
    .execute();
  const options = questions.length
    ? await db
        .selectFrom('options')
        .select(['question_id', 'key', 'label', 'goes_to', 'hidden'])
        .where(
          'question_id',
          'in',
          questions.map((q) => q.id),
        )
        .orderBy('position')
        .orderBy('id')
        .execute()
    : [];
  return { questions, options };
}

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
  const { questions, options } = await loadQuestions(db, consultationId);
  const sections = await db.selectFrom('sections').select(['id', 'key', 'title', 'show_if']).where('consultation_id', '=', consultationId).execute();
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
  const { questions, options } = await loadQuestions(db, consultationId);
  const section =
    target.type === 'section'
      ? await db.selectFrom('sections').select(['id', 'position', 'show_if']).where('id', '=', target.id).executeTakeFirst()
      : await db
          .selectFrom('questions as q')
          .innerJoin('sections as s', 's.id', 'q.section_id')
          .select(['s.id', 's.position', 'q.show_if'])
          .where('q.id', '=', target.id)
          .executeTakeFirst();
  const views = new Map(questions.map((q) => [q.key, viewOf(q, options)]));
  const sectionIds = await db
    .selectFrom('sections')
    .select(['id', 'position'])
    .where('consultation_id', '=', consultationId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const order = new Map(sectionIds.map((s, i) => [s.id, i]));
  const at = section ? (order.get(section.id) ?? 0) : 0;
  const candidates = questions
    .filter((q) => q.audience === 'everyone' && q.hidden === 0 && RULE_KINDS.includes(q.kind) && (order.get(q.section_id) ?? Infinity) < at)
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
