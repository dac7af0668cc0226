import type { Context } from '../context';
import type { DateFact } from '../factsheet';

/**
 * Internal fields, not output. `timeOnly`: a clock time whose day the text gives elsewhere in the
 * sentence. `anchor`: a value counted from the time the text talks about ("that day", "a year later").
 */
export type DateCandidate = Omit<DateFact, 'id' | 'sentence'> & {
  timeOnly?: boolean;
  anchor?: { unit: string; shift: number };
};

/** Runs `re` (global, case-insensitive as given) over the text with teaser lines blanked. */
export function* matches(ctx: Context, re: RegExp): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(ctx.doc.clean); m; m = re.exec(ctx.doc.clean)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield m;
  }
}

export function span(ctx: Context, start: number, end: number) {
  return { start, end, text: ctx.doc.text.slice(start, end) };
}

export const NEEDS_ANCHOR = 'relative expression and no publishedAt to resolve it against';

/** Builds a candidate; relative values without a publication date stay null with the reason. */
export function dateCandidate(
  ctx: Context,
  start: number,
  end: number,
  type: DateFact['type'],
  value: string | null,
  rule: string,
  extra: Partial<DateCandidate> = {},
): DateCandidate {
  const relative = extra.relative ?? false;
  const c: DateCandidate = { ...span(ctx, start, end), type, value, approximate: false, relative, rule, ...extra };
  if (value === null && relative && !ctx.publishedAt) c.note = NEEDS_ANCHOR;
  return c;
}
