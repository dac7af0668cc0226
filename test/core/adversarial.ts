// Adversarial input families: shapes a newsroom feed can send that once made extraction
// super-linear. Shared by the growth test and scripts/adversarial.mjs's probe.
const fill = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const cycle = (words: string[], n: number): string => {
  let s = '';
  for (let i = 0; s.length < n; i++) s += words[(i * 7) % words.length] + ' ';
  return s.slice(0, n);
};

export const FAMILIES: Record<string, (n: number) => string> = {
  'a run of dots': (n) => 'The minister spoke' + fill('.', n - 30) + ' then left',
  'a weekday repeated': (n) => fill('Monday ', n),
  'capitalised words without punctuation': (n) =>
    cycle(['Alpha', 'Brent', 'Castor', 'Delmar', 'Everly', 'Fenwick', 'Garron', 'Hollis', 'Ingram', 'Jasper'], n),
  'one sentence without an end': (n) =>
    cycle(['the', 'council', 'budget', 'grew', 'on', 'tuesday', 'and', 'schools'], n),
  'repeated identical headline lines': (n) => fill('Markets Rally As Rates Hold Steady\n', n),
  'numbers and dates': (n) => fill('On 4 May 2024 sales rose 5% to $3 billion, 12 in all, ', n),
  // day words inside one long quotation: each looks for its closing mark and the attribution's date
  'day words in an unclosed quotation': (n) => '“' + fill('tomorrow we go, today we stay, one in five said, ', n),
};

/** Nested elements around one sentence: the shape that froze Readability. */
export const nestedDivs = (n: number): string => {
  const d = Math.floor(n / 11);
  return (
    '<html><body>' +
    '<div>'.repeat(d) +
    '<p>The minister said the plan would go ahead on Monday.</p>' +
    '</div>'.repeat(d) +
    '</body></html>'
  );
};
export const unclosedDivs = (n: number): string =>
  '<html><body>' + '<div>'.repeat(Math.floor(n / 5)) + '<p>The minister said so.</p></body></html>';
