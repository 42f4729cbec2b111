import type { Db, Trx } from '#db/connection';
import type { Actor } from '~/platform/audit.server';
import { changeConsultationPart, refuse, type Result } from '~/consultations/change.server';
import { EXIT, parseShowIf, serialiseShowIf, type ShowIf } from '~/consultations/routing';
import { keepingRouting, refusedByRouting, RULE_KINDS } from './routing.server';

// Routing rules the officer builds: "show this question (or section) only if" and, for
// single-answer questions, where each answer sends the person next. Each change is checked with
// the whole consultation's routing (routing.server.ts) before it is kept.

export type RuleTarget = { type: 'question' | 'section'; id: number };

export type RuleEdit =
  { intent: 'addCondition'; question: string; options: string[] } | { intent: 'removeCondition'; index: number } | { intent: 'setMatch'; match: 'all' | 'any' };

/** The rule after an edit; removing the last condition leaves no rule ("always"). */
export function editedRule(rule: ShowIf | null, edit: RuleEdit): ShowIf | null {
  const current = rule ?? { match: 'all' as const, conditions: [] };
  if (edit.intent === 'addCondition') return { ...current, conditions: [...current.conditions, { question: edit.question, options: edit.options }] };
  if (edit.intent === 'setMatch') return { ...current, match: edit.match };
  const conditions = current.conditions.filter((_, i) => i !== edit.index);
  return conditions.length ? { ...current, conditions } : null;
}

async function findTarget(trx: Trx, consultationId: number, target: RuleTarget) {
  if (target.type === 'question') {
    const q = await trx
      .selectFrom('questions')
      .select(['id', 'text as name', 'show_if'])
      .where('id', '=', target.id)
      .where('consultation_id', '=', consultationId)
      .executeTakeFirst();
    return q;
  }
  return trx
    .selectFrom('sections')
    .select(['id', 'title as name', 'show_if'])
    .where('id', '=', target.id)
    .where('consultation_id', '=', consultationId)
    .where('audience', '=', 'everyone')
    .executeTakeFirst();
}

export function editShowIf(db: Db, actor: Actor, consultationId: number, target: RuleTarget, edit: RuleEdit, now = new Date()): Promise<Result> {
  let after: string | null = null;
  return refusedByRouting(
    changeConsultationPart(
      db,
      actor,
      consultationId,
      {
        find: (trx) => findTarget(trx, consultationId, target),
        check: async (found, trx) => {
          if (edit.intent === 'removeCondition' && !parseShowIf(found.show_if)?.conditions[edit.index]) return refuse('builder:routingConditionGone');
          if (edit.intent !== 'addCondition') return undefined;
          const named = await trx
            .selectFrom('questions')
            .select('kind')
            .where('consultation_id', '=', consultationId)
            .where('key', '=', edit.question)
            .executeTakeFirst();
          if (!named || !RULE_KINDS.includes(named.kind)) return refuse('builder:routingQuestionMissing');
          return undefined;
        },
        change: async (trx, found) => {
          after = serialiseShowIf(editedRule(parseShowIf(found.show_if), edit));
          await keepingRouting(trx, consultationId, async () => {
            if (target.type === 'question') await trx.updateTable('questions').set({ show_if: after }).where('id', '=', target.id).execute();
            else await trx.updateTable('sections').set({ show_if: after }).where('id', '=', target.id).execute();
          });
        },
        audit: (found) => ({
          action: `${target.type}.rule`,
          entityType: target.type,
          entityId: target.id,
          summary: `Changed when "${found.name}" is shown`,
          before: { show_if: found.show_if },
          after: { show_if: after },
        }),
      },
      now,
    ),
  );
}

export interface RoutesInput {
  /** Option key → a later section's key, 'exit', or '' for the next page. */
  goesTo: Record<string, string>;
  exitText: string;
}

/** Where each answer of a single-answer question sends the person, and the exit page's words. */
export function setRoutes(db: Db, actor: Actor, consultationId: number, questionId: number, input: RoutesInput, now = new Date()): Promise<Result> {
  return refusedByRouting(
    changeConsultationPart(
      db,
      actor,
      consultationId,
      {
        find: async (trx) => {
          const question = await trx
            .selectFrom('questions')
            .select(['id', 'text', 'exit_text'])
            .where('id', '=', questionId)
            .where('consultation_id', '=', consultationId)
            .executeTakeFirst();
          const options = await trx.selectFrom('options').select(['id', 'key', 'goes_to']).where('question_id', '=', questionId).execute();
          return question && { question, options };
        },
        check: () => {
          const exits = Object.values(input.goesTo).includes(EXIT);
          return exits && input.exitText.trim() === '' ? refuse('builder:routingExitTextMissing', 'exitText') : undefined;
        },
        change: async (trx, { options }) => {
          await keepingRouting(trx, consultationId, async () => {
            for (const o of options) {
              const goesTo = input.goesTo[o.key] || null;
              if (goesTo !== o.goes_to) await trx.updateTable('options').set({ goes_to: goesTo }).where('id', '=', o.id).execute();
            }
            await trx.updateTable('questions').set({ exit_text: input.exitText.trim() }).where('id', '=', questionId).execute();
          });
        },
        audit: ({ question, options }) => ({
          action: 'question.routes',
          entityType: 'question',
          entityId: questionId,
          summary: `Changed where the answers to "${question.text}" lead`,
          before: { exit_text: question.exit_text, goes_to: Object.fromEntries(options.map((o) => [o.key, o.goes_to])) },
          after: { exit_text: input.exitText.trim(), goes_to: input.goesTo },
        }),
      },
      now,
    ),
  );
}
