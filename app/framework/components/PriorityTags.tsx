import { useTranslation } from 'react-i18next';
import type { PriorityRef } from '~/framework/priorities';

/** The council priorities a consultation relates to, grouped under their themes. */
export function PriorityTags({ priorities, label }: { priorities: PriorityRef[]; label?: string }) {
  const { t } = useTranslation();
  if (priorities.length === 0) return null;
  const themes = [...new Map(priorities.map((p) => [p.themeKey, p.themeName])).entries()];
  return (
    <div className="priorities">
      <p className="priorities__label">{label ?? t('hub.relatesTo')}</p>
      <ul className="priorities__themes">
        {themes.map(([themeKey, themeName]) => (
          <li key={themeKey} className={`priorities__theme priorities__theme--${themeKey}`}>
            <span className="priorities__theme-name">{themeName}</span>
            <ul className="priorities__list">
              {priorities
                .filter((p) => p.themeKey === themeKey)
                .map((p) => (
                  <li key={p.key} className="priority">
                    {p.name}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
