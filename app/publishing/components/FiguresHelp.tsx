import { useTranslation } from 'react-i18next';

// What "the base" and "95% confidence interval" mean, in plain words, once per page; every
// figure links here (FIGURES_HELP) rather than repeating it under each chart.

export const FIGURES_HELP = 'reading-the-figures';

export function FiguresHelp({ threshold }: { threshold: number }) {
  const { t } = useTranslation('publishing');
  return (
    <section aria-labelledby={FIGURES_HELP} className="results-help">
      <h2 id={FIGURES_HELP}>{t('help.heading')}</h2>
      <dl>
        <dt>{t('help.baseTerm')}</dt>
        <dd>{t('help.base')}</dd>
        <dt>{t('help.intervalTerm')}</dt>
        <dd>{t('help.interval')}</dd>
        <dt>{t('help.hiddenTerm', { threshold })}</dt>
        <dd>{t('help.hidden', { threshold })}</dd>
      </dl>
    </section>
  );
}

/** The props every public figure passes to QuestionResults: the link here, and the table on request. */
export function useOnRequest() {
  const { t } = useTranslation('publishing');
  return { showTable: t('help.showTable'), help: { href: `#${FIGURES_HELP}`, label: t('help.link') } };
}
