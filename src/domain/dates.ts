// Dates as the format writes them: YYYY, YYYY-MM or YYYY-MM-DD. A partial date stands for its first day, so
// "2022-09" is 1 September 2022; full dates then compare as strings.
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The YYYY-MM-DD a date stands for (its first day when partial), or undefined when it is no calendar date. */
export function dayOf(date: string): string | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return undefined;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  if (day < 1 || day > days[month - 1]!) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** a < b, a = b, a > b as -1, 0, 1 (both valid dates; an invalid one sorts as written). */
export function compareDates(a: string, b: string): number {
  const x = dayOf(a) ?? a;
  const y = dayOf(b) ?? b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Does [from, until) contain the date? An end left out is open. */
export function inSpan(date: string, span: { readonly from?: string; readonly until?: string }): boolean {
  if (span.from !== undefined && compareDates(date, span.from) < 0) return false;
  if (span.until !== undefined && compareDates(date, span.until) >= 0) return false;
  return true;
}
