#!/usr/bin/env node
// The `factsheet` command (commander): extract, evaluate, serve and the store commands. A thin
// shell over the core and shared services. Exit codes: 0 ok, 1 some input failed or the run
// failed, 2 a usage error (one line on stderr and a pointer to --help).
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { isoDate } from '../core/factsheet';
import { EXTRACTOR_VERSION } from '../core/version';
import { loadConfig } from '../config';
import type { Format } from '../batch/runner';
import { ArticlesQuery, ConflictsQuery, EntitiesQuery, EventsQuery, FiguresQuery, QuotesQuery } from '../store/queries';
import { extractBatch, extractFile, UsageError } from './extract-command';

const QUERY_FILTERS = {
  quotes: QuotesQuery,
  figures: FiguresQuery,
  events: EventsQuery,
  articles: ArticlesQuery,
  entities: EntitiesQuery,
  conflicts: ConflictsQuery,
};

const PACKAGE_VERSION = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string }
).version;

function date(value: string): string {
  if (!isoDate.safeParse(value).success)
    throw new InvalidArgumentError(`expected a calendar date as YYYY-MM-DD, got ${value}`);
  return value;
}

function workers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new InvalidArgumentError(`expected a whole number from 1 to 256, got ${value}`);
  return n;
}

/** Runs an action; a UsageError becomes commander's usage error (exit 2, pointer to --help). */
const action = <A extends unknown[]>(fn: (...args: A) => Promise<void> | void) =>
  async function (this: Command, ...args: A): Promise<void> {
    try {
      await fn(...args);
    } catch (e) {
      if (e instanceof UsageError) this.error(e.message, { exitCode: 2, code: 'factsheet.usage' });
      throw e;
    }
  };

/** Inputs that failed make the run fail (exit 1), after every other input was processed. */
const exitFor = (counts: { failed: number }) => {
  if (counts.failed > 0) process.exitCode = 1;
};

