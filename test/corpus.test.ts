// One generic runner for every corpus file in test/corpus (Duckling style). Positive rows are strict:
// exactly the listed facts, at their offsets, from the named rule (see test/support/corpus.ts). Known
// failures live in test/corpus/backlog and run as expected-to-fail, so a fix shows up as a failure to move
// the row. A failing row prints the pipeline's debug trace (which rule produced, which refiner removed).
import fs from 'node:fs';
import path from 'node:path';
import { extract } from '../src/core';
import type { FactSheet } from '../src/core';
import {
  brief,
  checkRow,
  negativeFacts,
  SECTIONS,
  type Corpus,
  type NegativeRow,
  type PositiveRow,
} from './support/corpus';

const dir = path.join(__dirname, 'corpus');

function load(file: string): Corpus {
  const corpus = JSON.parse(fs.readFileSync(file, 'utf8')) as Corpus;
  if (!SECTIONS.includes(corpus.section)) throw new Error(`${file}: unknown section ${String(corpus.section)}`);
  return corpus;
}

function run(text: string, publishedAt: string): FactSheet {
  return extract(text, { publishedAt, debug: true });
}

function traceOf(sheet: FactSheet, section: string): string {
  const pass = section === 'boilerplate' ? null : section;
  return (sheet.trace ?? [])
    .filter((l) => !pass || l.pass === pass)
    .map((l) => `  ${l.action.padEnd(8)} ${l.step.padEnd(28)} ${JSON.stringify(l.text)}@${l.start ?? '?'}`)
    .join('\n');
}

function failures(corpus: Corpus, row: PositiveRow): string | null {
  const sheet = run(row.text, row.publishedAt ?? corpus.publishedAt);
  const { missing, unexpected, unnamedRules } = checkRow(corpus.section, row, sheet);
  if (!missing.length && !unexpected.length && !unnamedRules.length) return null;
  const got = (sheet[corpus.section] as unknown as Record<string, unknown>[]).map((i) => brief(corpus.section, i));
  return [
    ...missing.map((e) => `missing:    ${JSON.stringify(e)}`),
    ...unexpected.map((i) => `unexpected: ${JSON.stringify(brief(corpus.section, i))}`),
    ...unnamedRules.map((e) => `row names no rule: ${JSON.stringify(e)}`),
    `got: ${JSON.stringify(got, null, 1)}`,
    `trace:\n${traceOf(sheet, corpus.section)}`,
  ].join('\n');
}

function negativeFailure(corpus: Corpus, row: NegativeRow): string | null {
  const { text, publishedAt } = typeof row === 'string' ? { text: row, publishedAt: undefined } : row;
  const sheet = run(text, publishedAt ?? corpus.publishedAt);
  const found = negativeFacts(corpus.section, sheet);
  if (!found.length) return null;
  return (
    `expected no ${corpus.section}, got ${JSON.stringify(found.map((i) => brief(corpus.section, i)))}\n` +
    `trace:\n${traceOf(sheet, corpus.section)}`
  );
}

const textOf = (row: NegativeRow): string => (typeof row === 'string' ? row : row.text);

function suite(file: string, backlog: boolean): void {
  const corpus = load(file);
  const name = path.relative(dir, file);
  const it = backlog ? test.failing : test;
  describe(`corpus ${name}`, () => {
    if (corpus.positive.length) {
      it.each(corpus.positive.map((r) => [r.text, r] as const))('finds: %s', (_t, row) => {
        const msg = failures(corpus, row);
        if (msg) throw new Error(msg);
      });
    }
    if (corpus.negative.length) {
      it.each(corpus.negative.map((r) => [textOf(r), r] as const))('yields nothing: %s', (_t, row) => {
        const msg = negativeFailure(corpus, row);
        if (msg) throw new Error(msg);
      });
    }
  });
}

const jsonIn = (d: string): string[] =>
  fs.existsSync(d)
    ? fs
        .readdirSync(d)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(d, f))
    : [];

for (const file of jsonIn(dir)) suite(file, false);
for (const file of jsonIn(path.join(dir, 'backlog'))) suite(file, true);
