// Decides the type of a proper-name span from lexicons, head words and compromise's tags.
import nlp from 'compromise';
import type { Token } from '../document/tokens';
import type { EntityType } from '../factsheet';
import {
  COMMON_SUFFIX,
  CONNECTORS,
  EVENT_HEADS,
  SURNAME_PREFIX,
  WEB_DOMAIN,
  PLAIN_ACRONYMS,
  isCity,
  isGivenNameWord,
  knownName,
  OF_HEADS,
  FOR_HEADS,
  PLACE_PREFIXES,
  OTHER_PREFIXES,
  ORG_HEADS,
  PLACE_HEADS,
} from './words';

export interface Classification {
  type: EntityType | null;
  canonical?: string;
  reason: string;
}

/** connectors inside names of institutions and places, not surname particles: "Bank of America" */
const NOT_PARTICLES = new Set(['of', '&', 'y']);
const hasTag = (ts: Token[], tag: string) => ts.some((t) => t.tags.has(tag));
const isAcronym = (s: string) => /^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$/.test(s);
const NAME_TAGS = /Person|FirstName|LastName|MaleName|FemaleName|Place|City|Country|Region|Organization/;
const DEMONYM_SUFFIX = /(?:ian|ean|ese|ish|an)$/;
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon;

/** compromise's lexicon has the word (any tag). */
export const lexiconKnows = (w: string) => w in lexicon;

/** A capitalised single word that English uses as a common word: "Repair", "Maintenance". */
export function isCommonWord(word: string): boolean {
  const w = word.toLowerCase();
  const tag = lexicon[w] ?? (w.endsWith('s') ? lexicon[w.slice(0, -1)] : undefined);
  if (tag) return !NAME_TAGS.test(tag);
  return COMMON_SUFFIX.test(w);
}

export const isGivenName = (t: Token) =>
  t.tags.has('FirstName') || t.tags.has('MaleName') || t.tags.has('FemaleName') || t.tags.has('Honorific');

