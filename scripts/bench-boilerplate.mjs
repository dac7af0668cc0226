// Speed of the boilerplate detector (not a test): splitBlocks + findBoilerplate on generated pages
// of 1,250 to 10,000 lines (~40 characters a line: 5,000 lines ≈ 200 KB), a third of them
// headline-shaped so every signal is computed. Linear means the time per line stays flat.
//   npm run build && node scripts/bench-boilerplate.mjs [--runs 15]
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { splitBlocks } = require('../dist/core/document/blocks.js');
const { findBoilerplate } = require('../dist/core/document/boilerplate.js');

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const WORDS = [
  'council',
  'river',
  'budget',
  'players',
  'court',
  'storm',
  'museum',
  'Lisbon',
  'Kenyan',
  'record',
  'vote',
  'rain',
  'prices',
  'school',
  'Mayor',
  'Ortega',
  'hospital',
  'market',
  'judge',
  'festival',
  'season',
  'report',
  '2024',
  '$40',
];
let seed = 42;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pick = () => WORDS[rnd(WORDS.length)];
function page(lines) {
  const out = ['A headline for the generated page'];
  for (let i = 1; i < lines; i++) {
    const k = rnd(9);
    if (k < 3)
      out.push(Array.from({ length: 4 + rnd(5) }, () => pick().replace(/^\w/, (c) => c.toUpperCase())).join(' '));
    else if (k === 3) out.push(['Advertisement', 'Read more: ' + pick() + ' ' + pick(), 'Photo: Reuters'][rnd(3)]);
    else out.push(`The ${pick()} and the ${pick()} met on ${pick()}.`);
  }
  return out.join('\n');
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const pages = [1250, 2500, 5000, 10000].map((n) => [n, page(n)]);
for (let i = 0; i < 3; i++) for (const [, text] of pages) findBoilerplate(text, splitBlocks(text)); // JIT warm-up
console.log('lines    KB    median CPU ms  (range)    µs/line');
for (const [n, text] of pages) {
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage(); // CPU time, not wall time: the machine is shared
    findBoilerplate(text, splitBlocks(text));
    const d = process.cpuUsage(t);
    xs.push((d.user + d.system) / 1000);
  }
  const m = median(xs);
  console.log(
    `${String(n).padEnd(8)} ${String(Math.round(text.length / 1024)).padEnd(5)} ${m.toFixed(1).padStart(9)}  (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`.padEnd(
      40,
    ) + `${((m * 1000) / n).toFixed(1)}`,
  );
}
