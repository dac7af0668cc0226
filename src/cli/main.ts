#!/usr/bin/env node
// The `factsheet` command: extract, serve. A thin shell over the core and the HTTP app.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Format } from '../batch/runner';
import { extractBatch, extractFile, UsageError } from './extract-command';

const USAGE = `usage: factsheet <command> [options]

commands:
  extract [INPUT] [--published YYYY-MM-DD] [--title T] [--workers N] [--out PATH] [--resume]
          [--format jsonl|labelstudio|brat] [--progress]
        INPUT: JSON Lines ({id, text, publishedAt?, title?}; stdin when omitted or -), a directory of
        .txt/.html files (id = relative path), or one file. Results in input order on stdout or --out;
        a bad line yields {id, error}. One .txt/.html file without batch options is pretty-printed.
        --resume skips ids already complete in --out and repairs a half-written last line.
  serve [--port N]
        start the HTTP API (PORT / FACTSHEET_* environment variables; see README)
  ingest FILE.jsonl|-
        store articles ({id?, url?, title?, source?, publishedAt?, text} per line) with their fact sheets
  reindex
        re-extract stored articles whose sheets an older extractor made
  query quotes|figures|events|articles|entities|conflicts [--FILTER VALUE]… [--json]
        e.g. query quotes --speaker Putin --about Taliban; query figures --subject "afghan assets" --kind money
  enqueue INPUT… [--published YYYY-MM-DD] [--title T]
        add one job per article to the job queue (INPUT as for extract); job id = article id + text hash,
        so enqueueing an archive twice adds nothing
  worker [--concurrency N]
        take jobs, extract, store into the configured store; SIGTERM finishes current jobs, then exits
  jobs [retry-failed|failed]
        waiting / active / done / failed counts and throughput; retry failed jobs; list them with their errors
        (the queue commands need FACTSHEET_REDIS_URL)
  help  this text
`;

function usage(msg?: string): never {
  if (msg) process.stderr.write(`factsheet: ${msg}\n`);
  process.stderr.write(USAGE);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') { process.stdout.write(USAGE); return; }
  if (command === 'extract') {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest, allowPositionals: true,
        options: {
          published: { type: 'string' }, title: { type: 'string' }, workers: { type: 'string' }, out: { type: 'string' },
          resume: { type: 'boolean' }, format: { type: 'string' }, progress: { type: 'boolean' },
        },
      });
    } catch (e) { usage((e as Error).message); }
    const { values: v, positionals } = parsed;
    if (v.published && !/^\d{4}-\d{2}-\d{2}$/.test(v.published)) usage(`--published must be YYYY-MM-DD, got ${v.published}`);
    if (positionals.length > 1) usage('extract takes at most one INPUT');
    if (v.format && !['jsonl', 'labelstudio', 'brat'].includes(v.format)) usage(`--format is jsonl, labelstudio or brat, not ${v.format}`);
    const workers = v.workers === undefined ? undefined : Number(v.workers);
    if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 256)) usage(`--workers must be a whole number from 1 to 256, got ${v.workers}`);
    const input = positionals[0];
    const batchFlags = v.out || v.format || v.workers || v.resume || v.progress;
    // one text or HTML file and no batch options: pretty-print its sheet
    if (input && input !== '-' && !batchFlags && fs.existsSync(input) && fs.statSync(input).isFile() && !/\.(?:jsonl|ndjson)$/i.test(input)) {
      const out = extractFile(input, { published: v.published, title: v.title });
      process.stdout.write(out.json + '\n');
      return;
    }
    try {
      await extractBatch(input, { ...v, workers, format: v.format as Format | undefined });
    } catch (e) {
      if (e instanceof UsageError) usage(e.message);
      throw e;
    }
    return;
  }
  if (command === 'serve') {
    let parsed;
    try { parsed = parseArgs({ args: rest, options: { port: { type: 'string' } } }); } catch (e) { usage((e as Error).message); }
    if (parsed.values.port !== undefined) process.env.PORT = parsed.values.port;
    const { startServer } = await import('../http/server');
    await startServer();
    return;
  }
  if (command === 'ingest') {
    if (rest.length !== 1) usage('ingest takes one FILE.jsonl (or - for stdin)');
    if (rest[0] !== '-' && !fs.existsSync(rest[0])) usage(`no such file: ${rest[0]}`);
    const { ingestFile } = await import('./store-commands');
    await ingestFile(rest[0]);
    return;
  }
  if (command === 'reindex') {
    const { reindexAll } = await import('./store-commands');
    process.stderr.write(`\n${await reindexAll()} article(s) re-extracted\n`);
    return;
  }
  if (command === 'query') {
    const [kind, ...args] = rest;
    const { runQuery, QUERY_KINDS } = await import('./store-commands');
    if (!kind || !QUERY_KINDS.includes(kind)) usage(`query takes one of ${QUERY_KINDS.join(', ')}`);
    const filters: Record<string, string> = {};
    let json = false;
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--json') { json = true; continue; }
      const m = /^--([a-z]+)(?:=(.*))?$/.exec(args[i]);
      if (!m) usage(`unexpected argument ${args[i]}`);
      const value = m[2] ?? args[++i];
      if (value === undefined) usage(`--${m[1]} needs a value`);
      filters[m[1]] = value;
    }
    let out: string;
    try { out = await runQuery(kind, filters, json); } catch (e) { usage((e as Error).message); }
    process.stdout.write(out + '\n');
    return;
  }
  if (command === 'enqueue' || command === 'worker' || command === 'jobs') {
    const { runQueueCommand, QueueUsageError } = await import('./queue-commands');
    try { await runQueueCommand(command, rest); } catch (e) {
      if (e instanceof QueueUsageError || /^ERR_PARSE_ARGS/.test((e as { code?: string }).code ?? '')) usage((e as Error).message);
      throw e;
    }
    return;
  }
  usage(`unknown command: ${command}`);
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`factsheet: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
