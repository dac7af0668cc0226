// Word tables for the entity rules, derived from data/lexicons.
import { gazetteer, lexicons } from '../lexicons';
import { escapeRegExp as esc } from '../text';

const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));

export const ORG_HEADS = lower(lexicons.organizations.heads);
export const PLACE_HEADS = lower(lexicons.organizations.placeHeads);
export const EVENT_HEADS = lower(lexicons.organizations.otherHeads);
export const OF_HEADS = lower(lexicons.organizations.ofHeads);
/** heads that take a name after "for": "Office for National Statistics", "Centre for Social Evolution" */
export const FOR_HEADS = lower(lexicons.organizations.forHeads);
/** first words of natural places ("River Severn", "Mount Kenya") and of storms and operations ("Storm Ciara") */
export const PLACE_PREFIXES = lower(lexicons.organizations.placePrefixes);
export const OTHER_PREFIXES = lower(lexicons.organizations.otherPrefixes);
export const HONORIFICS = lower(lexicons.titles.honorifics.map((h) => h.replace(/\.$/, '')));
export const TITLE_MODIFIERS = lower(lexicons.titles.modifiers);
/** Titles as token sequences, longest first, lower case. */
// (abbreviated titles are titles of one word: "Gen.", "Adm.", "Det.")
export const TITLES: string[][] = [...lexicons.titles.heads, ...lexicons.titles.abbreviatedTitles]
  .map((h) => h.toLowerCase().replace(/\./g, '').split(/\s+/))
  .filter((t, i, all) => all.findIndex((u) => u.join(' ') === t.join(' ')) === i)
  .sort((a, b) => b.length - a.length);
/** The same titles by their first word, longest first: one look-up per token instead of a scan. */
export const TITLES_BY_FIRST = new Map<string, string[][]>();
for (const t of TITLES) TITLES_BY_FIRST.set(t[0], [...(TITLES_BY_FIRST.get(t[0]) ?? []), t]);
const W = lexicons.entityWords;
/** Words inside a name that are not capitalised: "Bank of America", "Osama bin Laden". */
export const CONNECTORS = new Set(W.connectors);
/** Capitalised words that begin sentences and never begin names: the stopwords and a few more. */
export const INTERJECTIONS = new Set(W.interjections);
export const NEVER_NAMES = new Set([...lexicons.stopwords, ...W.neverNames, ...W.interjections]);
/** "Image: Lena Stroud": labels of credits and captions. */
export const CREDIT_LABELS = new Set(W.creditLabels);
export const COUNTRY_NAMES = new Set(lexicons.countries.map((c) => c.name));
export const PERSON_PRONOUNS = new Set(W.personPronouns);
export const PERSON_NOUNS = new Set(W.personNouns);
export const ORG_NOUNS = new Set(W.orgNouns);
export const THING_NOUNS = new Set(W.thingNouns);
export const PLAIN_ACRONYMS = new Set(W.plainAcronyms);
/** Unit symbols written with a capital ("GB", "MW", "Mbps"): after a number they are measures, not names. */
export const UNIT_SYMBOLS = new Set(
  Object.values(lexicons.units.dimensions)
    .flatMap((units) => Object.entries(units).flatMap(([symbol, forms]) => [symbol, ...forms]))
    .filter((f) => /\p{Lu}/u.test(f) && !/\s/.test(f)),
);
export const ORG_POSSESSIONS = new Set(W.orgPossessions);
/** "a|b|c" for a regular expression, from a table. */
const alt = (xs: string[]) => xs.map(esc).join('|');
export const COMMON_SUFFIX = new RegExp(`(?:${alt(W.commonSuffixes)})$`);
export const WEB_DOMAIN = new RegExp(`^[\\p{L}\\d-]+\\.(?:${alt(W.webDomains)})$`, 'iu');
export const SURNAME_PREFIX = new RegExp(`^(?:${alt(W.surnamePrefixes)})\\p{Lu}`, 'u');
export const NON_NAME_TAGS = W.nonNameTags;
export const WEAK_REASONS = new Set(W.weakTypeReasons);
export const TRAILING_AFFIX = new RegExp(`-(?:${alt(W.trailingAffixes)})$`, 'i');
export const LATIN_EPITHET = new RegExp(`^\\p{Ll}{3,}(?:${alt(W.latinEpithetEndings)})$`, 'u');
/** "Acme Inc.", "U.S.": a name that ends with its abbreviation's full stop. */
export const KEEPS_FINAL_DOT = new RegExp(`\\b(?:[A-Z]\\.)+$|\\b(?:${alt(W.nameSuffixAbbreviations)})\\.$`);
/** "Ambassador", "Foreign Minister": a title a state confers (its last word in the table). */
export const isStateTitle = (title: string) => STATE_TITLES.has(title.toLowerCase().split(/\s+/).pop() ?? '');
const STATE_TITLES = new Set(W.stateTitles);
/** "in Capel Curig", "near Frankwell": a preposition of location right before `at`. */
export const PLACE_PREPOSITION_BEFORE = new RegExp(`\\b(?:${alt(W.placePrepositions)})\\s+$`);
export const PRONOUN_BRIDGES = new Set(W.pronounBridges);
export const SPEECH_VERBS = new Set(lexicons.speech.reporting);
/** A given name from the generated list, or one compromise tags as such. */
export const isGivenNameWord = (w: string) => lexicons.givenNames.has(w);
/** A city of 15,000+ people (GeoNames): evidence of a place, weaker than evidence of a person. */
export const isCity = (name: string) => lexicons.cities.has(name);

