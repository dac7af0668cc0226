// A stand-in for unseen articles with other stories' headlines inserted: puts headlines written
// here (no gold text) into the texts of gold files — between two sentences of a paragraph or
// between paragraphs, alone or in pairs — and scores the boilerplate lines found (P/R by line).
//   npm run build && node scripts/teaser-proxy.mjs [--sentence-case] [--seed N] [--why] GOLD.json...
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { extract } = require('../dist/core');

const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const seedArg = args.indexOf('--seed');
let seed = seedArg >= 0 ? Number(args[seedArg + 1]) : 7;
const files = args.filter((a, i) => a.endsWith('.json') && args[i - 1] !== '--seed');
const TITLE = [
  'Parliament Votes to Lower Voting Age to 16',
  'Heat Records Broken Across Southern Spain',
  'Local Bakery Wins National Bread Award',
  'How to Save Money on Your Energy Bills This Winter',
  'Astronomers Spot Rare Comet Passing Close to Earth',
  'Striker Signs Record Deal With Milan Club',
  'Why More Young People Are Moving Back Home',
  'Ten Years On, the Town That Rebuilt Itself',
  'Court Orders Retrial in Decade-Old Murder Case',
  'New Study Links Coffee to Longer Life',
  'The Secret Life of Urban Foxes',
  'Celebrity Chef Opens Restaurant in Lagos',
  'Stock Markets Tumble as Rate Fears Return',
  'What the Election Result Means for Your Pension',
  'Police Seize Record Haul of Counterfeit Watches',
  'Nine Dead After Bus Plunges Into Ravine in Peru',
  'Museum Returns Looted Bronzes to Nigeria',
  'Watchdog Fines Bank Over Customer Data Breach',
  'Schools to Ban Mobile Phones From September',
  'Drought Threatens Olive Harvest in Greece',
  'Tennis Star Pulls Out of Open With Wrist Injury',
  'Minister Resigns Over Expenses Row',
  'Scientists Grow Human Tooth in Lab',
  'Floods Cut Off Villages in Northern Italy',
  'I Tried Living Without a Phone for a Month',
];
// Sentence case: lower-case every word but the first and the names.
const NAMES = /^(?:Spain|Milan|Earth|Lagos|Peru|Nigeria|September|Greece|Open|Italy|I)$/;
const headlines = flag('--sentence-case')
  ? TITLE.map((h) =>
      h
        .split(' ')
        .map((w, k) => (k === 0 || NAMES.test(w) ? w : w.toLowerCase()))
        .join(' '),
    )
  : TITLE;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

let tp = 0,
  fp = 0,
  fn = 0;
for (const f of files) {
  const gold = JSON.parse(fs.readFileSync(f, 'utf8'));
  const out = [];
  const inserted = new Set();
  let groups = 0;
  gold.text.split('\n').forEach((line, i) => {
    if (i < 2 || groups >= 3 || line.length < 120 || rnd(2)) {
      out.push(line);
      return;
    }
    const group = Array.from({ length: rnd(2) + 1 }, () => headlines[rnd(headlines.length)]);
    const cuts = [...line.matchAll(/[.!?]["”]? (?=[A-Z“"])/g)];
    if (cuts.length && rnd(3)) {
      const cut = cuts[rnd(cuts.length)];
      const at = cut.index + cut[0].length - 1;
      out.push(line.slice(0, at));
      for (const h of group) {
        out.push(h);
        inserted.add(out.length - 1);
      }
      out.push(line.slice(at + 1));
    } else {
      out.push(line);
      for (const h of group) {
        out.push(h);
        inserted.add(out.length - 1);
      }
    }
    groups++;
  });
  const text = out.join('\n');
  const starts = [];
  let at = 0;
  for (const line of out) {
    starts.push(at);
    at += line.length + 1;
  }
  const sheet = extract(text, { publishedAt: gold.publishedAt, include: ['entities'] });
  const flagged = new Set(sheet.boilerplate.map((b) => starts.findLastIndex((s) => s <= b.start)));
  const name = f.split('/').pop();
  for (const i of inserted) {
    if (flagged.has(i)) tp++;
    else {
      fn++;
      if (flag('--why')) console.log(`miss  ${name}: ${out[i]}`);
    }
  }
  for (const i of flagged)
    if (!inserted.has(i)) {
      fp++;
      if (flag('--why')) console.log(`extra ${name}: ${out[i]}`);
    }
}
const P = tp / (tp + fp),
  R = tp / (tp + fn);
console.log(`P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${((2 * P * R) / (P + R)).toFixed(3)}  tp ${tp} fp ${fp} fn ${fn}`);
