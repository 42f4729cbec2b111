import { useLocation } from '@remix-run/react';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A form page's heading, which takes focus as the page arrives, so a screen reader announces the
 * new page (its title names it too): the browser's autofocus after a page load without JavaScript,
 * and this effect after moving between pages with it (React autofocuses only form controls). An
 * error summary takes focus instead: it comes first and is autofocused too (ErrorSummary).
 */
export function PageHeading({ className, children }: { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    // The first page loaded keeps what the browser chose; a page with problems gives the summary the focus.
    if (key === 'default' || document.querySelector('.error-summary')) return;
    ref.current?.focus();
    // Only as the heading arrives: a new attempt to send the same page does not move the focus here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    // eslint-disable-next-line jsx-a11y/no-autofocus -- focus on the heading is how the change of page is announced
    <h1 ref={ref} className={className} tabIndex={-1} autoFocus>
      {children}
    </h1>
  );
}
