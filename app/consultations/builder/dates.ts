// Officers type dates and times as a clock in Stockport shows them; they are stored as UTC ISO
// strings like every other timestamp, so British Summer Time is applied here and nowhere else.

export const COUNCIL_TIME_ZONE = 'Europe/London';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: COUNCIL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function londonFields(at: Date) {
  const get = (type: string) => Number(parts.formatToParts(at).find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** How far London's clock is ahead of UTC at a moment, in milliseconds. */
function offsetAt(at: Date): number {
  const f = londonFields(at);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute) - Math.floor(at.getTime() / 60000) * 60000;
}

/** "2026-03-31" and "17:00" on a London clock as a UTC ISO string, or null when not a real date. */
export function londonToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  // The offset at the guessed instant, then again at the corrected one (for the changeover days).
  let utc = wall - offsetAt(new Date(wall));
  utc = wall - offsetAt(new Date(utc));
  return new Date(utc).toISOString();
}

/** A stored UTC ISO string as the date and time a London clock shows, for the form's inputs. */
export function isoToLondon(iso: string | null): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const f = londonFields(new Date(iso));
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${f.year}-${pad(f.month)}-${pad(f.day)}`, time: `${pad(f.hour)}:${pad(f.minute)}` };
}
