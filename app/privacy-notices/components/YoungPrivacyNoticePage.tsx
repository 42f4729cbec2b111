import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { PrivacyNotice } from '~/privacy-notices/notice';
import { youthPath } from '~/consultations/versions/youth-paths';
import { Prose } from '~/ui/Prose';
import { ContactLines } from './ContactLines';
import { YOUR_DATA_PATH } from './PrivacyNoticePage';

/** The same notice in young people's plain words: the fixed wording reads at grade 5 or below. */
export function YoungPrivacyNoticePage({ notice }: { notice: PrivacyNotice }) {
  const { t } = useTranslation('youth');
  const { retention } = notice;
  return (
    <div className="narrow youth">
      <h1>{t('privacyNotice.title')}</h1>
      <p className="lead">{t('privacyNotice.who', { controller: notice.controller })}</p>

      <h2>{t('privacyNotice.whyHeading')}</h2>
      {notice.purposeYoung ? <Prose text={notice.purposeYoung} /> : <p>{t('privacyNotice.whyDefault')}</p>}

      <h2>{t('privacyNotice.basisHeading')}</h2>
      <p>{t(`privacyNotice.basis.${notice.lawfulBasis}`)}</p>
      {notice.asksAboutYou && <p>{t('privacyNotice.aboutYou')}</p>}

      <h2>{t('privacyNotice.keepHeading')}</h2>
      <p>{t('privacy.what')}</p>
      <p>{t('privacy.under13')}</p>
      <p>
        {t('privacyNotice.keep', { count: retention.months })} {retention.freeText === 'redact' && t('privacyNotice.keepWords')}
      </p>

      <h2>{t('privacyNotice.shareHeading')}</h2>
      <p>{t('privacyNotice.share')}</p>
      <p>{t('privacy.words')}</p>

      <h2>{t('privacyNotice.rightsHeading')}</h2>
      <p>{t('privacyNotice.rights')}</p>
      <p>
        <Link to={YOUR_DATA_PATH}>{t('privacyNotice.rightsLink')}</Link>
      </p>

      <h2>{t('privacyNotice.helpHeading')}</h2>
      <p>{t('privacyNotice.help')}</p>
      {notice.contact && (
        <>
          <p>{t('privacyNotice.contact')}</p>
          <ContactLines contact={notice.contact} />
        </>
      )}
      <p>
        <Link to={youthPath(notice.slug)}>{t('privacyNotice.back')}</Link>
      </p>
    </div>
  );
}
