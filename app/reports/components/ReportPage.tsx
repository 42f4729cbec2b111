import { useTranslation } from 'react-i18next';
import type { ResultsForm, ResultsRequestError } from '~/analysis/results-model';
import { ErrorSummary } from '~/ui/form/ErrorSummary';
import { useErrorText } from '~/ui/form/use-error-text';
import type { ReportDocument } from '~/reports/document';
import { ReportDownloads } from './ReportDownloads';
import { ReportFilters } from './ReportFilters';
import { ReportView } from './ReportView';

// The committee report page: the heading, (for a consultation) whose responses to report on,
// the downloads, then the report itself, which is all that prints.

export interface ReportPageProps {
  report: ReportDocument | null;
  /** The filter form; the across-consultations report has none. */
  form?: ResultsForm;
  errors?: ResultsRequestError[];
  /** The page's address, to which .docx and .pdf are added. */
  base: string;
  /** The filters as a query string ("" or "?…"). */
  search: string;
  pdfInEnglish: boolean;
  heading?: string;
}

export function ReportPage({ report, form, errors = [], base, search, pdfInEnglish, heading }: ReportPageProps) {
  const { t } = useTranslation('reports');
  const errorText = useErrorText();
  const fieldErrors = Object.fromEntries(errors.map((e) => [e.field, errorText(e.code)]));
  return (
    <div className="report-page">
      <h1 className="report-controls">{heading ?? t('page.title')}</h1>
      <p className="report-page__intro">{t('page.intro')}</p>
      <ErrorSummary errors={errors.map((e) => ({ fieldId: e.field, message: errorText(e.code) }))} />
      {form && <ReportFilters form={form} errors={fieldErrors} />}
      {report && (
        <>
          <ReportDownloads base={base} search={search} pdfInEnglish={pdfInEnglish} />
          <ReportView report={report} />
        </>
      )}
    </div>
  );
}