export function buildProgram(): Command {
  const program = new Command('factsheet')
    .description('Fact extraction for news text: entities, dates and events, quotes with speakers, figures.')
    .version(`${PACKAGE_VERSION} (extractor ${EXTRACTOR_VERSION})`, '-V, --version')
    .configureOutput({ outputError: (s, write) => write(`factsheet: ${s.replace(/^error: /, '')}`) })
    .exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2))
    .showHelpAfterError('(run factsheet --help for usage)');

  program
    .command('extract')
    .description('fact sheets of articles: JSON Lines in, JSON Lines (or Label Studio / brat) out, in input order')
    .argument(
      '[input]',
      'JSON Lines file ({id, text, publishedAt?, title?} per line; stdin when omitted or -), ' +
        'a directory of .txt/.html files (id = relative path), or one .txt/.html file (pretty-printed)',
    )
    .option(
      '--published <date>',
      'publication date (YYYY-MM-DD) for inputs that do not give their own; relative dates resolve against it',
      date,
    )
    .option('--title <title>', 'title for inputs that do not give their own')
    .option('--workers <n>', 'worker threads (default: every core)', workers)
    .option('--out <path>', 'write to this file (jsonl, labelstudio) or directory (brat) instead of stdout')
    .option('--resume', 'skip ids already complete in --out and repair a half-written last line')
    .addOption(
      new Option('--format <format>', 'output format').choices(['jsonl', 'labelstudio', 'brat']).default('jsonl'),
    )
    .option('--progress', 'draw the progress bar even when stderr is not a terminal')
    .addHelpText(
      'after',
      '\nA bad input becomes an {id, error} line and the run goes on; the exit status is 1 when any input failed.',
    )
    .action(
      action(
        async (
          input: string | undefined,
          o: {
            published?: string;
            title?: string;
            workers?: number;
            out?: string;
            resume?: boolean;
            format: Format;
            progress?: boolean;
          },
        ) => {
          const limits = { maxTextChars: loadConfig().maxTextChars };
          const batchFlags = o.out || o.format !== 'jsonl' || o.workers || o.resume || o.progress;
          // one text or HTML file and no batch options: pretty-print its sheet
          if (
            input &&
            input !== '-' &&
            !batchFlags &&
            fs.existsSync(input) &&
            fs.statSync(input).isFile() &&
            !/\.(?:jsonl|ndjson)$/i.test(input)
          ) {
            exitFor(extractFile(input, { published: o.published, title: o.title }, limits));
            return;
          }
          exitFor(await extractBatch(input, { ...o, format: o.format }, limits));
        },
      ),
    );

  program
    .command('evaluate')
    .description(
      'score extraction against gold annotations: P/R/F1 per fact type (overlap and exact), value and speaker accuracy',
    )
    .argument(
      '<gold...>',
      'gold files or directories: our gold format (.json/.jsonl, see README), a Label Studio export (.json), brat (.txt + .ann)',
    )
    .option('--json', 'the scores (and misses) as JSON')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for gold documents that carry none (brat)', date)
    .addOption(
      new Option('--show <type>', 'list the misses of one fact type').choices([
        'entities',
        'dates',
        'events',
        'quotes',
        'figures',
      ]),
    )
    .action(
      action(async (gold: string[], o: { json?: boolean; show?: string; published?: string }) => {
        const started = Date.now();
        const { evaluate, formatMisses, formatScores } = await import('./evaluate-command');
        const r = evaluate(gold, o.published);
        if (o.json)
          process.stdout.write(
            JSON.stringify(
              {
                documents: r.documents,
                scores: r.scores,
                ...(o.show ? { misses: r.misses.filter((m) => (m as { type?: string }).type === o.show) } : {}),
              },
              null,
              2,
            ) + '\n',
          );
        else process.stdout.write(`${formatScores(r)}\n${o.show ? `\n${formatMisses(r, o.show)}\n` : ''}`);
        process.stderr.write(
          `evaluated ${r.documents} document(s), elapsed ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
      }),
    );

  program
    .command('serve')
    .description('start the HTTP API (PORT and FACTSHEET_* environment variables; see README)')
    .option('--port <n>', 'port to listen on (overrides PORT)')
    .action(
      action(async (o: { port?: string }) => {
        if (o.port !== undefined) process.env.PORT = o.port;
        const { startServer } = await import('../http/server');
        await startServer();
      }),
    );

  program
    .command('ingest')
    .description('store articles ({id?, url?, title?, source?, publishedAt?, text} per line) with their fact sheets')
    .argument('<file>', 'a JSON Lines file, or - for stdin')
    .option('--progress', 'draw the progress bar even when stderr is not a terminal')
    .action(
      action(async (file: string, o: { progress?: boolean }) => {
        if (file !== '-' && !fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
        const { ingestFile } = await import('./store-commands');
        exitFor(await ingestFile(file, o.progress ?? process.stderr.isTTY === true));
      }),
    );

  program
    .command('reindex')
    .description('re-extract stored articles whose sheets an older extractor made')
    .action(
      action(async () => {
        const { reindexAll } = await import('./store-commands');
        await reindexAll(process.stderr.isTTY === true);
      }),
    );

  program
    .command('query')
    .description(
      'query the store, e.g. query quotes --speaker Putin --about Taliban; query figures --subject "afghan assets" --kind money',
    )
    .argument('<kind>', 'quotes, figures, events, articles, entities or conflicts')
    .option('--json', 'JSON instead of a table')
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText(
      'after',
      `\nFilters, as --NAME VALUE (the query parameters of the HTTP routes):\n${Object.entries(QUERY_FILTERS)
        .map(
          ([kind, schema]) =>
            `  ${kind.padEnd(10)} ${Object.keys(schema.shape)
              .map((k) => `--${k}`)
              .join(' ')}`,
        )
        .join('\n')}`,
    )
    .action(
      action(async (kind: string, o: { json?: boolean }, cmd: Command) => {
        const { runQuery, QUERY_KINDS } = await import('./store-commands');
        if (!QUERY_KINDS.includes(kind))
          throw new UsageError(`query takes one of ${QUERY_KINDS.join(', ')}, not ${kind}`);
        const filters = queryFilters(cmd.args.slice(1));
        let out: string;
        try {
          out = await runQuery(kind, filters, !!o.json);
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
        process.stdout.write(out + '\n');
      }),
    );

  // the job queue (BullMQ on FACTSHEET_REDIS_URL): src/cli/queue-commands.ts parses its own options
  const queueCommand = (name: string, args: string, description: string) =>
    program
      .command(name)
      .description(description)
      .argument(args === '' ? '[args...]' : args)
      .allowUnknownOption()
      .allowExcessArguments()
      .helpOption('-h, --help', `${description} (needs FACTSHEET_REDIS_URL; see README, "Scaling out")`)
      .action(
        action(async (_a: unknown, _o: unknown, cmd: Command) => {
          const { runQueueCommand, QueueUsageError } = await import('./queue-commands');
          try {
            await runQueueCommand(name, cmd.args);
          } catch (e) {
            if (e instanceof QueueUsageError) throw new UsageError(e.message);
            throw e;
          }
        }),
      );
  queueCommand(
    'enqueue',
    '[input...]',
    'add one job per article to the job queue (inputs as for extract; --published, --title); ' +
      'job id = article id + text hash, so enqueueing an archive twice adds nothing',
  );
  queueCommand(
    'worker',
    '',
    'take jobs, extract, store into the configured store (--concurrency N); SIGTERM finishes current jobs, then exits',
  );
  queueCommand(
    'jobs',
    '',
    'waiting / active / done / failed counts and throughput; `jobs retry-failed`, `jobs failed`',
  );

  return program;
}

/** `--name value` / `--name=value` pairs (the filters of a query). */
function queryFilters(args: string[]): Record<string, string> {
  const filters: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') continue;
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) throw new UsageError(`unexpected argument ${args[i]}`);
    const value = m[2] ?? args[++i];
    if (value === undefined) throw new UsageError(`--${m[1]} needs a value`);
    filters[m[1]] = value;
  }
  return filters;
}

/** A usage error is one line and a pointer to the help of the command it was made in. */
const pointToHelp = (program: Command): Command => {
  for (const c of program.commands) c.showHelpAfterError(`(run factsheet ${c.name()} --help for usage)`);
  return program;
};

if (require.main === module) {
  pointToHelp(buildProgram())
    .parseAsync(process.argv)
    .catch((e) => {
      process.stderr.write(`factsheet: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}
