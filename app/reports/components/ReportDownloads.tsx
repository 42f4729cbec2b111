import { useTranslation } from 'react-i18next';

// The same report as files: the links carry the page's own filters.

export function ReportDownloads({ base, search, pdfInEnglish }: { base: string; search: string; pdfInEnglish: boolean }) {
  const { t } = useTranslation('reports');
  return (
    <div className="report-controls report-downloads">
      <h2 id="report-downloads">{t('page.downloads')}</h2>
      <ul aria-labelledby="report-downloads">
        <li>
          <a href={`${base}.docx${search}`} download>
            {t('page.docx')}
          </a>
        </li>
        <li>
          <a href={`${base}.pdf${search}`} download>
            {t('page.pdf')}
          </a>
          {pdfInEnglish && <p className="hint">{t('page.pdfInEnglish')}</p>}
        </li>
      </ul>
      <p className="hint">{t('page.print')}</p>
    </div>
  );
}
