import { useTranslation } from 'react-i18next';
import type { PriorityRef } from '~/consultations/definition';

/** The council priorities a consultation relates to, each with its theme. */
export function PriorityTags({ priorities, label }: { priorities: PriorityRef[]; label?: string }) {
  const { t } = useTranslation();
  if (priorities.length === 0) return null;
  return (
    <div className="priorities">
      <p className="priorities__label">{label ?? t('hub.relatesTo')}</p>
      <ul className="priorities__list">
        {priorities.map((p) => (
          <li key={p.key} className={`priority priority--${p.themeKey}`}>
            <span className="priority__theme">{p.themeName}</span> <span className="priority__name">{p.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
