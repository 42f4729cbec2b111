// The dates a spreadsheet holds: ISO (2026-03-14, 2026-03-14T10:30), British day-first
// (14/03/2026, 14/3/2026 10:30), or a real date cell, which the reader turns into ISO.

import { londonToIso } from '~/consultations/builder/dates';

const pad = (n: string) => n.padStart(2, '0');

/**
 * The moment a cell names, or null when it is not a real date. Without a zone, the time is
 * what a Stockport clock showed (GMT or BST); a day alone is midday there.
 */
export function parseDate(text: string): Date | null {
  const value = text.trim();
  let day: string;
  let time: string | undefined;
  let zone: string | undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  const british = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}:\d{2}(?::\d{2})?))?$/.exec(value);
  if (iso) {
    day = iso[1]!;
    time = iso[2];
    zone = iso[3];
  } else if (british) {
    day = `${british[3]}-${pad(british[2]!)}-${pad(british[1]!)}`;
    time = british[4] ? pad(british[4]) : undefined;
  } else {
    return null;
  }
  const clock = time ?? '12:00';
  const local = zone ? null : londonToIso(day, clock.slice(0, 5));
  const date = zone ? new Date(`${day}T${clock}${zone}`) : local ? new Date(local) : null;
  if (!date || Number.isNaN(date.getTime())) return null;
  // "2026-02-30" parses as 2 March: the day must come back as written.
  const [y, m, d] = day.split('-').map(Number);
  const check = new Date(Date.UTC(y!, m! - 1, d!));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m! - 1 || check.getUTCDate() !== d) return null;
  return date;
}
