// Groups mentions into one record per real-world entity: same name, lexicon canonical names and
// acronyms ("USSR" → "Soviet Union"), surnames → full names, partial organisation names.
import type { Context } from '../context';
import type { Entity, EntityType, Mention } from '../factsheet';
import type { MentionCandidate } from './candidate';
import { lexicons } from '../lexicons';
import { alternation } from '../text';
import { knownName, ORG_POSSESSIONS, SPEECH_VERBS } from './words';
import { WEAK_REASONS } from './name-runs';

const COUNTRIES = new Set(lexicons.countries.map((c) => c.name));
const REGIONS = new Set([...COUNTRIES, ...lexicons.places.usStates, ...lexicons.places.provinces]);

interface Cluster {
  key: string;
  mentions: MentionCandidate[];
  types: Map<EntityType, number>;
  names: Set<string>;
}

const keyOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
const words = (s: string) => s.split(/\s+/);

/** Types read from a name's shape or compromise's guess count once; evidence in the text (a title, a head word, a lexicon) thrice. */
const weight = (c: MentionCandidate) => (WEAK_REASONS.has(c.rule.split(/[/+]/)[1] ?? '') ? 1 : 3);

function typeOf(c: Cluster): EntityType | null {
  let best: EntityType | null = null,
    n = 0;
  for (const [t, k] of c.types)
    if (k > n || (k === n && t === 'person')) {
      best = t;
      n = k;
    }
  return best;
}

function absorb(into: Cluster, from: Cluster) {
  into.mentions.push(...from.mentions);
  // a surname folds into its person whatever the lexicons say of it alone ("Paris"); a town's name into the company
  // named after it ("Norland Systems Inc." … "Norland said")
  if (typeOf(into) === 'person') return;
  if (typeOf(into) === 'organization' && typeOf(from) === 'place') {
    for (const n of from.names) into.names.add(n);
    return;
  }
  for (const [t, k] of from.types) into.types.set(t, (into.types.get(t) ?? 0) + k);
  for (const n of from.names) into.names.add(n);
}

/**
 * How an entity with no type evidence at all is typed. A capitalised name of several words is most
 * often an organisation ("Harbour Greens"); one unknown capitalised word is as often a thing, a
 * product or an emphasis ("Zeitgeist", "Homeopathy"), so it is `other` unless the text says more.
 */
function fallbackType(cl: Cluster): EntityType {
  return cl.mentions.some((m) => /\s/.test(m.text)) ? 'organization' : 'other';
}

/**
 * A mention where a company speaks or owns, not where a place lies: a reporting verb ("Dover said") or a
 * possessive ("Dover's shares") after it, and no preposition right before it ("the ferry to Dover").
 */
