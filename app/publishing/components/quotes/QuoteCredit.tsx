import { useTranslation } from 'react-i18next';
import { creditText, type Credit } from '~/publishing/quotes/credit';

/** A quote's credit in the reader's language: "Millie, aged 16 to 17, Reddish North". */
export function QuoteCredit({ credit }: { credit: Credit }) {
  const { t } = useTranslation('quotes');
  return <>{creditText(credit, (key, options) => t(key, options ?? {}))}</>;
}
