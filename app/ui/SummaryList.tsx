import { Link } from '@remix-run/react';

export interface SummaryRow {
  id: string;
  label: string;
  answer: string[];
  href: string;
}

interface Props {
  rows: SummaryRow[];
  /** Shown for a question left unanswered. */
  empty: string;
  change: string;
  /** The hidden words after "Change", so each link says what it changes: "Change your answer to: …". */
  changeLabel: (question: string) => string;
}

/** GOV.UK summary list: each answer with a link back to change it. */
export function SummaryList({ rows, empty, change, changeLabel }: Props) {
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.id} id={`row-${row.id}`}>
          <dt className="summary-list__key">{row.label}</dt>
          <dd className="summary-list__value">
            {row.answer.length === 0 ? <span className="hint">{empty}</span> : row.answer.map((line, i) => <p key={i}>{line}</p>)}
          </dd>
          <dd className="summary-list__actions">
            <Link to={row.href}>
              <span aria-hidden="true">{change}</span>
              <span className="visually-hidden">{changeLabel(row.label)}</span>
            </Link>
          </dd>
        </div>
      ))}
    </dl>
  );
}
