import { useTranslation } from 'react-i18next';
import { CheckboxField } from '~/ui/admin/Field';
import { FieldError } from '~/ui/form/ErrorSummary';

/** The census tables to load (one or more files), and whether their ward figures are approximate. */
export function FilesField({ error, wardsApproximate }: { error: string | undefined; wardsApproximate: boolean }) {
  const { t } = useTranslation('population');
  return (
    <>
      <div className={`form-group${error ? ' form-group--error' : ''}`}>
        <label className="label label--field" htmlFor="files">
          {t('fields.files')}
        </label>
        <p className="hint" id="files-hint">
          {t('fields.filesHint')}
        </p>
        <FieldError id="files-error" message={error} />
        <input
          className="file-upload"
          type="file"
          id="files"
          name="files"
          multiple
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={error ? 'files-hint files-error' : 'files-hint'}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <CheckboxField name="wardsApproximate" value="on" label={t('fields.wardsApproximate')} defaultChecked={wardsApproximate} />
    </>
  );
}
