// Every rule of every pass produces a candidate on some positive corpus row, and every refiner acts (drops or
// rewrites a candidate) on some row: a step without an example is unfinished (Duckling). Read from the debug
// trace, so a new rule or refiner listed in an index.ts without corpus rows fails here.
import fs from 'node:fs';
import path from 'node:path';
import { extract } from '../src/core';
import * as dates from '../src/core/dates';
import * as entities from '../src/core/entities';
import * as figures from '../src/core/figures';
import * as quotes from '../src/core/quotes';
import type { Corpus } from './support/corpus';

const passes = { dates, entities, figures, quotes } as Record<
  string,
  { rules: { name: string }[]; refiners: { name: string }[] }
>;

function traces(): { produced: Set<string>; acted: Set<string> } {
  const produced = new Set<string>();
  const acted = new Set<string>();
  const dir = path.join(__dirname, 'corpus');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const corpus = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Corpus;
    const rows = [
      ...corpus.positive.map((r) => ({ text: r.text, positive: true })),
      ...corpus.negative.map((r) => ({ text: typeof r === 'string' ? r : r.text, positive: false })),
    ];
    for (const row of rows) {
      const sheet = extract(row.text, { publishedAt: corpus.publishedAt, debug: true });
      for (const l of sheet.trace ?? []) {
        if (l.action === 'produced' && row.positive) produced.add(`${l.pass}:${l.step}`);
        if (l.action !== 'produced') acted.add(`${l.pass}:${l.step}`);
      }
    }
  }
  return { produced, acted };
}

const { produced, acted } = traces();

test.each(Object.keys(passes))('%s: every rule produces on a positive row, every refiner acts on some row', (pass) => {
  const { rules, refiners } = passes[pass];
  expect(rules.map((r) => `${pass}:${r.name}`).filter((r) => !produced.has(r))).toEqual([]);
  // `overlap` is one shared implementation (context.ts longestNonOverlapping): acting in any pass covers it
  const sharedActed = (name: string) => name === 'overlap' && [...acted].some((a) => a.endsWith(':overlap'));
  expect(
    refiners.filter((r) => !acted.has(`${pass}:${r.name}`) && !sharedActed(r.name)).map((r) => `${pass}:${r.name}`),
  ).toEqual([]);
});
