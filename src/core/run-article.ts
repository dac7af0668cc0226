// One article in, one fact sheet or one error out — the unit of work of the CLI, the batch API
// and the store. Never throws for bad input.
import { ArticleInput, looksBinary } from './article';
import { extract, InputError } from './extract';
import type { FactSheet } from './factsheet';

export interface ArticleError { id: string | null; error: { type: string; title: string; detail: string; field: string | null } }
export type ArticleResult = ({ id: string | null } & FactSheet) | ArticleError;

export function problem(id: string | null, title: string, detail: string, field: string | null): ArticleError {
  return { id, error: { type: `https://factsheet.dev/problems/${title.toLowerCase().replace(/\s+/g, '-')}`, title, detail, field } };
}

export function runArticle(raw: unknown, maxTextLength: number): ArticleResult {
  const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
  const parsed = ArticleInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return problem(id, 'Invalid input', issue.message, issue.path.join('.') || null);
  }
  const a = parsed.data;
  if (a.text.length > maxTextLength) return problem(id, 'Text too large', `text is ${a.text.length} characters; the limit is ${maxTextLength}`, 'text');
  if (looksBinary(a.text)) return problem(id, 'Invalid input', 'text looks like binary data, not an article', 'text');
  try {
    return { id: a.id ?? null, ...extract(a.text, { publishedAt: a.publishedAt, title: a.title, include: a.include }) };
  } catch (e) {
    if (e instanceof InputError) return problem(id, 'Invalid input', e.message, e.field);
    return problem(id, 'Extraction failed', e instanceof Error ? e.message : String(e), null);
  }
}
