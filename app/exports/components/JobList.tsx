import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ExportKind } from '~/exports/kinds';
import { formatDateTime } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { ScrollTable } from '~/ui/ScrollRegion';

export interface JobSummary {
  id: number;
  kind: ExportKind;
  format: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  percent: number;
  createdAt: string;
}

/** The consultation's recent background exports, each linking to its page (progress, download). */
export function JobList({ consultationId, jobs, keepHours }: { consultationId: number; jobs: JobSummary[]; keepHours: number }) {
  const { t } = useTranslation('exports');
  const locale = usePageLocale();
  if (jobs.length === 0) return <p>{t('page.noJobs')}</p>;
  return (
    <ScrollTable caption={t('page.jobsCaption', { hours: keepHours })} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t('page.jobExport')}</th>
          <th scope="col">{t('page.jobAsked')}</th>
          <th scope="col">{t('page.jobStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id}>
            <th scope="row">
              <Link to={`/admin/consultations/${consultationId}/exports/${job.id}`}>
                {t(`kinds.${job.kind}.title`)} ({job.format.toUpperCase()})
              </Link>
            </th>
            <td>{formatDateTime(job.createdAt, locale)}</td>
            <td>
              {t(`status.${job.status}`)}
              {job.status === 'running' && ` (${job.percent}%)`}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
