import { optionLines } from '~/consultations/builder/schemas';
import type { GridChange } from './grids.server';

// What the grid page's form asks for, as a change: the statements as typed, in the order the
// button asked for (one moved up or down, or one removed), with any new lines added at the end.
// Every button posts the whole form, so nothing typed is lost when a statement is moved.

export interface GridForm {
  intent: string;
  text: string;
  hint: string;
  statements: { id: number; text: string }[];
  more: string;
  options?: string | undefined;
}

export function gridChangeOf(form: GridForm): GridChange {
  const statements: GridChange['statements'] = [...form.statements];
  const [, action, target] = /^(up|down|remove)-(\d+)$/.exec(form.intent) ?? [];
  const at = statements.findIndex((s) => s.id === Number(target));
  if (at !== -1 && action === 'remove') statements.splice(at, 1);
  const swapWith = action === 'up' ? at - 1 : action === 'down' ? at + 1 : -1;
  if (at !== -1 && swapWith >= 0 && swapWith < statements.length) [statements[at], statements[swapWith]] = [statements[swapWith]!, statements[at]!];
  for (const text of optionLines(form.more)) statements.push({ text });
  return { text: form.text, hint: form.hint, statements, options: form.options === undefined ? undefined : optionLines(form.options) };
}
