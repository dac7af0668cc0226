// One unit of batch work, the same in a worker thread and in-process: a JSON line, a plain-text
// file or an HTML page in, a fact sheet (or {id, error}) out.
import { articleFromHtml } from '../input/html';
import type { LineDefaults, Limits } from '../input/article';
import { runArticle, runLine, type ArticleResult } from '../services/run-article';
import { asFactsheetError, toLineError } from '../errors';

export interface Task extends LineDefaults, Limits {
  id: string | null;
  kind: 'json' | 'text' | 'html';
  payload: string;
}

/** The result, plus the text its offsets refer to (extracted text for HTML pages). */
export interface TaskResult {
  result: ArticleResult & { text?: string };
  text: string | null;
}

export function runTask(task: Task): TaskResult {
  try {
    return runUnsafe(task);
  } catch (e) {
    return { result: toLineError(task.id, asFactsheetError(e)), text: null };
  }
}

function runUnsafe(task: Task): TaskResult {
  const defaults = { publishedAt: task.publishedAt, title: task.title };
  if (task.kind === 'json') return runLine(task.payload, task.id, defaults, task);
  if (task.kind === 'html') {
    const page = articleFromHtml(task.payload);
    const result = runArticle(
      task.id,
      { text: page.text, publishedAt: task.publishedAt ?? page.publishedAt, title: task.title ?? page.title },
      task,
    );
    return { result: 'error' in result ? result : { ...result, text: page.text }, text: page.text };
  }
  return { result: runArticle(task.id, { text: task.payload, ...defaults }, task), text: task.payload };
}
