import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from './ErrorSummary';

interface Props {
  name: string;
  legend: ReactNode;
  hint?: string;
  items: { value: string; label: string }[];
  positions: number;
  defaultValue: (string | undefined)[];
  error?: string;
}

/** "Put your top N in order": one list per position, so it works by keyboard and without JavaScript. */
export function RankingField({ name, legend, hint, items, positions, defaultValue, error }: Props) {
  const { t } = useTranslation('survey');
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}>
        <legend className="fieldset__legend">{legend}</legend>
        <p className="hint" id={hintId}>
          {hint ? `${hint} ` : ''}
          {t('rankHint', { count: positions })}
        </p>
        <FieldError id={errorId} message={error} />
        <ol className="ranking">
          {Array.from({ length: positions }, (_, i) => {
            const id = i === 0 ? name : `${name}-${i + 1}`;
            return (
              <li className="ranking__position" key={i}>
                <label className="label" htmlFor={id}>
                  {i === 0 ? t('rankPositionFirst') : t('rankPosition', { position: i + 1 })}
                </label>
                <select className="select" id={id} name={`${name}[${i}]`} defaultValue={defaultValue[i] ?? ''}>
                  <option value="">{t('rankNone')}</option>
                  {items.map((item) => (
                    <option key={item.value} value={item.value}>
                      {item.label}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ol>
      </fieldset>
    </div>
  );
}
