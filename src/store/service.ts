// Ingest and reindex: extraction outside the write transaction, storage inside it.
import { createHash } from 'node:crypto';
import { extract } from '../core/extract';
import type { FactSheet } from '../core/factsheet';
import { EXTRACTOR_VERSION } from '../core/version';
import type { ArticleIngest, ArticleRecord, FactStore, IngestOutcome } from './types';

export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Without an id, the article is identified by its text, so re-sending it is a no-op. */
export const defaultId = (text: string): string => `sha256:${textHash(text).slice(0, 24)}`;

/** Extraction as ingest sees it: in this thread (the default) or on a worker-thread pool (queue workers). */
export type Extractor = (text: string, o: { publishedAt?: string; title?: string }) => FactSheet | Promise<FactSheet>;
const inThread: Extractor = (text, o) => extract(text, o);

export async function ingestArticle(store: FactStore, input: ArticleIngest, extractor: Extractor = inThread)
  : Promise<{ record: ArticleRecord; outcome: IngestOutcome }> {
  const id = input.id ?? defaultId(input.text);
  const hash = textHash(input.text);
  if (await store.headHash(id) === hash) return { record: (await store.getArticle(id))!.record, outcome: 'unchanged' };
  const sheet = await extractor(input.text, { publishedAt: input.publishedAt, title: input.title });
  return store.save({ ...input, id }, hash, { ...sheet, id });
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
