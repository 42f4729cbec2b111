import { useId, type ReactNode, type TableHTMLAttributes } from 'react';

/**
 * A wide table's own scrolling box, so a 320 px screen scrolls the table rather than the page
 * (WCAG 1.4.10): a named region a keyboard can reach and scroll (tabIndex 0), with a shadow at the
 * edge where more of the table lies (admin.css, .table-wrapper). `labelledBy`: the id of the
 * table's caption or heading.
 */
export function ScrollRegion({ labelledBy, className, children }: { labelledBy: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `table-wrapper ${className}` : 'table-wrapper'} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/** A table in its own ScrollRegion, named by its caption (shown, or only to screen readers with `captionHidden`). */
export function ScrollTable({
  caption,
  captionHidden = false,
  className = 'table',
  children,
  ...table
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  className?: string;
  children: ReactNode;
} & Omit<TableHTMLAttributes<HTMLTableElement>, 'className' | 'children'>) {
  const id = useId();
  return (
    <ScrollRegion labelledBy={id}>
      <table className={className} {...table}>
        <caption id={id} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </ScrollRegion>
  );
}
