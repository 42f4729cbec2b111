import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationCard as Card } from '~/consultations/definition';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { PriorityTags } from '../../framework/components/PriorityTags';
import { YouthVersionLink } from './YouthVersionLink';

export function ConsultationCard({ card, headingLevel = 3, children }: { card: Card; headingLevel?: 2 | 3; children?: ReactNode }) {
  const { t } = useTranslation();
  const locale = usePageLocale();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card">
      <Heading className="card__title">
        <Link to={`/consultations/${card.slug}`}>{card.title}</Link>
      </Heading>
      <p className="card__meta">
        <span className={`tag tag--${card.status}`}>{t(`status.${card.status}`)}</span>
        {card.closesAt && card.status === 'open' && <span>{t('hub.closes', { date: formatDate(card.closesAt, locale) })}</span>}
        {card.closesAt && card.status !== 'open' && <span>{t('hub.closed', { date: formatDate(card.closesAt, locale) })}</span>}
        {card.status === 'open' && <span>{t('hub.minutes', { count: card.estimatedMinutes })}</span>}
      </p>
      <p>{card.summary}</p>
      {card.youthCode && card.status === 'open' && <YouthVersionLink slug={card.slug} title={card.title} />}
      <PriorityTags priorities={card.priorities} />
      {children}
    </article>
  );
}
