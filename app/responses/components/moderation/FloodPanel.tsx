import { useTranslation } from 'react-i18next';
import { BLOCK_REASONS } from '#db/schema';
import type { FloodReport } from '~/responses/moderation/floods.server';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { ScrollTable } from '~/ui/ScrollRegion';

const hourFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale === 'ur' ? 'ur-PK' : locale === 'pl' ? 'pl-PL' : 'en-GB', {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });

/** What officers need to notice a flood: submissions turned away, and responses per hour with any unusual hour marked. */
export function FloodPanel({ report }: { report: FloodReport }) {
  const { t } = useTranslation('moderation');
  const format = hourFormat(usePageLocale());
  const floods = report.hours.filter((h) => h.flood).length;
  return (
    <section aria-labelledby="floods-heading">
      <h2 id="floods-heading">{t('floods.title')}</h2>
      {floods > 0 && (
        <div className="notice notice--warning" role="status">
          {t('floods.warning', { count: floods })}
        </div>
      )}
      <ScrollTable data-testid="blocked" caption={t('floods.blockedCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('floods.reason')}</th>
            <th scope="col" className="numeric">
              {t('floods.day')}
            </th>
            <th scope="col" className="numeric">
              {t('floods.week')}
            </th>
          </tr>
        </thead>
        <tbody>
          {BLOCK_REASONS.map((reason) => (
            <tr key={reason} data-testid={`blocked-${reason}`}>
              <th scope="row">{t(`floods.reasons.${reason}`)}</th>
              <td className="numeric">{report.blocked.day[reason]}</td>
              <td className="numeric">{report.blocked.week[reason]}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <p className="hint">{t('floods.usual', { usual: report.usual, threshold: report.threshold })}</p>
      <ScrollTable caption={t('floods.hoursCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('floods.hour')}</th>
            <th scope="col" className="numeric">
              {t('floods.received')}
            </th>
            <th scope="col">{t('floods.check')}</th>
          </tr>
        </thead>
        <tbody>
          {report.hours.map((h) => (
            <tr key={h.hour}>
              <th scope="row">{format.format(new Date(h.hour))}</th>
              <td className="numeric">{h.count}</td>
              <td>{h.flood ? <strong className="tag tag--excluded">{t('floods.farAbove')}</strong> : null}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
