// Regenerates data/lexicons/countries.json from the `world-countries` package
// (mledoze/countries, ODbL 1.0: https://opendatacommons.org/licenses/odbl/1.0/).
// Run: node scripts/gen-countries.mjs   (the output is committed; nothing is fetched at run time)
import { createRequire } from 'node:module';
import fs from 'node:fs';
const require = createRequire(import.meta.url);
const countries = require('world-countries');

const out = countries
  .filter((c) => c.status === 'officially-assigned' || c.independent)
  .map((c) => ({
    name: c.name.common,
    official: c.name.official,
    cca2: c.cca2,
    cca3: c.cca3,
    independent: !!c.independent,
    // Short alternative spellings only: codes like "RU" are ambiguous with words, keep 3+ letter ones and "US", "UK".
    aliases: [
      ...new Set(
        c.altSpellings.filter(
          (s) => /^[\p{Script=Latin}\s.'’-]+$/u.test(s) && s !== c.name.common && (s.length > 2 || /^(US|UK)$/.test(s)),
        ),
      ),
    ],
    demonym: c.demonyms?.eng?.m ?? null,
    capital: c.capital ?? [],
    currencies: Object.keys(c.currencies ?? {}),
  }))
  .sort((a, b) => a.name.localeCompare(b.name));

const doc = {
  source: 'world-countries 5.1.0 (https://github.com/mledoze/countries)',
  licence: 'ODbL 1.0',
  countries: out,
};
fs.writeFileSync(new URL('../data/lexicons/countries.json', import.meta.url), JSON.stringify(doc, null, 1) + '\n');
console.log(`wrote ${out.length} countries`);
