import { Form, useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import type { JobSummary } from './JobList';

export interface JobView extends JobSummary {
  rowsDone: number;
  rowsTotal: number;
  filename: string;
  interrupted: boolean;
  downloadUrl: string | null;
  keptUntil: string | null;
}

const POLL_MS = 1000;

/**
 * A background export's progress: a progress bar with the percentage in words, the status in a
 * live region (read out when it changes), and the download link once the file is ready. With
 * JavaScript the page asks the server again every second; without, a button does it (no
 * automatic refresh, which would move a screen reader's place and break WCAG 2.2.1).
 */
export function JobProgress({ job }: { job: JobView }) {
  const { t } = useTranslation('exports');
  const locale = usePageLocale();
  const revalidator = useRevalidator();
  const finished = job.status === 'done' || job.status === 'failed';
  useEffect(() => {
    if (finished) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [finished, revalidator]);
  const number = (n: number) => n.toLocaleString(locale === 'ur' ? 'ur-PK' : locale === 'pl' ? 'pl-PL' : 'en-GB');
  return (
    <>
      <div role="status" className="export-job__status">
        <p className="heading-s">{t(`status.${job.status}`)}</p>
        {job.status === 'failed' && <p>{job.interrupted ? t('job.interrupted') : t('job.failed')}</p>}
      </div>
      {job.status !== 'failed' && (
        <div className="form-group">
          <label className="label label--field" htmlFor="export-progress">
            {t('job.progress')}
          </label>
          <progress id="export-progress" className="export-job__bar" max={100} value={job.percent} aria-describedby="export-progress-text">
            {job.percent}%
          </progress>
          <p id="export-progress-text">{t('job.percent', { percent: job.percent, done: number(job.rowsDone), total: number(job.rowsTotal) })}</p>
        </div>
      )}
      {job.downloadUrl && (
        <>
          <p>
            <a className="button" href={job.downloadUrl} download>
              {t('job.download', { filename: job.filename })}
            </a>
          </p>
          {job.keptUntil && <p className="hint">{t('job.kept', { until: formatDateTime(job.keptUntil, locale) })}</p>}
        </>
      )}
      {!finished && (
        <Form method="get" replace>
          <p className="hint" id="refresh-hint">
            {t('job.refreshHint')}
          </p>
          <button type="submit" className="button button--secondary" aria-describedby="refresh-hint">
            {t('job.refresh')}
          </button>
        </Form>
      )}
    </>
  );
}
