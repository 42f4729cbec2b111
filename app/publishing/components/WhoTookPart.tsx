import { useTranslation } from 'react-i18next';
import type { Figures } from '~/analysis/components/use-figures';
import type { Participation } from '~/publishing/participation.server';

/** How many took part and through which channels; a small channel shows as "fewer than 10". */
export function WhoTookPart({ participation, figures }: { participation: Participation; figures: Figures }) {
  const { t } = useTranslation('publishing');
  const { total, channels } = participation;
  return (
    <section aria-labelledby="took-part" className="results-section">
      <h2 id="took-part">{t('tookPart.heading')}</h2>
      <p className="lead" data-testid="took-part-total">
        {total.suppressed ? t('tookPart.totalHidden', { fewer: figures.fewer }) : t('tookPart.total', { responses: figures.count(total.value) })}
      </p>
      {channels.length > 0 && (
        <div className="table-wrapper">
          <table className="table table--narrow" data-testid="channels">
            <caption>{t('tookPart.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tookPart.channel')}</th>
                <th scope="col" className="numeric">
                  {t('tookPart.responses')}
                </th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.label}</th>
                  <td className={`numeric${c.responses.suppressed ? ' figure--hidden' : ''}`}>{figures.ofCount(c.responses)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('tookPart.all')}</th>
                <td className="numeric">{figures.ofCount(total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p className="hint">{t('tookPart.hiddenNote', { fewer: figures.fewer })}</p>
      <p className="hint">{t('tookPart.counted')}</p>
    </section>
  );
}
