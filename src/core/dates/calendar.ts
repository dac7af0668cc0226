// Calendar arithmetic on plain Y-M-D values (UTC, no clock) and TIMEX3 value formatting.
import type { YMD } from '../context';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const fmtDay = (d: YMD) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
export const fmtMonth = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`;

const toDate = (d: YMD) => new Date(Date.UTC(d.year, d.month - 1, d.day));
const fromDate = (d: Date): YMD => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });

export const addDays = (d: YMD, n: number): YMD => {
  const x = toDate(d);
  x.setUTCDate(x.getUTCDate() + n);
  return fromDate(x);
};
export const addMonths = (y: number, m: number, n: number): [number, number] => {
  const t = y * 12 + (m - 1) + n;
  return [Math.floor(t / 12), (t % 12) + 1];
};
/** 0 = Sunday … 6 = Saturday */
export const weekday = (d: YMD) => toDate(d).getUTCDay();

/** ISO 8601 week: [isoYear, week]. */
export function isoWeek(d: YMD): [number, number] {
  const x = toDate(d);
  const day = (x.getUTCDay() + 6) % 7; // Monday = 0
  x.setUTCDate(x.getUTCDate() - day + 3); // Thursday of this week
  const isoYear = x.getUTCFullYear();
  const jan4 = new Date(Date.UTC(isoYear, 0, 4));
  const week = 1 + Math.round(((x.getTime() - jan4.getTime()) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return [isoYear, week];
}
export const fmtWeek = (d: YMD) => {
  const [y, w] = isoWeek(d);
  return `${pad(y, 4)}-W${pad(w)}`;
};

export function parseYMD(s: string): YMD | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? { year: +m[1], month: +m[2], day: +m[3] } : null;
}