function actsAsName(ctx: Context, m: { start: number; end: number }): boolean {
  const before = ctx.doc.tokensIn(Math.max(0, m.start - 30), m.start).pop();
  if (before && /^\s*$/.test(before.post) && (before.tags.has('Preposition') || before.normal === 'to')) return false;
  // ("Dover's shares", not "Tokyo's governor": only what a company has)
  const owned = /^['’]s?\s+([\p{L}-]+)/u.exec(ctx.doc.clean.slice(m.end, m.end + 30));
  if (owned) return ORG_POSSESSIONS.has(owned[1].toLowerCase());
  // ("Norland has said", "Dover also said": auxiliaries and adverbs before the verb)
  const after = ctx.doc.tokensIn(m.end, m.end + 40);
  let k = 0;
  while (k < 2 && after[k] && (after[k].tags.has('Auxiliary') || after[k].tags.has('Adverb'))) k++;
  return !!after[k] && SPEECH_VERBS.has(after[k].normal) && after[k].tags.has('Verb');
}

/** "in Dover", "the ferry to Dover", "near Tokyo": where a place stands */
const LOCATIVE_BEFORE = new RegExp(
  `\\b(?:${alternation([...lexicons.entityWords.placePrepositions, ...lexicons.entityWords.directionPrepositions])})\\s+(?:the\\s+)?$`,
  'i',
);

/** where a cluster is first mentioned (a loop: a spread of thousands of mentions would overflow the stack) */
function firstOf(c: Cluster): number {
  let first = Infinity;
  for (const m of c.mentions) if (m.start < first) first = m.start;
  return first;
}

const MAX_PART = 6;
const LEGAL_FORMS = new Set(lexicons.organizations.legalForms.map((f) => f.toLowerCase()));

export function cluster(ctx: Context, candidates: MentionCandidate[]): Entity[] {
  const byKey = new Map<string, Cluster>();
  for (const c of candidates) {
    const name = c.expansion ?? c.canonical ?? c.text;
    const key = keyOf(name);
    let cl = byKey.get(key);
    if (!cl) {
      cl = { key, mentions: [], types: new Map(), names: new Set() };
      byKey.set(key, cl);
    }
    cl.mentions.push(c);
    if (c.type) cl.types.set(c.type, (cl.types.get(c.type) ?? 0) + weight(c));
    cl.names.add(name);
  }
  let clusters = [...byKey.values()];

  // Shorter names fold into a longer one that ends (surname, "Foreign Ministry") or, for
  // organisations, begins ("Northrop" → "Northrop Grumman") with them.
  const multi = clusters
    .filter((c) => words(c.key).length > 1)
    .sort((a, b) => words(b.key).length - words(a.key).length);
  // the longer names by each of their word heads and tails: one look-up per short name, not a scan of
  // every name (a list of thousands of distinct names made this quadratic)
  const byEnd = new Map<string, Cluster[]>();
  for (const long of multi) {
    const lw = words(long.key);
    const ends = new Set<string>();
    // a short name has a few words: heads and tails up to MAX_PART words keep this linear even when a run of
    // capitalised words makes one "name" thousands of words long (all its prefixes were quadratic in memory)
    for (let k = 1; k < Math.min(lw.length, MAX_PART + 1); k++) {
      ends.add(lw.slice(-k).join(' '));
      ends.add(lw.slice(0, k).join(' '));
    }
    for (const e of ends) {
      let xs = byEnd.get(e);
      if (!xs) byEnd.set(e, (xs = []));
      xs.push(long);
    }
  }
  const merged = new Set<Cluster>();
  for (const short of clusters) {
    const t = typeOf(short);
    // a lexicon place stays itself; compromise's guess ("Angers") may be a surname
    if (t === 'group') continue;
    const sw = words(short.key);
    const firstAt = Math.min(...short.mentions.map((m) => m.start));
    // a lexicon place stays a place, unless a person named earlier carries it as a surname ("Nadia
    // Lyon … Lyon claims"); a country is never a surname here
    const lexPlace = t === 'place' && short.mentions.some((m) => m.canonical);
    if (lexPlace && (sw.length > 1 || COUNTRIES.has(short.mentions.find((m) => m.canonical)!.canonical!))) continue;
    const host = (byEnd.get(short.key) ?? [])
      .filter((long) => long !== short && !merged.has(long) && words(long.key).length > sw.length)
      .find((long) => {
        const lt = typeOf(long),
          lw = words(long.key);
        const tail = lw.slice(-sw.length).join(' ') === short.key;
        const head = lw.slice(0, sw.length).join(' ') === short.key;
        if (lt === 'person' && sw.length === 1 && tail)
          return !lexPlace || Math.min(...long.mentions.map((m) => m.start)) < firstAt;
        // "Pieter de Vries … De Vries", "Borja del Pozo Cruz … Pozo Cruz": a surname of several words
        if ((lt === 'person' || lt === null) && (t === 'person' || t === null) && sw.length > 1 && tail && !lexPlace)
          return true;
        // "Tevaga Moana … Moana said he": a surname the text shows to be a person types its untyped full name
        if (lt === null && t === 'person' && sw.length === 1 && tail && !lexPlace) return true;
        // "Dover Corp. reported … Dover said": a company named after its town, then by the town's name alone —
        // when the company came first and no mention of the name stands where a place would ("in Dover")
        // ("Norland Systems Inc. … Norland said … shares of Norland": the name may be longer, and one mention
        // where the company speaks or owns is enough when none stands where a place would)
        if (t === 'place')
          return (
            lt === 'organization' &&
            head &&
            lw.length <= sw.length + 3 &&
            LEGAL_FORMS.has(lw[lw.length - 1].replace(/\.$/, '')) &&
            short.mentions.some((m) => m.start > firstOf(long) && actsAsName(ctx, m)) &&
            !short.mentions.some((m) => LOCATIVE_BEFORE.test(ctx.doc.clean.slice(Math.max(0, m.start - 12), m.start)))
          );
        if ((lt === 'organization' || lt === null) && (t === 'organization' || t === null) && (tail || head))
          return true;
        return false;
      });
    if (host && Math.min(...host.mentions.map((m) => m.start)) <= firstAt + 2000) {
      // a surname that acts ("Moana said") makes its untyped full name a person ("Tevaga Moana")
      if (typeOf(host) === null && sw.length > 1 && typeOf(short) === 'person') host.types.set('person', 1);
      if (
        typeOf(host) === null &&
        sw.length === 1 &&
        words(host.key).slice(-1)[0] === short.key &&
        short.mentions.some((m) => /\/subject-of-verb$/.test(m.rule))
      )
        host.types.set('person', 1);
      absorb(host, short);
      merged.add(short);
    }
  }
  clusters = clusters.filter((c) => !merged.has(c));

  // "Marta Lindqvist … 'Hey Marta'": a given name alone belongs to the one person the text names with it
  const byFirst = new Map<string, Cluster[]>();
  for (const l of clusters) {
    const lw = words(l.key);
    if (lw.length > 1) {
      let xs = byFirst.get(lw[0]);
      if (!xs) byFirst.set(lw[0], (xs = []));
      xs.push(l);
    }
  }
  for (const short of clusters) {
    if (merged.has(short) || words(short.key).length !== 1 || (typeOf(short) !== 'person' && typeOf(short) !== null))
      continue;
    const hosts = (byFirst.get(short.key) ?? []).filter((l) => l !== short && !merged.has(l) && typeOf(l) === 'person');
    if (hosts.length === 1) {
      absorb(hosts[0], short);
      merged.add(short);
    }
  }
  clusters = clusters.filter((c) => !merged.has(c));

  const entities: Entity[] = clusters.map((cl) => {
    const type = typeOf(cl) ?? (cl.mentions.some((m) => m.role) ? 'person' : fallbackType(cl));
    const lexName = [...cl.names].find((n) => knownName(n)?.name === n);
    const surfaces = [...new Set(cl.mentions.map((m) => m.text))];
    const name =
      lexName ?? [...cl.names, ...surfaces].sort((a, b) => words(b).length - words(a).length || b.length - a.length)[0];
    const mentions: Mention[] = cl.mentions
      .sort((a, b) => a.start - b.start)
      .filter((m, i, all) => i === 0 || m.start !== all[i - 1].start)
      .map((m) => ({ start: m.start, end: m.end, text: m.text, rule: m.rule, sentence: ctx.doc.sentenceOf(m.start) }));
    const aliases = [...new Set([...cl.names, ...surfaces])].filter((s) => s !== name);
    return { id: '', name, type, aliases, roles: [], salience: 0, mentions };
  });
  qualifyPlaces(ctx, entities);
  return entities;
}

/**
 * "Lyon, France", "Tacoma, Washington": a place written with the region it lies in is
 * named by that fuller form, the bare form staying an alias.
 */
function qualifyPlaces(ctx: Context, entities: Entity[]): void {
  const placeAt = new Map<number, { e: Entity; end: number }>();
  for (const e of entities) if (e.type === 'place') for (const m of e.mentions) placeAt.set(m.start, { e, end: m.end });
  for (const e of entities) {
    // a country is not "in" a region; "China, Pakistan, and the UAE" is a list, not an address
    if (e.type !== 'place' || COUNTRIES.has(e.name)) continue;
    for (const m of e.mentions) {
      const gap = /^,\s+/.exec(ctx.doc.text.slice(m.end, m.end + 3));
      const next = gap ? placeAt.get(m.end + gap[0].length) : undefined;
      // an address ends there ("Lyon, France for the launch"); a clause does not ("Cairo, Norway is …")
      const after = ctx.doc.tokensIn(next?.end ?? 0, (next?.end ?? 0) + 30)[0];
      const ends =
        next &&
        (/^\s*(?:[.;:)!?]|$)/.test(ctx.doc.text.slice(next.end, next.end + 2)) ||
          (after?.tags.has('Preposition') ?? false));
      // a capital lies in its own country: "Cairo, Norway" is not an address
      const capitalOf = knownName(e.name)?.country;
      const region =
        next && ends && REGIONS.has(next.e.name) && (!capitalOf || capitalOf === next.e.name) ? next.e : undefined;
      if (!region || region === e) continue;
      const full = `${e.name}, ${region.name}`;
      if (e.name !== full) {
        e.aliases = [...new Set([...e.aliases, e.name])].filter((a) => a !== full);
        e.name = full;
      }
      break;
    }
  }
}
