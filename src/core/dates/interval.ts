// A TIMEX3 calendar value as the closed interval of days it names: one table of where each part of a year
// begins and ends, shared by the timeline's sort key and the store's date-range filters.
// "2021" → 2021-01-01..2021-12-31, "2021-08" the month, "199" the 1990s, "19" the 1900s, "2024-Q3", "2024-H2",
// "2024-SU" (seasons by meteorological months; winter runs into the next year), "2004-W47", "2004-W47-WE".

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const day = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** First and last month of each named part of a year (winter ends in the next year's February). */
const PARTS: Record<string, [number, number]> = {
  Q1: [1, 3],
  Q2: [4, 6],
  Q3: [7, 9],
  Q4: [10, 12],
  H1: [1, 6],
  H2: [7, 12],
  SP: [3, 5],
  SU: [6, 8],
  FA: [9, 11],
  WI: [12, 14],
};

function isoWeekMonday(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86400000 + (week - 1) * 7 * 86400000;
}

function months(year: number, from: number, to: number): [string, string] {
  const endYear = year + Math.floor((to - 1) / 12),
    endMonth = ((to - 1) % 12) + 1;
  return [`${year}-${pad(from)}-01`, `${endYear}-${pad(endMonth)}-${pad(lastDay(endYear, endMonth))}`];
}

export function timexInterval(value: string | null | undefined): [string, string] | null {
  if (!value) return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4}-\d{2}-\d{2})/.exec(value))) return [m[1], m[1]];
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) {
    const monday = isoWeekMonday(+m[1], +m[2]);
    return m[3] ? [day(monday + 5 * 86400000), day(monday + 6 * 86400000)] : [day(monday), day(monday + 6 * 86400000)];
  }
  if ((m = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(value))) return months(+m[1], ...PARTS[m[2]]);
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return months(+m[1], +m[2], +m[2]);
  if ((m = /^(\d{4})$/.exec(value))) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  if ((m = /^(\d{3})$/.exec(value))) return [`${m[1]}0-01-01`, `${m[1]}9-12-31`];
  if ((m = /^(\d{2})$/.exec(value))) return [`${m[1]}00-01-01`, `${m[1]}99-12-31`];
  return null;
}
