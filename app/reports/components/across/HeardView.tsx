import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import type { HeardAbout } from '~/reports/across/heard.server';
import { Count, Share } from '../../../publishing/components/quotes/figures';
import { HeardChart } from './HeardChart';
import { QuoteCard } from '../../../publishing/components/quotes/QuoteCard';
import { ScrollTable } from '~/ui/ScrollRegion';

interface Props {
  heard: HeardAbout;
  threshold: number;
  /** On a framework theme's page: its priorities' names, to say which one each codebook theme serves. */
  priorityNames?: Record<number, string>;
}

/** Everything heard about a priority (or a theme's priorities) across consultations, over time. */
export function HeardView({ heard, threshold, priorityNames }: Props) {
  const { t } = useTranslation('quotes');
  const locale = usePageLocale();
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : t('heard.noDate'));
  const { consultations, quotes } = heard;
  const withThemes = consultations.filter((c) => c.themes.length > 0);
  if (consultations.length === 0) return <p data-testid="no-consultations">{t('heard.noConsultations')}</p>;
  return (
    <>
      <h2>{t('heard.consultations')}</h2>
      <ScrollTable data-testid="heard-consultations" caption={t('heard.consultations')} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t('heard.consultation')}</th>
            <th scope="col">{t('heard.opens')}</th>
            <th scope="col">{t('heard.closes')}</th>
            <th scope="col">{t('heard.status')}</th>
            <th scope="col" className="numeric">
              {t('heard.responses')}
            </th>
          </tr>
        </thead>
        <tbody>
          {consultations.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/admin/consultations/${c.id}/results`}>{c.title}</Link>
              </th>
              <td>{date(c.opensAt)}</td>
              <td>{date(c.closesAt)}</td>
              <td>{t(`heard.statuses.${c.status}`)}</td>
              <td className="numeric">
                <Count cell={c.responses} />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      <h2>{t('heard.themes')}</h2>
      {withThemes.length === 0 ? (
        <p>{t('heard.noThemes')}</p>
      ) : (
        <>
          <p>{t('heard.themesIntro')}</p>
          <HeardChart
            id="heard-chart"
            title={t('chart.title')}
            groups={withThemes.map((c) => ({
              id: c.id,
              label: `${date(c.opensAt)} – ${c.title}`,
              bars: c.themes.map((theme) => ({ id: theme.id, label: theme.name, share: theme.share })),
            }))}
          />
          <ScrollTable data-testid="heard-themes" caption={t('chart.title')}>
            <thead>
              <tr>
                <th scope="col">{t('heard.consultation')}</th>
                <th scope="col">{t('heard.theme')}</th>
                {priorityNames && <th scope="col">{t('heard.priority')}</th>}
                <th scope="col" className="numeric">
                  {t('heard.mentions')}
                </th>
                <th scope="col" className="numeric">
                  {t('heard.coded')}
                </th>
                <th scope="col" className="numeric">
                  {t('heard.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {withThemes.flatMap((c) =>
                c.themes.map((theme) => (
                  <tr key={theme.id} data-theme={theme.id}>
                    <td>
                      {date(c.opensAt)} – {c.title}
                    </td>
                    <th scope="row">{theme.name}</th>
                    {priorityNames && <td>{priorityNames[theme.priorityId]}</td>}
                    <td className="numeric">
                      <Count cell={theme.mentions} />
                    </td>
                    <td className="numeric">
                      <Count cell={c.codedAnswers} />
                    </td>
                    <td className="numeric">
                      <Share share={theme.share} />
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </ScrollTable>
        </>
      )}
      <p className="hint">{t('figures.note', { threshold })}</p>

      <h2>{t('heard.quotes')}</h2>
      {quotes.length === 0 ? (
        <p>{t('heard.noQuotes')}</p>
      ) : (
        <ul className="quote-list" data-testid="heard-quotes">
          {quotes.map((quote) => (
            <QuoteCard key={quote.id} quote={quote} showConsultation />
          ))}
        </ul>
      )}
    </>
  );
}
