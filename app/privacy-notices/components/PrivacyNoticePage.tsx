import { Link } from '@remix-run/react';
import { Trans, useTranslation } from 'react-i18next';
import type { PrivacyNotice } from '~/privacy-notices/notice';
import { formatDate } from '~/platform/i18n/format';
import { usePageLocale } from '~/platform/i18n/use-locale';
import { Prose } from '~/ui/Prose';
import { ContactLines } from './ContactLines';

/** Where a resident asks to see or erase their answers (issue 18's requests page). */
export const YOUR_DATA_PATH = '/your-data';

/** A consultation's privacy notice for residents: who, why, on what basis, who sees it, how long, rights, contact. */
export function PrivacyNoticePage({ notice }: { notice: PrivacyNotice }) {
  const { t } = useTranslation('survey');
  const locale = usePageLocale();
  const { controller, retention } = notice;
  return (
    <div className="narrow">
      <Link to={`/consultations/${notice.slug}`} className="back-link">
        {t('privacyNotice.back')}
      </Link>
      <h1>{t('privacyNotice.title', { title: notice.title })}</h1>
      <p className="lead">{t('privacyNotice.lead', { controller })}</p>

      <h2>{t('privacyNotice.whoHeading')}</h2>
      <p>{t('privacyNotice.who', { controller })}</p>

      <h2>{t('privacyNotice.whyHeading')}</h2>
      {notice.purpose ? <Prose text={notice.purpose} /> : <p>{t('privacyNotice.whyDefault')}</p>}

      <h2>{t('privacyNotice.basisHeading')}</h2>
      <p>{t(`privacyNotice.basis.${notice.lawfulBasis}`)}</p>
      {notice.asksAboutYou && <p>{t(`privacyNotice.special.${notice.specialCategoryCondition}`)}</p>}

      <h2>{t('privacyNotice.shareHeading')}</h2>
      {notice.sharedWith ? <Prose text={notice.sharedWith} /> : <p>{t('privacyNotice.shareDefault')}</p>}
      <p>{t('privacyNotice.published', { threshold: notice.disclosureThreshold })}</p>

      <h2>{t('privacyNotice.keepHeading')}</h2>
      <p>{t('privacyNotice.what')}</p>
      <p>
        {t('privacyNotice.keepMonths', { count: retention.months })}
        {retention.until && <> {t('privacyNotice.keepUntil', { date: formatDate(`${retention.until}T12:00:00Z`, locale) })}</>}
      </p>
      <p>
        {t(`privacyNotice.freeText.${retention.freeText}`)} {notice.asksAboutYou && t(`privacyNotice.aboutYou.${retention.aboutYou}`)}
      </p>
      {retention.anonymisedAt && <p>{t('privacyNotice.anonymised', { date: formatDate(retention.anonymisedAt, locale) })}</p>}
      <p>{t('privacyNotice.publishedStays')}</p>

      <h2>{t('privacyNotice.rightsHeading')}</h2>
      <p>{t('privacyNotice.rights')}</p>
      <p>
        <Link to={YOUR_DATA_PATH}>{t('privacyNotice.rightsLink')}</Link>
      </p>
      <p>{t('privacyNotice.complain')}</p>

      <h2>{t('privacyNotice.contactHeading')}</h2>
      {notice.contact ? (
        <>
          <p>{t('privacyNotice.contact')}</p>
          <ContactLines contact={notice.contact} />
        </>
      ) : (
        <p>{t('privacyNotice.contactNone', { controller })}</p>
      )}
      <p>
        <Trans t={t} i18nKey="privacyNotice.siteNotice" components={[<Link key="site" to="/privacy" />]} />
      </p>
    </div>
  );
}