/** a site named by its domain: the organisation that runs it */
const INITIALS = /^(?:\p{Lu}\.){1,3}$|^\p{Lu}$/u;
/** One word of a personal name: "Brazhnik", "Ho-yin", "O'Hara", "McAllister", "d'Amato". */
const NAME_WORD = /^(?:[dl]['’])?\p{Lu}\p{Ll}+(?:['’-]\p{L}+)*$|^(?:Mc|Mac|O['’])\p{Lu}\p{Ll}+$/u;
const givenFirst = (t: Token) =>
  isGivenNameWord(t.text.split('-')[0]) ||
  INITIALS.test(t.text) ||
  t.tags.has('FirstName') ||
  t.tags.has('MaleName') ||
  t.tags.has('FemaleName');

/**
 * A run shaped like a personal name: two to four words, a given name or initials first, or words
 * English does not use ("Ivo Brazhnik", "Tam Ho-yin"); never ending in a head word.
 */
export function personShape(tokens: Token[], opts: { unknownWords?: boolean } = { unknownWords: true }): boolean {
  // the lower-case tail of a hyphenated name ("Ka-" + "wing") belongs to the word before it
  const ws = tokens.filter(
    (t, k) => !CONNECTORS.has(t.normal) && !(k > 0 && tokens[k - 1].post === '-' && /^\p{Ll}/u.test(t.text)),
  );
  const hyphenated = tokens.some((t, k) => k > 0 && tokens[k - 1].post === '-' && /^\p{Ll}/u.test(t.text));
  if (ws.length < 2 || ws.length > 4) return false;
  const lastW = ws[ws.length - 1].text.toLowerCase();
  if (ORG_HEADS.has(lastW) || PLACE_HEADS.has(lastW) || EVENT_HEADS.has(lastW)) return false;
  if (
    ws.some((t) => {
      const k = knownName(t.text);
      return k && k.type !== 'person';
    })
  )
    return false;
  if (!ws.slice(1).every((t) => NAME_WORD.test(t.text) || INITIALS.test(t.text))) return false;
  // "Lockheed Martin": a given name only at the end is a company named after a person
  if (!givenFirst(ws[0]) && isGivenNameWord(ws[ws.length - 1].text)) return false;
  // a surname may be an English word ("Christopher Hill", "Gordon Brown"), but not a plural ("Nova Systems")
  if (givenFirst(ws[0])) return !(ws[ws.length - 1].tags.has('Plural') && !ws[ws.length - 1].tags.has('LastName'));
  // words English does not use say "a name", not whose ("Halvard Kesk", "Ivo Brazhnik"); a hyphenated
  // given name written in two parts does ("Lo Mei-ling", "Park Seo-jun")
  return (
    !!opts.unknownWords &&
    NAME_WORD.test(ws[0].text) &&
    hyphenated &&
    ws.every((t) => !isCommonWord(t.text.split('-')[0]) && !t.tags.has('Demonym'))
  );
}

/** `next`: the token after the name, when there is one ("Bavarian premier"). */
export function classify(tokens: Token[], text: string, next?: Token | null): Classification {
  const known = knownName(text);
  if (known) return { type: known.type, canonical: known.name, reason: 'lexicon' };
  const words = text.split(/\s+/);
  const last = words[words.length - 1].replace(/\.$/, '').toLowerCase();
  if (words.length > 1 && EVENT_HEADS.has(last)) return { type: 'other', reason: 'event-head' };
  if (words.length > 1 && (ORG_HEADS.has(last) || ORG_HEADS.has(last + '.')))
    return { type: 'organization', reason: 'org-head' };
  if (words.length > 2 && OF_HEADS.has(words[0].toLowerCase()) && words[1] === 'of')
    return { type: 'organization', reason: 'of-head' };
  // "River Severn", "Mount Kenya", "Storm Ciara": a first word that says what kind of name follows
  if (words.length > 1 && PLACE_PREFIXES.has(words[0].toLowerCase())) return { type: 'place', reason: 'place-prefix' };
  if (words.length > 1 && OTHER_PREFIXES.has(words[0].toLowerCase())) return { type: 'other', reason: 'event-prefix' };
  // "Office for National Statistics", "Prize for Fiction": the head before "for" gives the type
  const fr = words.indexOf('for');
  if (fr > 0 && FOR_HEADS.has(words[fr - 1].toLowerCase()))
    return EVENT_HEADS.has(words[fr - 1].toLowerCase())
      ? { type: 'other', reason: 'event-head' }
      : { type: 'organization', reason: 'org-head-for' };
  // "District Court of The Hague", "Central Bank of Kenya": an organisation head before "of"
  const of = words.indexOf('of');
  if (of > 1 && ORG_HEADS.has(words[of - 1].toLowerCase())) return { type: 'organization', reason: 'org-head-of' };
  // "Ji-ho Park", "Min-jun Hill": a given name written in two parts, then a surname that is also an English word
  if (words.length === 2 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(words[0]) && !knownName(words[0]))
    return { type: 'person', reason: 'hyphenated-given-name' };
  if (words.length > 1 && PLACE_HEADS.has(last)) return { type: 'place', reason: 'place-head' };
  // "Jan van der Berg", "Borja del Pozo Cruz": a lower-case surname particle between capitalised words
  if (
    words.length > 2 &&
    words.slice(1, -1).some((w) => /^\p{Ll}/u.test(w) && CONNECTORS.has(w) && !NOT_PARTICLES.has(w)) &&
    /^\p{Lu}\p{Ll}/u.test(words[0]) &&
    !knownName(words[0])
  )
    return { type: 'person', reason: 'particle-name' };
  // "HUGE", "NEVER": a word in capitals for emphasis, not an acronym
  if (/^\p{Lu}{4,}$/u.test(text) && lexicon[text.toLowerCase()] && isCommonWord(text))
    return { type: 'other', reason: 'emphasis' };
  if (PLAIN_ACRONYMS.has(text) || PLAIN_ACRONYMS.has(text.replace(/\.$/, '')))
    return { type: 'other', reason: 'plain-acronym' };
  if (isAcronym(text)) return { type: 'organization', reason: 'acronym' };
  // "BrightWire", "eBay", "YouTube": a capital inside one word names a company or its site ("McAllister" and
  // "DeShawn" are names with a prefix)
  if (words.length === 1 && /^\p{L}\p{Ll}+\p{Lu}\p{Ll}+/u.test(text) && !SURNAME_PREFIX.test(text))
    return { type: 'organization', reason: 'camel-case' };
  if (WEB_DOMAIN.test(text)) return { type: 'organization', reason: 'web-domain' }; // "Brightwire.net", "Tidepost.org"
  if (words.length === 1 && /\p{L}/u.test(text) && /\d/.test(text)) return { type: 'other', reason: 'model-number' }; // "A380", "G7" is in the lexicon
  // "O.J. Simpson", "T.R. Walcott": initials before a surname
  if (words.length > 1 && INITIALS.test(words[0]) && !knownName(words[0]) && personShape(tokens))
    return { type: 'person', reason: 'initials' };
  // "EADS North America", "Boeing Europe": a known organisation's regional arm
  if (
    words.length > 1 &&
    (knownName(words[0])?.type === 'organization' || isAcronym(words[0])) &&
    !knownName(words[0])?.type?.match(/place/)
  ) {
    return { type: 'organization', reason: 'org-first' };
  }
  if (
    words.length > 1 &&
    words.some((w) => knownName(w)?.type === 'place') &&
    !words.every((w) => knownName(w)?.type === 'place')
  ) {
    // "Air France", "Qatar Airways", "China Eastern": a place name inside a longer unknown name
    return { type: 'organization', reason: 'place-inside-name' };
  }
  if (isCity(text)) return { type: 'place', reason: 'city' };
  if (hasTag(tokens, 'Organization')) return { type: 'organization', reason: 'compromise' };
  if (personShape(tokens)) return { type: 'person', reason: 'name-shape' };
  if (tokens.every((t) => t.tags.has('Place'))) return { type: 'place', reason: 'compromise' };
  const first = tokens[0],
    lastTok = tokens[tokens.length - 1];
  // "Lockheed Martin": a given name only at the end is a company named after a person; "Brannigan
  // Etchings": a plural common noun at the end is a thing named after one
  const companyLike =
    tokens.length > 1 &&
    ((isGivenName(lastTok) && !isGivenName(first)) ||
      ((lastTok.tags.has('Plural') || /[^s']s$/.test(lastTok.text)) &&
        !lastTok.tags.has('Person') &&
        !lastTok.tags.has('LastName')));
  if (
    !companyLike &&
    (isGivenName(first) || first.tags.has('Person') || (tokens.length === 1 && hasTag(tokens, 'LastName')))
  ) {
    return { type: 'person', reason: 'compromise' };
  }
  if (hasTag(tokens, 'Place') && !companyLike) return { type: 'place', reason: 'compromise' };
  if (hasTag(tokens, 'Demonym')) return { type: 'group', reason: 'compromise' };
  if (tokens.length === 1 && isCommonWord(text)) return { type: 'other', reason: 'common-word' };
  // "Bavarian premier", "Catalan parliament": an unknown adjective of place or people
  if (
    tokens.length === 1 &&
    DEMONYM_SUFFIX.test(text) &&
    next &&
    /^\p{Ll}/u.test(next.text) &&
    next.tags.has('Noun') &&
    !/[,.;:]/.test(tokens[0].post)
  )
    return { type: 'group', reason: 'demonym-shape' };
  return { type: null, reason: 'unknown' };
}
