#!/usr/bin/env node
// The `factsheet` command: extract, serve. A thin shell over the core and the HTTP app.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { extractFile, extractJsonl } from './extract-command';

const USAGE = `usage: factsheet <command> [options]

commands:
  extract [FILE.txt] [--published YYYY-MM-DD] [--title T]
        no FILE: JSON Lines on stdin ({id, text, publishedAt?, title?}) → fact sheets on stdout, in order
        FILE:    one plain-text article → a pretty-printed fact sheet
  serve [--port N]
        start the HTTP API (PORT / FACTSHEET_* environment variables; see README)
  ingest FILE.jsonl|-
        store articles ({id?, url?, title?, source?, publishedAt?, text} per line) with their fact sheets
  reindex
        re-extract stored articles whose sheets an older extractor made
  query quotes|figures|events|articles|entities|conflicts [--FILTER VALUE]… [--json]
        e.g. query quotes --speaker Putin --about Taliban; query figures --subject "afghan assets" --kind money
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
      parsed = parseArgs({ args: rest, allowPositionals: true, options: { published: { type: 'string' }, title: { type: 'string' } } });
    } catch (e) { usage((e as Error).message); }
    const { values, positionals } = parsed;
    if (values.published && !/^\d{4}-\d{2}-\d{2}$/.test(values.published)) usage(`--published must be YYYY-MM-DD, got ${values.published}`);
    if (positionals.length > 1) usage('extract takes at most one FILE');
    if (positionals.length === 1) {
      let out;
      try { out = extractFile(positionals[0], values); } catch (e) { usage((e as Error).message); }
      process.stdout.write(out.json + '\n');
      return;
    }
    await extractJsonl(process.stdin, process.stdout, values);
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
    process.stderr.write(`\n${reindexAll()} article(s) re-extracted\n`);
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
    try { out = runQuery(kind, filters, json); } catch (e) { usage((e as Error).message); }
    process.stdout.write(out + '\n');
    return;
  }
  usage(`unknown command: ${command}`);
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`factsheet: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
