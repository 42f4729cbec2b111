import { useTranslation } from 'react-i18next';
import type { WhoModel } from '~/population/who.server';
import { groupLabel } from './group-label';

/** The groups the page flags, all together at the top: what an officer reads first. */
export function UnderRepresented({ model }: { model: Pick<WhoModel, 'dimensions' | 'wards'> }) {
  const { t } = useTranslation('population');
  const flagged = model.dimensions.flatMap(({ dimension, comparison }) =>
    comparison.rows
      .filter((r) => r.underRepresented)
      .map((r) => ({ key: `${dimension}:${r.value}`, dimension, label: groupLabel(t, dimension, r.value, model.wards) })),
  );
  return (
    <section className="pop-under" aria-labelledby="under-title">
      <h2 id="under-title">{t('who.underTitle')}</h2>
      {flagged.length === 0 ? (
        <p>{t('who.underNone')}</p>
      ) : (
        <ul data-testid="under-represented">
          {flagged.map((f) => (
            <li key={f.key}>{t('who.underItem', { dimension: t(`dimension.${f.dimension}`), group: f.label })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
