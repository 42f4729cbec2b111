import { useTranslation } from 'react-i18next';

/** How the census categories are placed in our groups, for the officer choosing what to load. */
export function MappingNotes() {
  const { t } = useTranslation('population');
  return (
    <section aria-labelledby="mapping-title" className="pop-mapping">
      <h2 id="mapping-title">{t('baselines.mappingTitle')}</h2>
      <ul>
        <li>{t('baselines.mappingAge')}</li>
        <li>{t('baselines.mappingDisability')}</li>
        <li>{t('baselines.mappingCare')}</li>
        <li>{t('baselines.mappingEthnicity')}</li>
        <li>{t('baselines.mappingWards')}</li>
        <li>{t('baselines.mappingRefused')}</li>
      </ul>
    </section>
  );
}
