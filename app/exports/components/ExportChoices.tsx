import { useTranslation } from 'react-i18next';
import { AdminForm } from '~/ui/admin/AdminForm';
import { DIMENSIONS } from '~/analysis/dimensions';
import { EXPORT_FORMATS, KIND_FORMATS, KINDS_WITH_BREAKDOWN, type ExportKind } from '~/exports/kinds';

// One block per export kind: what is in it, its format and breakdown, and the button. A plain
// post (JavaScript or not) answered by the file itself, or by the page of a background export.

interface Props {
  kinds: readonly ExportKind[];
  responses: number;
  backgroundAbove: number;
}

export function ExportChoices({ kinds, responses, backgroundAbove }: Props) {
  const { t } = useTranslation(['exports', 'analysis']);
  return (
    <>
      {kinds.map((kind) => {
        const formats = KIND_FORMATS[kind];
        const headingId = `export-${kind}`;
        return (
          <section key={kind} className="export-choice" aria-labelledby={headingId}>
            <h2 id={headingId}>{t(`kinds.${kind}.title`)}</h2>
            <p id={`${headingId}-description`}>{t(`kinds.${kind}.description`)}</p>
            {kind === 'responses' && <p className="hint">{t('page.backgroundHint', { count: responses, limit: backgroundAbove.toLocaleString('en-GB') })}</p>}
            <AdminForm reloadDocument aria-labelledby={headingId}>
              <input type="hidden" name="kind" value={kind} />
              {formats.length > 0 && (
                <div className="form-group">
                  <fieldset className="fieldset">
                    <legend className="fieldset__legend label--field">{t('page.format')}</legend>
                    <div className="choices choices--inline">
                      {EXPORT_FORMATS.filter((f) => formats.includes(f)).map((format, i) => (
                        <div className="choice choice--small" key={format}>
                          <input className="choice__input" type="radio" id={`${kind}-format-${format}`} name="format" value={format} defaultChecked={i === 0} />
                          <label className="choice__label" htmlFor={`${kind}-format-${format}`}>
                            {t(`formats.${format}`)}
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                </div>
              )}
              {KINDS_WITH_BREAKDOWN.includes(kind) && (
                <div className="form-group">
                  <label className="label label--field" htmlFor={`${kind}-by`}>
                    {t('page.by')}
                  </label>
                  <select className="select" id={`${kind}-by`} name="by" defaultValue="">
                    <option value="">{t('page.noBreakdown')}</option>
                    {DIMENSIONS.map((d) => (
                      <option key={d} value={d}>
                        {t(`analysis:dimension.${d}`)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <button type="submit" className="button">
                {t('page.download')}
                <span className="visually-hidden">: {t(`kinds.${kind}.title`)}</span>
              </button>
            </AdminForm>
          </section>
        );
      })}
    </>
  );
}