export function stripPossessive(s: string): string {
  return s.replace(/(?:['’]s|s['’]|['’])$/u, (m) => (m.length === 2 && /^s/.test(m) ? 's' : ''));
}

export const knownName = (surface: string) =>
  gazetteer.get(surface) ??
  gazetteer.get(surface.replace(/^the\s+/i, '')) ??
  (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(surface) ? gazetteer.get(surface + '.') : undefined); // "U.S" written without its last dot

/** ", the German chancellor," / ", a spokesman for …": an apposition that says its head is a person. */
export const TITLE_APPOSITION = new RegExp(
  `^,\\s+(?:(?:the|a|an|its|their)\\s+)?(?:[\\p{L}'’-]+\\s+){0,3}?(?:${TITLES.map((t) => t.map(esc).join('\\s+')).join('|')})\\b`,
  'iu',
);

const LOWER_TITLE = /((?:(?:(?<=[.!?]\s+|\n)[A-Z]|[a-z])[a-z-]*\s+){1,4})$/;
const LOWER_TITLE_AT_START = /((?:(?:(?<=^|[.!?]\s+|\n)[A-Z]|[a-z])[a-z-]*\s+){1,4})$/;
const TITLE_KEYS = new Set(TITLES.map((t) => t.join(' ')));
/** A lower-case title ending right before `at`: "defence analyst ", "senior vice president ". */
export function lowerTitleBefore(text: string, at: number): { text: string; start: number } | null {
  // (the first word may be capitalised at a sentence start: "Chief executive Yusuf Demir")
  const from = Math.max(0, at - 60);
  const m = (from === 0 ? LOWER_TITLE_AT_START : LOWER_TITLE).exec(text.slice(from, at));
  if (!m) return null;
  const lower = m[1].toLowerCase();
  const ws = lower.trim().split(/\s+/);
  for (let k = 0; k < ws.length; k++) {
    const cand = ws.slice(k).join(' ');
    if (!TITLE_KEYS.has(cand)) continue;
    // "artistic director", "deputy interior minister": the modifiers before the title are part of it
    let j = k;
    while (j > 0 && TITLE_MODIFIERS.has(ws[j - 1])) j--;
    const full = ws.slice(j).join(' ');
    const start = at - (m[1].length - lower.lastIndexOf(full));
    return { text: text.slice(start, start + full.length), start };
  }
  return null;
}
