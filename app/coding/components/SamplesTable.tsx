import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { samplePath } from '~/coding/paths';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { useNumbers } from './format';
import { ScrollTable } from '~/ui/ScrollRegion';

export interface SampleSummary {
  id: number;
  name: string;
  question: string;
  answers: number;
  createdAt: string;
  createdBy: string | null;
}

/** The double-coding samples, newest first, each leading to its coding and agreement report. */
export function SamplesTable({ consultationId, samples }: { consultationId: number; samples: SampleSummary[] }) {
  const { t } = useTranslation('coding');
  const { whole } = useNumbers();
  const locale = usePageLocale();
  if (samples.length === 0) return <p>{t('samples.none')}</p>;
  return (
    <ScrollTable caption={t('samples.caption')} captionHidden>
      <thead>
        <tr>
          <th scope="col">{t('samples.name')}</th>
          <th scope="col">{t('samples.question')}</th>
          <th scope="col" className="numeric">
            {t('samples.answers')}
          </th>
          <th scope="col">{t('samples.made')}</th>
        </tr>
      </thead>
      <tbody>
        {samples.map((s) => (
          <tr key={s.id}>
            <th scope="row">
              <Link to={samplePath(consultationId, s.id)}>{s.name}</Link>
            </th>
            <td>{s.question}</td>
            <td className="numeric">{whole(s.answers)}</td>
            <td>{t('samples.madeBy', { who: s.createdBy ?? t('samples.someone'), date: formatDate(s.createdAt, locale) })}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
