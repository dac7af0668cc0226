// Speed benchmark (not a test): how much each pass adds to the one compromise tagging pass.
// Median of repeated runs on a ~5 KB article, all measured in the same process.
//   npm run build && node scripts/bench.mjs [--runs 40]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
const require = createRequire(import.meta.url);
const nlp = require('compromise');
const { buildDocument } = require('../dist/core/document/model.js');
const { extractEntities } = require('../dist/core/entities/index.js');
const { extractDates } = require('../dist/core/dates/index.js');
const { extractFigures } = require('../dist/core/figures/index.js');
const { extractQuotes } = require('../dist/core/quotes/index.js');
const { extractEvents } = require('../dist/core/events/index.js');
const { extract } = require('../dist/index.js');

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 40;
const seed = fs.readFileSync(new URL('../data/samples/seed-article.txt', import.meta.url), 'utf8');
let text = seed;
while (text.length < 5000) text += '\n' + seed;
text = text.slice(0, 5200);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
function time(fn) {
  for (let i = 0; i < 5; i++) fn(); // warm up
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const tagging = time(() => nlp(text));
const doc = buildDocument(text);
const ctx = () => ({
  doc,
  publishedAt: { year: 2025, month: 7, day: 4 },
  entities: [],
  dates: [],
  figures: [],
  quotes: [],
});
const base = ctx();
base.entities = extractEntities(base);
base.dates = extractDates(base);
base.figures = extractFigures(base);
base.quotes = extractQuotes(base);
const passes = {
  'document model (incl. tagging)': () => buildDocument(text),
  entities: () => extractEntities({ ...base }),
  dates: () => extractDates({ ...base }),
  figures: () => extractFigures({ ...base }),
  quotes: () => extractQuotes({ ...base }),
  events: () => extractEvents({ ...base }),
};
console.log(`article: ${text.length} characters, ${runs} runs, median ms`);
console.log(`compromise tagging alone        ${tagging.toFixed(2)}`);
for (const [name, fn] of Object.entries(passes)) {
  const ms = time(fn);
  console.log(`${name.padEnd(32)}${ms.toFixed(2).padStart(6)}  (${((ms / tagging) * 100).toFixed(1)}% of tagging)`);
}
const whole = time(() => extract(text, { publishedAt: '2025-07-04' }));
console.log(`whole extract()                 ${whole.toFixed(2)}  ratio to tagging ${(whole / tagging).toFixed(2)}`);
