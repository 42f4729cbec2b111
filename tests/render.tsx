import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Locale } from '~/platform/i18n/config';
import { i18nFor } from '~/platform/i18n/i18n.server';

/** Renders a component with the real interface text of a language, as the server does. */
export function renderIn(ui: ReactElement, locale: Locale = 'en') {
  return render(<I18nextProvider i18n={i18nFor(locale)}>{ui}</I18nextProvider>);
}
