import { useTranslation } from 'react-i18next';
import { AdminForm } from '~/ui/admin/AdminForm';
import { ErrorSummary } from '~/ui/form/ErrorSummary';

interface ItemView {
  key: string;
  text: string;
  options: { key: string; label: string }[];
}

export interface YouthRoutingValues {
  when: string[];
  match: 'all' | 'any';
  goesTo: Record<string, string>;
  exitText: string;
}

interface Props {
  /** Questions before this one, whose answers can show it. */
  earlier: ItemView[];
  /** Questions after this one, where its answers can send young people. */
  later: ItemView[];
  item: ItemView & { single: boolean };
  values: YouthRoutingValues;
  problems: string[];
}

/** Who is asked this question, and where each answer sends them: plain fields, so it works without JavaScript. */
export function YouthRoutingForm({ earlier, later, item, values, problems }: Props) {
  const { t } = useTranslation(['versions', 'youth']);
  return (
    <section aria-labelledby="youth-routing">
      <h2 id="youth-routing">{t('routing.title')}</h2>
      <ErrorSummary errors={problems.map((message) => ({ fieldId: null, message }))} reply={problems} />
      <AdminForm noValidate>
        <input type="hidden" name="intent" value="routing" />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('routing.showIf')}</legend>
          <p className="hint">{t(earlier.length === 0 ? 'routing.firstQuestion' : 'routing.showIfHint')}</p>
          {earlier.map((q) => (
            <fieldset className="fieldset" key={q.key}>
              <legend>{q.text}</legend>
              {q.options.map((o) => {
                const value = `${q.key}:${o.key}`;
                const id = `when-${q.key}-${o.key}`;
                return (
                  <div className="choice" key={o.key}>
                    <input className="choice__input" type="checkbox" id={id} name="when" value={value} defaultChecked={values.when.includes(value)} />
                    <label className="choice__label" htmlFor={id}>
                      {o.label || t(`youth:faces.${o.key}`, { defaultValue: o.key })}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ))}
        </fieldset>
        {earlier.length > 1 && (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t('routing.match')}</legend>
            {(['all', 'any'] as const).map((m) => (
              <div className="choice" key={m}>
                <input className="choice__input" type="radio" id={`match-${m}`} name="match" value={m} defaultChecked={values.match === m} />
                <label className="choice__label" htmlFor={`match-${m}`}>
                  {t(`routing.match_${m}`)}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        {item.single && (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t('routing.goesTo')}</legend>
            <p className="hint">{t('routing.goesToHint')}</p>
            {item.options.map((o, i) => (
              <div className="field" key={o.key}>
                <input type="hidden" name={`routes[${i}].option`} value={o.key} />
                <label className="label" htmlFor={`goes-${o.key}`}>
                  {t('routing.afterAnswer', { answer: o.label || t(`youth:faces.${o.key}`, { defaultValue: o.key }) })}
                </label>
                <select className="select" id={`goes-${o.key}`} name={`routes[${i}].goesTo`} defaultValue={values.goesTo[o.key] ?? ''}>
                  <option value="">{t('routing.nextQuestion')}</option>
                  {later.map((l) => (
                    <option key={l.key} value={l.key}>
                      {l.text}
                    </option>
                  ))}
                  <option value="exit">{t('routing.exitPage')}</option>
                </select>
              </div>
            ))}
          </fieldset>
        )}
        <div className="field">
          <label className="label" htmlFor="exitText">
            {t('routing.exitText')}
          </label>
          <p className="hint" id="exitText-hint">
            {t('routing.exitTextHint')}
          </p>
          <textarea className="textarea" id="exitText" name="exitText" aria-describedby="exitText-hint" defaultValue={values.exitText} />
        </div>
        <button type="submit" className="button">
          {t('routing.save')}
        </button>
      </AdminForm>
    </section>
  );
}
