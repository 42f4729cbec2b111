import { useTranslation } from 'react-i18next';
import type { KappaResult } from '~/analysis/agreement';
import { kappaBand } from '~/coding/agreement-report';
import { useNumbers } from './format';
import { ScrollTable } from '~/ui/ScrollRegion';

export interface ShownPair {
  coderA: string;
  coderB: string;
  answers: number;
  overall: KappaResult | null;
  perTheme: { theme: string; agreement: KappaResult | null }[];
}

function KappaWords({ result }: { result: KappaResult | null }) {
  const { t } = useTranslation('coding');
  const { kappa } = useNumbers();
  if (!result || result.kappa === null) return <>{t('agreement.noKappa')}</>;
  return <>{t('agreement.kappaIs', { kappa: kappa(result.kappa), band: t(`agreement.band.${kappaBand(result.kappa)}`) })}</>;
}

/** Cohen's kappa for every pair of coders of a sample, overall and per theme, with Landis and Koch's words. */
export function AgreementReport({ pairs }: { pairs: ShownPair[] }) {
  const { t } = useTranslation('coding');
  const { whole, kappa } = useNumbers();
  const percent = (p: number) => `${Math.round(p * 100)}%`;
  if (pairs.length === 0) return <p>{t('agreement.noPairs')}</p>;
  return (
    <>
      {pairs.map((pair) => {
        const name = t('agreement.pair', { a: pair.coderA, b: pair.coderB });
        return (
          <section key={name} className="coding-pair" aria-label={name}>
            <h3>{name}</h3>
            <p>{t('agreement.both', { count: pair.answers, shown: whole(pair.answers) })}</p>
            <p className="coding-pair__overall" data-testid="overall-kappa">
              <strong>{t('agreement.overall')}</strong> <KappaWords result={pair.overall} />
              {pair.overall && ` ${t('agreement.observed', { percent: percent(pair.overall.observedAgreement) })}`}
            </p>
            <ScrollTable caption={t('agreement.perThemeCaption', { pair: name })}>
              <thead>
                <tr>
                  <th scope="col">{t('agreement.theme')}</th>
                  <th scope="col" className="numeric">
                    {t('agreement.kappa')}
                  </th>
                  <th scope="col">{t('agreement.inWords')}</th>
                  <th scope="col" className="numeric">
                    {t('agreement.agreed')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {pair.perTheme.map(({ theme, agreement }) => (
                  <tr key={theme}>
                    <th scope="row">{theme}</th>
                    <td className="numeric">{agreement?.kappa != null ? kappa(agreement.kappa) : t('agreement.dash')}</td>
                    <td>{agreement?.kappa != null ? t(`agreement.band.${kappaBand(agreement.kappa)}`) : t('agreement.noKappa')}</td>
                    <td className="numeric">{agreement ? percent(agreement.observedAgreement) : t('agreement.dash')}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </section>
        );
      })}
    </>
  );
}
