// The extraction work the HTTP API hands to its worker pool, as plain data in and out, so the
// same function runs in a worker thread and in-process (tests). HTML parsing happens here too:
// Readability on a hostile page is as slow as any extraction. Validation is the shared input
// module's; a failure travels back as the problem's kind, detail and fields (errors cross threads as data).
import type { ExtractTimer } from '../core/extract';
import type { PartialFactSheet, Section } from '../core/factsheet';
import { asFactsheetError, FactsheetError, type FieldError, type ProblemKind } from '../errors';
import { ExtractRequest, parseInput, type ExtractQuery } from '../input/article';
import { articleFromHtml } from '../input/html';
import { extractArticle, runLine } from '../services/run-article';

export interface SheetOptions {
  publishedAt?: string | null;
  title?: string | null;
  include?: ExtractRequest['include'];
}

export type Job =
  /** validated text → the response body (JSON) */
  | { op: 'extract'; text: string; options: SheetOptions }
  /** an HTML page and the query's options → its article text, validated, → the response body with `text` */
  | { op: 'html'; html: string; query: ExtractQuery; maxText: number }
  /** one NDJSON batch line → its output line (a sheet or {id, error}) */
  | { op: 'line'; line: string; id: string; maxText: number }
  /** validated text → the sheet itself (the store keeps it) */
  | { op: 'sheet'; text: string; options: SheetOptions };

/** Milliseconds per pass of the core, for the metrics. */
export type Passes = Partial<Record<'document' | Section, number>>;

export type JobResult =
  /** the body as UTF-8: a cache hit then writes bytes without encoding them again, and a worker hands them over */
  | { kind: 'json'; body: Uint8Array; passes: Passes }
  | { kind: 'line'; line: string; failed: boolean }
  | { kind: 'sheet'; sheet: PartialFactSheet; passes: Passes }
  | { kind: 'problem'; problem: ProblemKind; detail: string; errors: FieldError[] };

function timer(): { timer: ExtractTimer; passes: Passes } {
  const passes: Passes = {};
  return {
    passes,
    timer: {
      now: () => performance.now(),
      pass: (name, ms) => {
        passes[name] = ms;
      },
    },
  };
}

// TextEncoder gives every body its own ArrayBuffer (Buffer.from may share a pooled one), so it can be transferred.
const encoder = new TextEncoder();
const utf8 = (s: string): Uint8Array => encoder.encode(s);

export function runJob(job: Job): JobResult {
  if (job.op === 'line') {
    const { result } = runLine(job.line, job.id, {}, { maxTextChars: job.maxText });
    return { kind: 'line', line: JSON.stringify(result), failed: 'error' in result };
  }
  const { timer: t, passes } = timer();
  try {
    if (job.op === 'html') {
      const page = articleFromHtml(job.html);
      const q = job.query;
      const raw = {
        text: page.text,
        publishedAt: q.publishedAt ?? page.publishedAt ?? undefined,
        title: q.title ?? page.title ?? undefined,
        include: q.include,
      };
      const a = parseInput(ExtractRequest, raw, { maxTextChars: job.maxText });
      return { kind: 'json', body: utf8(JSON.stringify({ ...extractArticle(a, t), text: a.text })), passes };
    }
    const sheet = extractArticle({ text: job.text, ...job.options }, t);
    return job.op === 'sheet'
      ? { kind: 'sheet', sheet, passes }
      : { kind: 'json', body: utf8(JSON.stringify(sheet)), passes };
  } catch (e) {
    const err = asFactsheetError(e);
    if (!(e instanceof FactsheetError) && err.kind === 'extraction-failed') throw e; // a bug: let the pool report it
    return { kind: 'problem', problem: err.kind, detail: err.message, errors: err.errors };
  }
}
