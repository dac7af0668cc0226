// The extraction work the HTTP API hands to its worker pool, as plain data in and out, so the
// same function runs in a worker thread and in-process (tests). HTML parsing happens here too:
// Readability on a hostile page is as slow as any extraction.
import { ArticleInput, looksBinary } from '../core/article';
import { extract, InputError, type ExtractTrace } from '../core/extract';
import type { FactSheet, Section } from '../core/factsheet';
import { articleFromHtml } from '../batch/html';
import { runTask } from '../batch/task';

export interface SheetOptions { publishedAt?: string | null; title?: string | null; include?: Section[] }

export type Job =
  /** validated text → the response body (JSON) */
  | { op: 'extract'; text: string; options: SheetOptions }
  /** an HTML page → its article text, validated, → the response body with `text` */
  | { op: 'html'; html: string; options: SheetOptions; maxText: number }
  /** one NDJSON batch line → its output line (a sheet or {id, error}) */
  | { op: 'line'; line: string; id: string; maxText: number }
  /** validated text → the sheet itself (the store keeps it) */
  | { op: 'sheet'; text: string; options: SheetOptions };

/** Milliseconds per pass of the core, for the metrics. */
export type Passes = Partial<Record<'document' | Section, number>>;

export type JobResult =
  | { kind: 'json'; body: string; passes: Passes }
  | { kind: 'line'; line: string; failed: boolean }
  | { kind: 'sheet'; sheet: FactSheet; passes: Passes }
  | { kind: 'problem'; status: number; title: string; detail: string; field: string };

const HtmlArticle = ArticleInput.omit({ id: true });

function traced(): { trace: ExtractTrace; passes: Passes } {
  const passes: Passes = {};
  return { passes, trace: { now: () => performance.now(), pass: (name, ms) => { passes[name] = ms; } } };
}

const invalid = (detail: string, field: string): JobResult => ({ kind: 'problem', status: 400, title: 'Invalid input', detail, field });

function sheetOf(text: string, options: SheetOptions, trace: ExtractTrace): FactSheet | JobResult {
  try { return extract(text, options, trace); } catch (e) {
    if (e instanceof InputError) return invalid(e.message, e.field);
    throw e;
  }
}

export function runJob(job: Job): JobResult {
  if (job.op === 'line') {
    const { result } = runTask({ id: job.id, kind: 'json', payload: job.line, maxText: job.maxText });
    return { kind: 'line', line: JSON.stringify(result), failed: 'error' in result };
  }
  const { trace, passes } = traced();
  if (job.op === 'html') {
    const page = articleFromHtml(job.html);
    const parsed = HtmlArticle.safeParse({ text: page.text, publishedAt: job.options.publishedAt ?? page.publishedAt ?? undefined, title: job.options.title ?? page.title ?? undefined, include: job.options.include });
    if (!parsed.success) return invalid(parsed.error.issues[0].message, parsed.error.issues[0].path.join('.') || 'text');
    const { text, publishedAt, title, include } = parsed.data;
    if (text.length > job.maxText) return { kind: 'problem', status: 413, title: 'Text too large', detail: `the page's article text is ${text.length} characters; the limit is ${job.maxText}`, field: 'text' };
    if (looksBinary(text)) return invalid('text looks like binary data, not an article', 'text');
    const sheet = sheetOf(text, { publishedAt, title, include }, trace);
    return 'kind' in sheet ? sheet : { kind: 'json', body: JSON.stringify({ ...sheet, text }), passes };
  }
  const sheet = sheetOf(job.text, job.options, trace);
  if ('kind' in sheet) return sheet;
  return job.op === 'sheet' ? { kind: 'sheet', sheet, passes } : { kind: 'json', body: JSON.stringify(sheet), passes };
}
