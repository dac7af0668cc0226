// A TIMEX3 value as a closed interval of calendar days, so events can be filtered by date range.
// "2021" → 2021-01-01..2021-12-31, "2021-08" → the month, "199" → the 1990s, "2024-Q3", "2004-W47".
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function timexRange(value: string | null | undefined): [string, string] | null {
  if (!value) return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) return [`${m[1]}-${m[2]}-${m[3]}`, `${m[1]}-${m[2]}-${m[3]}`];
  if ((m = /^(\d{4})-W(\d{2})/.exec(value))) {
    const y = +m[1],
      w = +m[2];
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (w - 1) * 7 * 86400000);
    const sunday = new Date(monday.getTime() + 6 * 86400000);
    return [monday.toISOString().slice(0, 10), sunday.toISOString().slice(0, 10)];
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const y = +m[1],
      q = +m[2];
    return [`${y}-${pad(q * 3 - 2)}-01`, `${y}-${pad(q * 3)}-${lastDay(y, q * 3)}`];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${lastDay(+m[1], +m[2])}`];
  if ((m = /^(\d{4})(?:-(?:SP|SU|FA|WI))?$/.exec(value))) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  if ((m = /^(\d{3})$/.exec(value))) return [`${m[1]}0-01-01`, `${m[1]}9-12-31`];
  return null;
}
