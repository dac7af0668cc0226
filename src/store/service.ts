// Ingest and reindex: extraction outside the write transaction, storage inside it.
import { createHash } from 'node:crypto';
import { extract } from '../core/extract';
import type { FactSheet } from '../core/factsheet';
import { EXTRACTOR_VERSION } from '../core/version';
import type { ArticleIngest, ArticleRecord, FactStore, IngestOutcome } from './types';

export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * What makes a stored version: the text and the metadata sent with it, so re-sending the same
 * text with a new URL, title, source or date is a new version (the URL is kept), not
 * "unchanged". Text alone hashes as before, so versions stored without metadata still match.
 */
export function versionHash(input: ArticleIngest): string {
  const meta = [input.url ?? null, input.title ?? null, input.source ?? null, input.publishedAt ?? null];
  if (meta.every((m) => m === null)) return textHash(input.text);
  return createHash('sha256').update(JSON.stringify(meta)).update('\0').update(input.text).digest('hex');
}

/** Without an id, the article is identified by its text, so re-sending it is a no-op. */
export const defaultId = (text: string): string => `sha256:${textHash(text).slice(0, 24)}`;

/** Extraction as ingest sees it: in this thread (the default) or on a worker-thread pool (queue workers). */
export type Extractor = (text: string, o: { publishedAt?: string; title?: string }) => FactSheet | Promise<FactSheet>;
const inThread: Extractor = (text, o) => extract(text, o);

export async function ingestArticle(
  store: FactStore,
  input: ArticleIngest,
  extractor: Extractor = inThread,
): Promise<{ record: ArticleRecord; outcome: IngestOutcome }> {
  const id = input.id ?? defaultId(input.text);
  const hash = versionHash(input);
  if ((await store.headHash(id)) === hash)
    return { record: (await store.getArticle(id))!.record, outcome: 'unchanged' };
  const sheet = await extractor(input.text, { publishedAt: input.publishedAt, title: input.title });
  return store.save({ ...input, id }, hash, { ...sheet, id });
}

/**
 * The same ingest with the extraction done by the caller's `sheetOf` (the HTTP worker pool);
 * null when `sheetOf` gives up (its client went away).
 */
export async function ingestArticleWith(
  store: FactStore,
  input: ArticleIngest,
  sheetOf: (input: ArticleIngest) => Promise<FactSheet | null>,
): Promise<{ record: ArticleRecord; outcome: IngestOutcome } | null> {
  const id = input.id ?? defaultId(input.text);
  const hash = versionHash(input);
  if ((await store.headHash(id)) === hash)
    return { record: (await store.getArticle(id))!.record, outcome: 'unchanged' };
  const sheet = await sheetOf(input);
  return sheet ? store.save({ ...input, id }, hash, { ...sheet, id }) : null;
}

/** Re-extracts every newest version stored by another extractor version. */
export async function reindex(store: FactStore, onProgress?: (done: number, total: number) => void): Promise<number> {
  const ids = await store.staleArticles(EXTRACTOR_VERSION);
  for (const [i, id] of ids.entries()) {
    const stored = await store.getArticle(id);
    if (!stored) continue;
    const { record, text } = stored;
    await store.replaceSheet(id, { ...extract(text, { publishedAt: record.publishedAt, title: record.title }), id });
    onProgress?.(i + 1, ids.length);
  }
  return ids.length;
}
