// Article jobs: what a producer puts on the queue and the plain function a worker runs on it.
// The job data is the batch Task (a JSON line, a text file or an HTML page), so `enqueue` takes
// the same inputs as `extract`, and the processor calls the same ingest as `factsheet ingest`.
import { FactsheetError } from '../errors';
import { parseInput } from '../input/article';
import { articleFromHtml } from '../input/html';
import type { Task } from '../batch/task';
import { defaultId, ingestArticle, textHash, type Extractor } from '../store/service';
import { ArticleIngest, type FactStore, type IngestOutcome } from '../store/types';

export type ArticleJob = Task;
export interface JobResult {
  articleId: string;
  version: number;
  outcome: IngestOutcome;
}

/** An article that can never be stored (bad JSON, a missing or invalid field): fail at once, no retries. */
export class BadArticleError extends Error {}

/** The id and text the job will store, as far as they can be read without validating. */
function identity(job: ArticleJob): { id: string | null; text: string } {
  if (job.kind !== 'json') return { id: job.id, text: job.payload };
  try {
    const o = JSON.parse(job.payload) as { id?: unknown; text?: unknown };
    return { id: typeof o.id === 'string' ? o.id : null, text: typeof o.text === 'string' ? o.text : job.payload };
  } catch {
    return { id: null, text: job.payload };
  }
}

/**
 * Job id = article id + text hash: enqueueing the same article twice adds nothing, an edited text
 * is a new job. BullMQ ids may not contain ':' (article ids may), so ':' is written %3A.
 */
export function jobIdFor(job: ArticleJob): string {
  const { id, text } = identity(job);
  return `${(id ?? defaultId(text)).replace(/%/g, '%25').replace(/:/g, '%3A')}#${textHash(text).slice(0, 16)}`;
}

/** The article a job carries, validated; BadArticleError names the field. */
export function articleOf(job: ArticleJob): ArticleIngest {
  let raw: unknown;
  if (job.kind === 'json') {
    try {
      raw = JSON.parse(job.payload);
    } catch (e) {
      throw new BadArticleError(`not JSON: ${(e as Error).message}`);
    }
  } else if (job.kind === 'html') {
    const page = articleFromHtml(job.payload);
    raw = {
      id: job.id,
      text: page.text,
      publishedAt: job.publishedAt ?? page.publishedAt ?? undefined,
      title: job.title ?? page.title ?? undefined,
    };
  } else {
    raw = { id: job.id, text: job.payload, publishedAt: job.publishedAt, title: job.title };
  }
  // options given to `enqueue` (--published, --title) fill what a JSON line leaves out
  if (job.kind === 'json' && raw && typeof raw === 'object' && !Array.isArray(raw)) {
    raw = { ...(job.publishedAt && { publishedAt: job.publishedAt }), ...(job.title && { title: job.title }), ...raw };
  }
  // the same validation as every other shell (schema, text limit, binary check), failing the job at once
  try {
    return parseInput(ArticleIngest, raw, job);
  } catch (e) {
    if (e instanceof FactsheetError) throw new BadArticleError(e.message);
    throw e;
  }
}

/** The processor: extract and store one article. Storing is idempotent, so a retried or re-run job stores it once. */
export async function processArticleJob(job: ArticleJob, store: FactStore, extractor?: Extractor): Promise<JobResult> {
  const { record, outcome } = await ingestArticle(store, articleOf(job), extractor);
  return { articleId: record.id, version: record.version, outcome };
}
