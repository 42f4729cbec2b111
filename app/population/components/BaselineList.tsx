import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { BaselineRow } from '~/population/baselines.server';
import type { PopulationDimension } from '~/population/census-labels';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { ScrollTable } from '~/ui/ScrollRegion';

export type ListedBaseline = BaselineRow & { dimensions: PopulationDimension[] };

/** Every baseline, newest first: what it is, when it was loaded, and what it has figures for. */
export function BaselineList({ baselines }: { baselines: ListedBaseline[] }) {
  const { t } = useTranslation('population');
  const locale = usePageLocale();
  if (baselines.length === 0) return <p>{t('baselines.none')}</p>;
  return (
    <ScrollTable caption={t('baselines.listTitle')}>
      <thead>
        <tr>
          <th scope="col">{t('baselines.name')}</th>
          <th scope="col">{t('baselines.kind')}</th>
          <th scope="col">{t('baselines.loaded')}</th>
          <th scope="col">{t('baselines.dimensions')}</th>
        </tr>
      </thead>
      <tbody>
        {baselines.map((b) => (
          <tr key={b.id}>
            <th scope="row">
              <Link to={`/admin/population/${b.id}`}>{b.name}</Link>
            </th>
            <td>
              <span className={`tag pop-kind pop-kind--${b.kind}`}>{t(`kind.${b.kind}`)}</span>
            </td>
            <td>
              {t('baselines.loadedOn', { date: formatDate(b.loadedAt, locale) })}
              {b.loadedBy && <span className="pop-figure__note">{t('baselines.by', { name: b.loadedBy })}</span>}
            </td>
            <td>{b.dimensions.map((d) => t(`dimension.${d}`)).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
