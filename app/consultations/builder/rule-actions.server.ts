import { parseWithZod } from '@conform-to/zod/v4';
import type { AppLoadContext } from '@remix-run/node';
import type { Actor } from '~/platform/audit.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
import { editShowIf, setRoutes, type RuleTarget } from './rules.server';
import { conditionSchema, matchSchema, removeConditionSchema, routesSchema } from './schemas';

// The routing forms of the question and section pages, by intent. Each is a plain form, so
// rules are built, changed and removed without JavaScript.

export const RULE_INTENTS = ['addCondition', 'removeCondition', 'setMatch', 'saveRoutes'];

type Outcome = { ok: true; done: string } | ReturnType<typeof refusal>;

export async function ruleAction(context: AppLoadContext, actor: Actor, formData: FormData, consultationId: number, target: RuleTarget): Promise<Outcome> {
  const db = context.db;
  const intent = String(formData.get('intent') ?? '');
  if (intent === 'saveRoutes' && target.type === 'question') {
    const submission = parseWithZod(formData, { schema: routesSchema });
    if (submission.status !== 'success') return refusal(context, submission.reply());
    const result = await setRoutes(db, actor, consultationId, target.id, submission.value);
    return result.ok ? { ok: true, done: 'routesSaved' } : refuseChange(context, submission, result);
  }
  const schema = intent === 'addCondition' ? conditionSchema : intent === 'setMatch' ? matchSchema : removeConditionSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') return refusal(context, submission.reply());
  const v = submission.value;
  const edit =
    v.intent === 'addCondition'
      ? { intent: v.intent, question: v.question, options: v.answers }
      : v.intent === 'setMatch'
        ? { intent: v.intent, match: v.match }
        : { intent: v.intent, index: v.index };
  const result = await editShowIf(db, actor, consultationId, target, edit);
  return result.ok ? { ok: true, done: 'ruleSaved' } : refuseChange(context, submission, result);
}
