// Word lists are data (data/lexicons), not alternations inside regular expressions or `new Set([...])` in
// code: this scans src/core for the shapes a hidden list takes. A handful of words (≤ 5) may stay in code
// where they are grammar rather than vocabulary (articles, "a|an|the").
import fs from 'node:fs';
import path from 'node:path';

const MAX = 5;
const walk = (d: string): string[] =>
  fs
    .readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
// factsheet.ts holds the output schema: its enums are the contract's values, not vocabulary.
const files = walk(path.join(__dirname, '..', 'src', 'core')).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('factsheet.ts'),
);

const SHAPES: [string, RegExp, string][] = [
  ['array of words', /\[\s*((?:'[^'\n]*'\s*,\s*)+'[^'\n]*'\s*,?)\s*\]/g, ','],
  ['regex alternation', /\((?:\?:|\?<\w+>)?((?:[A-Za-z][\w .'’-]*\|)+[A-Za-z][\w .'’-]*)\)/g, '|'],
  ['split string', /'((?:[A-Za-z][\w.'-]* )+[A-Za-z][\w.'-]*)'\.split\(/g, ' '],
];

function lists(text: string): string[] {
  const found: string[] = [];
  for (const [shape, re, sep] of SHAPES) {
    for (const m of text.matchAll(re)) {
      const n = m[1].split(sep).length;
      if (n > MAX) found.push(`${shape} of ${n}: ${m[1].slice(0, 60)}…`);
    }
  }
  return found;
}

test.each(files.map((f) => [path.relative(path.join(__dirname, '..'), f), f]))(
  '%s keeps its word lists in data/lexicons',
  (_n, f) => {
    expect(lists(fs.readFileSync(f, 'utf8'))).toEqual([]);
  },
);
