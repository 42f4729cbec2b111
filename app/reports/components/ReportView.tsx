import type { Block, ReportDocument } from '~/reports/document';

// The report as a print-ready page: the same document the Word and PDF files are drawn from.

function BlockView({ block, id }: { block: Block; id: string }) {
  switch (block.kind) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'subheading':
      return <h3>{block.text}</h3>;
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <div className="report-table" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="table">
            <caption className="table__caption" id={`${id}-caption`}>
              {block.caption}
            </caption>
            <thead>
              <tr>
                {block.head.map((h, i) => (
                  <th scope="col" key={i}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((value, j) =>
                    j === 0 ? (
                      <th scope="row" key={j}>
                        {value}
                      </th>
                    ) : (
                      <td key={j}>{value}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'quote':
      return (
        <figure className="report-quote">
          <blockquote>
            <p>“{block.text}”</p>
          </blockquote>
          <figcaption>– {block.credit}</figcaption>
        </figure>
      );
  }
}

export function ReportView({ report }: { report: ReportDocument }) {
  return (
    <article className="report" lang={report.locale} dir={report.dir} aria-labelledby="report-title">
      <header className="report__header">
        <p className="report__kicker">{report.kicker}</p>
        <h2 id="report-title" className="report__title">
          {report.title}
        </h2>
        {report.meta.map((line, i) => (
          <p className="report__meta" key={i}>
            {line}
          </p>
        ))}
      </header>
      {report.sections.map((section) => (
        <section className="report__section" key={section.id} aria-labelledby={`report-${section.id}`}>
          <h2 id={`report-${section.id}`}>{section.heading}</h2>
          {section.blocks.map((block, i) => (
            <BlockView block={block} id={`report-${section.id}-${i}`} key={i} />
          ))}
        </section>
      ))}
    </article>
  );
}
