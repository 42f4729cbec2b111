import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_PARAM, LANGUAGES, type Locale } from '~/platform/i18n/config';

/** Links to the same page in another language: plain links, so they work without JavaScript. */
function LanguageSwitcher({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  const hrefFor = (code: string) => {
    const params = new URLSearchParams(location.search);
    params.set(LANGUAGE_PARAM, code);
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav className="language-switcher" aria-label={t('language.change')}>
      <ul>
        {LANGUAGES.map((language) =>
          language.code === locale ? (
            <li key={language.code}>
              <span lang={language.code} aria-current="true">
                {language.name}
              </span>
            </li>
          ) : (
            <li key={language.code}>
              <a href={hrefFor(language.code)} lang={language.code} hrefLang={language.code}>
                {language.name}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

export function SiteHeader({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="width-container site-header__inner">
        <Link to="/" className="site-header__brand">
          <span className="site-header__name">{t('site.name')}</span>
          <span className="site-header__council">{t('site.council')}</span>
        </Link>
        <LanguageSwitcher locale={locale} />
      </div>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="width-container">
        <ul className="site-footer__links">
          <li>
            <Link to="/">{t('site.home')}</Link>
          </li>
          <li>
            <Link to="/privacy">{t('site.privacy')}</Link>
          </li>
        </ul>
        <p>{t('site.footer')}</p>
      </div>
    </footer>
  );
}
