import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '~/ui/ScrollRegion';

interface ImportRow {
  id: number;
  file_name: string;
  row_count: number;
  imported_at: string;
}

/** The files imported into a consultation so far, newest first. */
export function ImportHistory({ imports, date }: { imports: ImportRow[]; date: (iso: string) => string }) {
  const { t } = useTranslation('intake');
  return (
    <>
      <h2 id="import-history">{t('import.history')}</h2>
      {imports.length === 0 ? (
        <p>{t('import.noHistory')}</p>
      ) : (
        <ScrollRegion labelledBy="import-history">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('import.fileName')}</th>
                <th scope="col">{t('import.rows')}</th>
                <th scope="col">{t('import.when')}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <td>{i.file_name}</td>
                  <td>{i.row_count}</td>
                  <td>{date(i.imported_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
