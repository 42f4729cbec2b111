import { findPhoneNumbersInText } from 'libphonenumber-js/max';

// Contact details written inside free-text answers, taken out before an answer leaves Heard in
// an export. Residents write things like "email me at jo@example.org" or "my house in SK4 2AB
// floods": the export keeps the answer and replaces each detail with a marker that says what
// was there. Err on the side of removing: a marker where a number was not a phone number costs
// a reader little; a phone number left in a published file cannot be taken back.
//
// - email addresses: anything@domain.tld, also written with " at " / "(at)" and " dot ";
// - phone numbers: Google's numbering data (libphonenumber-js), UK by default and international
//   with +, "extended" (any possible number, not only valid ones), so numbers from Ofcom's
//   drama ranges and ones with unusual spacing or brackets are found too;
// - UK postcodes: full ones in any case and spacing ("SK4 2AB", "sk42ab"), and a postcode's
//   sector written in capitals ("SK4 2", "SK4 2A"). Postcode areas are the real ones (SK, M,
//   OL...), so road names like "A6 2" are left alone. A district alone ("SK4") is not removed:
//   the export has the respondent's postcode district as a column already.

export const REDACTED = { email: '[email removed]', phone: '[phone removed]', postcode: '[postcode removed]' } as const;

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const SPELT_EMAIL =
  /[\p{L}\p{N}._%+-]+\s*(?:\(at\)|\[at\]|\s+at\s+)\s*[\p{L}\p{N}-]+(?:\s*(?:\(dot\)|\[dot\]|\s+dot\s+|\.)\s*[\p{L}\p{N}-]+)*\s*(?:\(dot\)|\[dot\]|\s+dot\s+)\s*(?:com|org|net|uk|gov|ac|co|io|info)\b/giu;

/** Spelt-out addresses always spell out a dot: only text with one is searched for them. */
const SPELT_DOT = /\bdot\b/i;

const AREAS =
  'AB|AL|BA|BB|BD|BF|BH|BL|BN|BR|BS|BT|BX|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|EC|' +
  'EH|EN|EX|FK|FY|GL|GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|ME|' +
  'MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|' +
  'TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE|B|E|G|L|M|N|S|W';
const OUTCODE = `(?:${AREAS})(?:\\d[A-Z]|\\d{1,2})`;
/** A full postcode, any case, with or without the space. */
const FULL_POSTCODE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${OUTCODE}\\s*\\d[ABD-HJLNP-UW-Z]{2}|GIR\\s*0AA)(?![\\p{L}\\p{N}])`, 'giu');
/** A sector ("SK4 2") or a postcode missing its last letter ("SK4 2A"), in capitals only. */
const PARTIAL_POSTCODE = new RegExp(`(?<![\\p{L}\\p{N}])${OUTCODE}\\s+\\d[ABD-HJLNP-UW-Z]?(?![\\p{L}\\p{N}])`, 'gu');

/** Phone numbers have at least 9 digits: text with fewer is not searched (most answers). */
function hasManyDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits >= 9) return true;
  }
  return false;
}

function redactPhones(text: string): string {
  if (!hasManyDigits(text)) return text;
  const found = findPhoneNumbersInText(text, { defaultCountry: 'GB', extended: true });
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const match of found) {
    out += text.slice(at, match.startsAt) + REDACTED.phone;
    at = match.endsAt;
  }
  return out + text.slice(at);
}

const HAS_DIGIT = /\d/;

/** The text with email addresses, phone numbers and postcodes replaced by markers. */
export function redactContactDetails(text: string): string {
  let out = text;
  if (out.includes('@')) out = out.replace(EMAIL, REDACTED.email);
  if (SPELT_DOT.test(out)) out = out.replace(SPELT_EMAIL, REDACTED.email);
  // Everything below needs a digit: most answers stop here.
  if (!HAS_DIGIT.test(out)) return out;
  out = redactPhones(out);
  out = out.replace(FULL_POSTCODE, REDACTED.postcode);
  return out.replace(PARTIAL_POSTCODE, REDACTED.postcode);
}
