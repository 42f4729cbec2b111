/** A data protection contact as typed: an email address becomes a link, a postal address keeps its lines. */
export function ContactLines({ contact }: { contact: string }) {
  const lines = contact
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <p>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 && <br />}
          {/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(line) ? <a href={`mailto:${line}`}>{line}</a> : line}
        </span>
      ))}
    </p>
  );
}
