// A reference as a resident types it: from a phone, from paper, in lower case, with spaces, with
// or without the hyphens and the HRD prefix. Checked as isReference checks a stored one
// (app/responses/reference.server.ts): digits 2-9 and any capital letter (the demo's include L).

const PARTS = /^(?:HRD)?([2-9A-Z]{4})([2-9A-Z]{4})$/;

/** HRD-XXXX-XXXX, or null when what was typed cannot be a reference. */
export function normaliseReference(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s\-–—_.]/g, '');
  const match = PARTS.exec(compact);
  return match ? `HRD-${match[1]}-${match[2]}` : null;
}
