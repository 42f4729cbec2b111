import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from '@remix-run/react';

export interface NavItem {
  to: string;
  label: string;
  /** Current only on this exact address, not on the pages under it. */
  end?: boolean;
}

/** The item the address is on: the longest match, so a page under a tab marks that tab. */
export function currentItem(items: NavItem[], pathname: string): NavItem | undefined {
  return items
    .filter((item) => (item.end ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`)))
    .sort((a, b) => b.to.length - a.to.length)[0];
}

/**
 * A navigation folded behind a disclosure ("Menu: Results") on a narrow screen, so its links do not
 * fill a phone's first screen, and a plain wrapping list on a wide one. A <details>, so it opens
 * without JavaScript; admin.css shows it open and hides the summary above the breakpoint. With
 * JavaScript, following a link folds it again.
 */
export function CollapsibleNav({
  label,
  menu,
  current,
  className,
  children,
}: {
  label: string;
  /** The disclosure's words ("Menu"). */
  menu: string;
  /** The page the reader is on, named beside the disclosure's words. */
  current?: string;
  className: string;
  children: ReactNode;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);
  return (
    <nav className={`collapsible ${className}`} aria-label={label}>
      <details className="collapsible__details" ref={details}>
        <summary className="collapsible__summary">
          <span className="collapsible__menu">{menu}</span>
          {current && <span className="collapsible__current">{current}</span>}
        </summary>
        {children}
      </details>
    </nav>
  );
}
