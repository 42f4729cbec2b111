/** A data protection contact as typed: an email address becomes a link, an address keeps its lines. */
export function ContactLines({ contact }: { contact: string }) {
  const lines = contact
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <address className="privacy-contact">
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 && <br />}
          {/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(line) ? <a href={`mailto:${line}`}>{line}</a> : line}
        </span>
      ))}
    </address>
  );
}
