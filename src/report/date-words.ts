// A date as a person reads it, at the precision the scenario format gives it (YYYY, YYYY-MM or YYYY-MM-DD).
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-04-15" → "15 Apr 2022"; "2022-04" → "Apr 2022"; "2022" as it is. */
export function dateWords(date: string): string {
  const [year, month, day] = date.split('-');
  const name = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (!name) return date;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}
