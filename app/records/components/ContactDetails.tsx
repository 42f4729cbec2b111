import { useTranslation } from 'react-i18next';
import { CONTACT_KINDS } from '../categories';
import type { ContactScan } from '../contact-details.server';
import { Facts } from './Facts';

/** Contact details people wrote into their answers, and how much was read to find them. */
export function ContactDetails({ scan }: { scan: ContactScan }) {
  const { t } = useTranslation('records');
  return (
    <section aria-labelledby="contact-title">
      <h2 id="contact-title">{t('detail.contact.title')}</h2>
      <p>{t('detail.contact.intro')}</p>
      <Facts
        testId="contact-details"
        rows={[
          { label: t('detail.contact.responses'), value: scan.responses },
          ...CONTACT_KINDS.map((kind) => ({ label: t(`detail.contact.${kind}`), value: scan.byKind[kind] })),
        ]}
      />
      <p className="hint">{scan.complete ? t('detail.contact.complete', { checked: scan.checked }) : t('detail.contact.partial', { checked: scan.checked })}</p>
    </section>
  );
}
