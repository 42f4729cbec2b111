import { useTranslation } from 'react-i18next';
import { youthField } from '~/responses/youth/answers';
import type { YouthDef } from '~/consultations/versions/youth-definition';
import { youthPath } from '~/consultations/versions/youth-paths';
import type { SafeguardingAges } from '~/responses/safeguarding';
import { youthItemDecides, youthSteps } from '~/responses/youth/steps';
import { listOf, textOf, type Values } from '../QuestionField';
import { SummaryList, type SummaryRow } from '../../../ui/SummaryList';

type Row = SummaryRow;

/** What a young person is about to send, each answer with a way to change it. */
export function YouthCheck({ def, values, ages }: { def: Pick<YouthDef, 'slug' | 'items'>; values: Values; ages: SafeguardingAges }) {
  const { t } = useTranslation('youth');
  const age = textOf(values.age_band) || null;
  const change = (step: string) => `${youthPath(def.slug, step)}?return=check`;
  const steps = youthSteps(def, values, ages);
  const rows: Row[] = steps.flatMap((step): Row[] => {
    if (step.kind === 'age') return [{ id: 'age_band', label: t('age.question'), answer: age ? [t(`age.${age}`)] : [], href: change('age') }];
    if (step.kind === 'item') {
      const { item } = step;
      const value = values[youthField(item)];
      const answer =
        item.kind === 'short_text' || item.kind === 'long_text'
          ? [textOf(value)].filter((v) => v.trim())
          : listOf(value).flatMap((key) => {
              const option = item.options.find((o) => o.key === key);
              return option ? [option.label || t(`faces.${key}`)] : [];
            });
      return [{ id: youthField(item), label: item.text, answer, href: change(step.id) }];
    }
    if (step.kind === 'exit') return [];
    const consent = textOf(values.quote_consent);
    const credit = textOf(values.quote_credit);
    return [
      { id: 'postcode_district', label: t('more.postcode'), answer: [textOf(values.postcode_district)].filter(Boolean), href: change('more') },
      { id: 'quote_consent', label: t('more.quote'), answer: consent ? [t(consent === 'yes' ? 'more.quoteYes' : 'more.quoteNo')] : [], href: change('more') },
      ...(consent === 'yes' ? [{ id: 'quote_credit', label: t('more.credit'), answer: credit ? [t(`more.credit_${credit}`)] : [], href: change('more') }] : []),
    ];
  });
  const decides = steps.some((step) => step.kind === 'item' && youthItemDecides(def, step.item));
  return (
    <>
      {decides && <p>{t('check.routeNote')}</p>}
      <SummaryList rows={rows} empty={t('check.noAnswer')} change={t('check.change')} changeLabel={(question) => t('check.changeLabel', { question })} />
    </>
  );
}
