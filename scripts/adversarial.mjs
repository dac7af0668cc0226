// Times extract() on adversarial input families at two sizes (min of N runs). Not a test: a probe.
// usage: node scripts/adversarial.mjs [family ...] [--sizes 50000,200000] [--runs 1]
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { extract } = require('../dist/core/extract.js');
const { articleFromHtml } = require('../dist/input/html.js');

const fill = (unit, n) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const WORDS = ['Alpha', 'Brent', 'Castor', 'Delmar', 'Everly', 'Fenwick', 'Garron', 'Hollis', 'Ingram', 'Jasper'];
export const families = {
  dots: (n) => 'The minister spoke' + fill('.', n - 30) + ' then left',
  monday: (n) => fill('Monday ', n),
  caps: (n) => {
    let s = '';
    for (let i = 0; s.length < n; i++) s += WORDS[(i * 7) % 10] + ' ';
    return s.slice(0, n);
  },
  headlines: (n) => fill('Markets Rally As Rates Hold Steady\n', n),
  sentence: (n) => {
    let s = '';
    for (let i = 0; s.length < n; i++)
      s += ['the', 'council', 'said', 'budget', 'grew', 'on', 'tuesday', 'and'][i % 8] + ' ';
    return s;
  },
  words: (n) => fill('the committee met again and discussed the new budget for schools ', n),
  said: (n) => fill('X said: the plan — said the aide — ', n),
  saidspace: (n) => 'He said' + fill(' \t\u00a0,', n - 20) + ' yes.',
  curly: (n) => fill('“He went there and ', n),
  prose: (n) =>
    fill(
      'Chen Wei, the Foreign Minister, said on Monday that exports rose 4.5% to $12 billion in 2024. "We are confident," he told reporters in Beijing. ',
      n,
    ),
  html: (n) => {
    const d = Math.floor(n / 11);
    return (
      '<html><body>' +
      '<div>'.repeat(d) +
      '<p>The minister said the plan would go ahead on Monday.</p>' +
      '</div>'.repeat(d) +
      '</body></html>'
    );
  },
  htmlopen: (n) => '<html><body>' + '<div>'.repeat(Math.floor(n / 5)) + '<p>The minister said so.</p></body></html>',
};

const args = process.argv.slice(2);
const si = args.indexOf('--sizes');
const sizes = si >= 0 ? args.splice(si, 2)[1].split(',').map(Number) : [50_000, 200_000];
const ri = args.indexOf('--runs');
const runs = ri >= 0 ? Number(args.splice(ri, 2)[1]) : 1;
for (const name of args.length ? args : Object.keys(families)) {
  const row = [name];
  for (const n of sizes) {
    const input = families[name](n);
    let best = Infinity,
      cpu = Infinity;
    for (let r = 0; r < runs; r++) {
      const t = performance.now(),
        c = process.cpuUsage();
      if (name.startsWith('html')) {
        const p = articleFromHtml(input);
        extract(p.text.slice(0, 200_000) || 'x');
      } else extract(input);
      best = Math.min(best, performance.now() - t);
      const d = process.cpuUsage(c);
      cpu = Math.min(cpu, (d.user + d.system) / 1000); // CPU time: what a quiet machine would take
    }
    row.push(`${n / 1000}KB ${best.toFixed(0)}ms (cpu ${cpu.toFixed(0)}ms)`);
  }
  if (row.length === 3)
    row.push(`ratio ${(parseFloat(row[2].split(' ')[1]) / Math.max(1, parseFloat(row[1].split(' ')[1]))).toFixed(1)}`);
  console.log(row.join('  '));
}
