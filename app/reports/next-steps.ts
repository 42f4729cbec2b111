import type { ActionStatus } from '#db/schema';
import type { Block } from './document';

// "Next steps": what the council has said it will do in answer (its actions, with where each
// stands), in the order the officer gave them.

interface ActionLike {
  title: string;
  description: string;
  status: ActionStatus;
  dueOn: string | null;
  doneOn: string | null;
}

interface Words {
  t: (key: string, options?: Record<string, string>) => string;
  date: (iso: string) => string;
}

export function actionBlocks(actions: readonly ActionLike[], words: Words): Block[] {
  const { t } = words;
  if (actions.length === 0) return [{ kind: 'paragraph', text: t('next.noActions') }];
  const when = (a: ActionLike) =>
    a.status === 'done' && a.doneOn ? t('next.doneOn', { date: words.date(a.doneOn) }) : a.dueOn ? t('next.dueOn', { date: words.date(a.dueOn) }) : '–';
  return [
    { kind: 'paragraph', text: t('next.intro') },
    {
      kind: 'table',
      caption: t('next.caption'),
      head: [t('next.action'), t('next.status'), t('next.when')],
      rows: actions.map((a) => [a.description.trim() ? `${a.title}: ${a.description.trim()}` : a.title, t(`next.statuses.${a.status}`), when(a)]),
    },
  ];
}
