// `factsheet ingest`, `factsheet reindex`, `factsheet query …`: the fact store from the shell.
import fs from 'node:fs';
import readline from 'node:readline';
import type { z } from 'zod';
import { loadConfig } from '../config';
import { ArticlesQuery, ConflictsQuery, EntitiesQuery, EventsQuery, FiguresQuery, QuotesQuery } from '../store/queries';
import { openStore } from '../store/open';
import { ingestArticle, reindex } from '../store/service';
import { ArticleIngest, type FactStore } from '../store/types';
import { countLines } from '../batch/inputs';
import { Progress } from '../batch/progress';
import { fieldErrors, sentence, toLineError } from '../errors';
import { parseLineAs } from '../input/article';

export async function withStore<T>(fn: (store: FactStore) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig());
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Loads JSON Lines into the store: progress and a summary on stderr, one {id, error} line per bad input. */
export async function ingestFile(
  file: string,
  live: boolean,
): Promise<{ stored: number; unchanged: number; failed: number }> {
  const config = loadConfig();
  const store = await openStore(config);
  const counts = { stored: 0, unchanged: 0, failed: 0 };
  const progress = new Progress(process.stderr, live, file === '-' ? null : countLines(file));
  const input = file === '-' ? process.stdin : fs.createReadStream(file);
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of rl) {
      line++;
      if (!raw.trim()) continue;
      const { id, value: input, error } = parseLineAs(ArticleIngest, raw, `line:${line}`, config);
      if (!input) {
        counts.failed++;
        progress.tick(true);
        process.stderr.write(`${JSON.stringify(toLineError(id, error!))}\n`);
        continue;
      }
      const { outcome } = await ingestArticle(store, input);
      if (outcome === 'unchanged') counts.unchanged++;
      else counts.stored++;
      progress.tick(false);
    }
  } finally {
    await store.close();
  }
  progress.finish(0, `stored ${counts.stored}, unchanged ${counts.unchanged}`);
  return counts;
}

export function reindexAll(live: boolean): Promise<number> {
  return withStore(async (store) => {
    let progress: Progress | null = null;
    const n = await reindex(store, (_done, total) => {
      progress ??= new Progress(process.stderr, live, total);
      progress.tick(false);
    });
    (progress ?? new Progress(process.stderr, false, 0)).finish(0, `${n} article(s) re-extracted`);
    return n;
  });
}

const QUERIES: Record<
  string,
  { schema: z.ZodType; run: (s: FactStore, q: never) => Promise<{ items: unknown[] } | unknown[]>; columns: string[] }
> = {
  quotes: {
    schema: QuotesQuery,
    run: (s, q) => s.quotes(q),
    columns: ['publishedAt', 'articleId', 'speaker.name', 'kind', 'text'],
  },
  figures: {
    schema: FiguresQuery,
    run: (s, q) => s.figures(q),
    columns: ['publishedAt', 'articleId', 'kind', 'value', 'unit', 'text', 'subject'],
  },
  events: {
    schema: EventsQuery,
    run: (s, q) => s.events(q),
    columns: ['date.value', 'articleId', 'trigger', 'summary'],
  },
  articles: {
    schema: ArticlesQuery,
    run: (s, q) => s.listArticles(q),
    columns: ['id', 'version', 'publishedAt', 'title'],
  },
  entities: {
    schema: EntitiesQuery,
    run: (s, q) => s.listEntities(q),
    columns: ['id', 'type', 'name', 'articleCount', 'mentionCount'],
  },
  conflicts: {
    schema: ConflictsQuery,
    run: (s, q: { subject?: string }) => s.figureConflicts(q.subject),
    columns: ['kind', 'unit', 'subject', 'reason'],
  },
};

export const QUERY_KINDS = Object.keys(QUERIES);

const pick = (o: unknown, key: string): string => {
  const v = key
    .split('.')
    .reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o);
  return v === null || v === undefined ? '' : String(v);
};

export function table(rows: unknown[], columns: string[], width = 60): string {
  const cells = rows.map((r) => columns.map((c) => pick(r, c).replace(/\s+/g, ' ').slice(0, width)));
  const w = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (xs: string[]) =>
    xs
      .map((x, i) => x.padEnd(w[i]))
      .join('  ')
      .trimEnd();
  return [line(columns), line(w.map((n) => '-'.repeat(n))), ...cells.map(line)].join('\n');
}

/** Runs a query; throws with a readable message on bad filters. */
export async function runQuery(kind: string, filters: Record<string, string>, json: boolean): Promise<string> {
  const q = QUERIES[kind];
  if (!q) throw new Error(`query takes one of ${QUERY_KINDS.join(', ')}`);
  const parsed = q.schema.safeParse(filters);
  if (!parsed.success)
    throw new Error(
      fieldErrors(parsed.error, filters)
        .map((e) => `--${sentence(e)}`)
        .join('; '),
    );
  return withStore(async (store) => {
    const result = await q.run(store, parsed.data as never);
    const items = Array.isArray(result) ? result : result.items;
    return json ? JSON.stringify(result, null, 2) : table(items, q.columns);
  });
}
