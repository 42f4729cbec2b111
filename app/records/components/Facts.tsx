import type { ReactNode } from 'react';

/** Label and value pairs, as a GOV.UK summary list without change links. */
export function Facts({ rows, testId }: { rows: readonly { label: string; value: ReactNode }[]; testId?: string }) {
  return (
    <dl className="summary-list" data-testid={testId}>
      {rows.map((row) => (
        <div className="summary-list__row" key={row.label}>
          <dt className="summary-list__key">{row.label}</dt>
          <dd className="summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
