import { useLocation } from '@remix-run/react';
import { useEffect } from 'react';

/**
 * After moving to another page of a form without a page load (JavaScript on), focus goes to the
 * new page's heading, so a screen reader announces the question changed, as a page load would;
 * when the page shows an error summary, the summary takes focus instead (ErrorSummary). The first
 * page loaded keeps the browser's own focus (and the summary's autofocus without JavaScript).
 */
export function useHeadingFocus(): void {
  const location = useLocation();
  useEffect(() => {
    if (location.key === 'default') return;
    const main = document.getElementById('main-content');
    if (!main || main.querySelector('.error-summary')) return;
    const heading = main.querySelector('h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }, [location.key]);
}
