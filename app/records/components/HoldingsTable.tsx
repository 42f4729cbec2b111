import { useTranslation } from 'react-i18next';
import { CATEGORIES, isSpecialCategory } from '../categories';
import type { Holdings } from '../holdings.server';

/** How many responses hold each kind of personal data, special categories marked. */
export function HoldingsTable({ holdings }: { holdings: Holdings }) {
  const { t } = useTranslation('records');
  return (
    <div className="table-wrapper" role="region" aria-labelledby="holdings-caption" tabIndex={0}>
      <table className="table">
        <caption id="holdings-caption">{t('detail.held.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('detail.held.category')}</th>
            <th scope="col">{t('detail.held.responses')}</th>
            <th scope="col">{t('detail.held.special')}</th>
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((category) => (
            <tr key={category} data-testid={`holds-${category}`}>
              <th scope="row">{t(`categories.${category}`)}</th>
              <td>
                {holdings.categories[category]}
                {category === 'free_text' && <span className="hint"> ({t('detail.held.freeTextAnswers', { count: holdings.freeTextAnswers })})</span>}
              </td>
              <td>{isSpecialCategory(category) && <span className="tag tag--special">{t('detail.held.specialTag')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
