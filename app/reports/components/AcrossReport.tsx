import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ReportPage } from './ReportPage';

type PageProps = Parameters<typeof ReportPage>[0];

/** The across-consultations report's page: back to the heard page it came from, then the report. */
export function AcrossReport({ back, ...page }: PageProps & { back: string }) {
  const { t } = useTranslation('quotes');
  return (
    <div className="width-wide">
      <Link to={back} className="back-link">
        {t('heard.back')}
      </Link>
      <ReportPage {...page} />
    </div>
  );
}
