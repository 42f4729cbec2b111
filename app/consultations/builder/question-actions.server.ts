import { parseWithZod } from '@conform-to/zod/v4';
import type { AppLoadContext } from '@remix-run/node';
import { z } from 'zod';
import type { Actor } from '~/platform/audit.server';
import type { Result } from '~/consultations/change.server';
import { addOption, deleteOption, moveOption, setOptionHidden, updateOption } from './options.server';
import { deleteQuestion, setQuestionHidden, updateQuestion } from './questions.server';
import { refuseChange } from '~/consultations/refusals.server';
import { refusal } from '~/platform/http/form-reply.server';
import { hideSchema, optionSchema, questionSchema } from './schemas';

// The question page's forms, by intent: the question itself, hiding it, and its options.

const rowSchema = z.object({
  intent: z.enum(['moveOption', 'deleteOption', 'deleteQuestion']),
  target: z.number().optional(),
  direction: z.enum(['up', 'down']).default('up'),
});

type Outcome = { ok: true; done: string; deleted?: boolean } | ReturnType<typeof refusal>;

export async function questionPageAction(
  context: AppLoadContext,
  actor: Actor,
  formData: FormData,
  consultationId: number,
  questionId: number,
): Promise<Outcome> {
  const db = context.db;
  const intent = String(formData.get('intent') ?? '');
  const run = async <S extends { reply: Parameters<typeof refuseChange>[1]['reply'] }>(
    submission: S,
    work: () => Promise<Result>,
    done: string,
  ): Promise<Outcome> => {
    const result = await work();
    return result.ok ? { ok: true, done } : refuseChange(context, submission, result);
  };
  if (intent === 'save') {
    const submission = parseWithZod(formData, { schema: questionSchema });
    if (submission.status !== 'success') return refusal(context, submission.reply());
    const { reason, intent: _, ...input } = submission.value;
    return run(submission, () => updateQuestion(db, actor, consultationId, questionId, input, reason), 'saved');
  }
  if (['hide', 'show', 'hideOption', 'showOption'].includes(intent)) {
    const submission = parseWithZod(formData, { schema: hideSchema });
    if (submission.status !== 'success') return refusal(context, submission.reply());
    const { reason, optionId } = submission.value;
    const hide = intent.startsWith('hide');
    if (intent === 'hide' || intent === 'show')
      return run(submission, () => setQuestionHidden(db, actor, consultationId, questionId, hide, reason), hide ? 'hidden' : 'shown');
    return run(submission, () => setOptionHidden(db, actor, consultationId, questionId, optionId ?? 0, hide, reason), hide ? 'optionHidden' : 'optionShown');
  }
  if (intent === 'addOption' || intent === 'saveOption') {
    const submission = parseWithZod(formData, { schema: optionSchema });
    if (submission.status !== 'success') return refusal(context, submission.reply());
    const { label, isOther, optionId, reason } = submission.value;
    if (intent === 'addOption') return run(submission, () => addOption(db, actor, consultationId, questionId, { label, isOther }), 'optionAdded');
    return run(submission, () => updateOption(db, actor, consultationId, questionId, optionId ?? 0, { label, isOther }, reason), 'optionSaved');
  }
  const submission = parseWithZod(formData, { schema: rowSchema });
  if (submission.status !== 'success') return refusal(context, submission.reply());
  const { target = 0, direction } = submission.value;
  if (submission.value.intent === 'deleteQuestion') {
    const result = await deleteQuestion(db, actor, consultationId, questionId);
    return result.ok ? { ok: true, done: 'deleted', deleted: true } : refuseChange(context, submission, result);
  }
  if (submission.value.intent === 'deleteOption') return run(submission, () => deleteOption(db, actor, consultationId, questionId, target), 'optionDeleted');
  return run(submission, () => moveOption(db, actor, consultationId, questionId, target, direction), 'optionMoved');
}
