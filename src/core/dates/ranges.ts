// Refiner `range`: "from 1979 to 1989", "between 2014 and 2016", "1979–1989" link two dates as
// the ends of one interval; "since 2021" opens an interval that starts at its date.
import type { Refiner, YMD } from '../context';
import { dateCandidate, type DateCandidate } from './candidate';

/**
 * "between September and March": two months read in one year would end before they start — the range
 * crosses a new year. A range that has ended by the publication date starts the year before; one still
 * to come ends the year after.
 */
function crossYear(published: YMD | null, a: DateCandidate, b: DateCandidate): void {
  const ma = /^(\d{4})-(\d{2})$/.exec(a.value ?? ''),
    mb = /^(\d{4})-(\d{2})$/.exec(b.value ?? '');
  if (!ma || !mb || ma[1] !== mb[1] || +ma[2] <= +mb[2]) return;
  if (/\d{4}/.test(a.text) || /\d{4}/.test(b.text)) return; // "from November 2019 to February 2019" says so
  const year = +ma[1];
  const ended = !published || year < published.year || (year === published.year && +mb[2] <= published.month);
  if (ended) a.value = `${year - 1}-${ma[2]}`;
  else b.value = `${year + 1}-${mb[2]}`;
}

export const ranges: Refiner<DateCandidate> = {
  name: 'range',
  refine(ctx, dates) {
    const text = ctx.doc.clean;
    const spans: DateCandidate[] = [];
    dates.forEach((d, i) => {
      const next = dates[i + 1];
      const before = text.slice(Math.max(0, d.start - 10), d.start);
      if (next && d.type === 'date' && next.type === 'date') {
        const between = text.slice(d.end, next.start);
        const linked =
          (/\bfrom\s+$/i.test(before) && /^\s*(?:to|until|till|through)\s+$/i.test(between)) ||
          (/\bbetween\s+$/i.test(before) && /^\s*and\s+$/i.test(between)) ||
          /^\s*[–-]\s*$/.test(between);
        if (linked) {
          crossYear(ctx.publishedAt, d, next);
          d.range = { role: 'start', other: `${next.start}` };
          next.range = { role: 'end', other: `${d.start}` };
          // TIMEX3 also marks the interval itself: "from 2009 to 2011" is P2Y
          const years =
            /^\d{4}$/.test(d.value ?? '') && /^\d{4}$/.test(next.value ?? '') ? +next.value! - +d.value! : null;
          const lead = /\b(?:from|between)\s+$/i.exec(before);
          if (years !== null && years > 0 && lead) {
            const start = d.start - lead[0].length + (lead[0].length - lead[0].trimStart().length);
            spans.push(dateCandidate(ctx, start, next.end, 'duration', `P${years}Y`, 'range'));
          }
        }
      }
      if (!d.range && d.type === 'date' && /\bsince\s+$/i.test(before)) d.range = { role: 'start', other: null };
    });
    return [...dates, ...spans].sort((a, b) => a.start - b.start);
  },
};

/**
 * Refiner `time-anchor`: "flew Tuesday … at 18:00 UTC": a bare clock time takes the day of a date
 * before it in its sentence (or just after it: "at noon, on Tuesday"), else the last day before it in its
 * paragraph (the day the story is telling); with none, the publication day stays.
 */
export const timeAnchors: Refiner<DateCandidate> = {
  name: 'time-anchor',
  refine(ctx, dates) {
    const isDay = (d: DateCandidate) => d.type === 'date' && !!d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value);
    for (const t of dates) {
      if (!t.timeOnly || !t.value) continue;
      const s = ctx.doc.sentenceOf(t.start);
      const same = dates.filter((d) => d !== t && isDay(d) && ctx.doc.sentenceOf(d.start) === s);
      const block = ctx.doc.blockOf(t.start);
      const day =
        same.filter((d) => d.end <= t.start).pop() ??
        same.find((d) => d.start >= t.end && d.start - t.end <= 30) ??
        dates.filter((d) => isDay(d) && d.end <= t.start && block && ctx.doc.blockOf(d.start) === block).pop();
      if (day) t.value = day.value + t.value.slice(10);
    }
    return dates;
  },
};
