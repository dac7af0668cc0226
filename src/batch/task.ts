// One unit of batch work, the same in a worker thread and in-process: a JSON line, a plain-text
// file or an HTML page in, a fact sheet (or {id, error}) out.
import { problem, runArticle, type ArticleResult } from '../core/run-article';
import { articleFromHtml } from './html';

export interface Task {
  id: string | null;
  kind: 'json' | 'text' | 'html';
  payload: string;
  publishedAt?: string;
  title?: string;
  maxText: number;
}

/** The result, plus the text its offsets refer to (extracted text for HTML pages). */
export interface TaskResult { result: ArticleResult & { text?: string }; text: string | null }

export function runTask(task: Task): TaskResult {
  try { return runUnsafe(task); } catch (e) {
    return { result: problem(task.id, 'Extraction failed', e instanceof Error ? e.message : String(e), null), text: null };
  }
}

function runUnsafe(task: Task): TaskResult {
  if (task.kind === 'json') {
    let raw: unknown;
    try { raw = JSON.parse(task.payload); } catch (e) {
      return { result: problem(task.id, 'Invalid JSON', (e as Error).message, null), text: null };
    }
    if (raw && typeof raw === 'object' && !Array.isArray(raw) && task.id && (raw as { id?: unknown }).id === undefined) raw = { ...raw, id: task.id };
    const result = runArticle(raw, task.maxText);
    const text = raw && typeof raw === 'object' && typeof (raw as { text?: unknown }).text === 'string' ? (raw as { text: string }).text : null;
    return { result, text };
  }
  if (task.kind === 'html') {
    const page = articleFromHtml(task.payload);
    const result = runArticle({ id: task.id, text: page.text, publishedAt: task.publishedAt ?? page.publishedAt ?? undefined, title: task.title ?? page.title ?? undefined }, task.maxText);
    return { result: 'error' in result ? result : { ...result, text: page.text }, text: page.text };
  }
  return { result: runArticle({ id: task.id, text: task.payload, publishedAt: task.publishedAt, title: task.title }, task.maxText), text: task.payload };
}
