// Roles of people: the title before the name ("Chilean Ambassador Rosa Ibáñez") with its
// affiliation (a possessive, a demonym or an organisation right before the title), and
// appositions after it ("Putin, the Russian president,", "Jane Doe, chief executive of Acme,").
import type { Context } from '../context';
import type { Entity, Role } from '../factsheet';
import { demonymToCountry, lexicons } from '../lexicons';
import type { MentionCandidate } from './candidate';
import { isStateTitle, TITLE_MODIFIERS, TITLES } from './words';

/** The last candidate ending at or before `at`, by binary search over candidates sorted by end. */
function lastEndingBy(byEnd: MentionCandidate[], at: number): MentionCandidate | undefined {
  let lo = 0,
    hi = byEnd.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byEnd[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return byEnd[lo - 1];
}

function affiliationBefore(
  ctx: Context,
  at: number,
  byEnd: MentionCandidate[],
  owner: Map<MentionCandidate, Entity>,
  title: string,
): string | null {
  const prev = lastEndingBy(byEnd, at);
  if (!prev) return null;
  const gap = ctx.doc.text.slice(prev.end, at);
  // "Voltra's chief executive", "Poland's deputy interior minister": a possessive may stand before modifiers of the title
  if (!/^(?:['’]s?)?\s*$/.test(gap) && !/^['’]s?\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,2}$/u.test(gap)) return null;
  const e = owner.get(prev);
  if (!e) return null;
  // "French Ambassador" serves France; a "Swedish director" is only Swedish: nationality is not the employer
  if (e.type === 'group') return isStateTitle(title) ? (demonymToCountry.get(e.name) ?? e.name) : null;
  return e.name;
}

// (the body may hold lower-case connectors: "a coral ecologist at the University of Ghana,")
const APPOSITION =
  /^,\s+(?:(?:the|a|an|its|their)\s+)?((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)(?:\s+(?:of|at|for)\s+(?:the\s+)?([\p{Lu}][\p{L}'’-]*(?:\s+(?:(?:of|for|and|the)\s+)*[\p{Lu}][\p{L}'’-]*)*))?\s*[,.;]/u;
const TITLE_KEYS = new Set(TITLES.map((t) => t.join(' ')));
/** a lower-case word of one noun-like shape before a title: "campaign", "finance", "research" */
const NOUN_MODIFIER = /^\p{Ll}[\p{Ll}-]+$/u;
/** "his", "her", "the company's", "its": a possessive before a title that names no affiliation of its own */
const POSSESSIVE_OWNER = /^(?:(?:his|her|its|their|our)|(?:the\s+)?\p{Ll}+['’]s?)\s+/u;

/**
 * "the Russian president" → title "president", modifiers ["Russian"]: the longest known title at
 * the end. `at` is where the title starts in `phrase`, whatever whitespace separates its words.
 */
function splitTitle(phrase: string): { title: string; mods: string[]; at: number } | null {
  const words = [...phrase.matchAll(/\S+/g)];
  const ws = words.map((w) => w[0]);
  for (let k = 0; k < ws.length; k++) {
    if (!TITLE_KEYS.has(ws.slice(k).join(' ').toLowerCase())) continue;
    // "chief economist", "campaign manager": title modifiers and lower-case nouns before the title belong to it
    let j = k;
    while (
      j > 0 &&
      (TITLE_MODIFIERS.has(ws[j - 1].toLowerCase()) ||
        (NOUN_MODIFIER.test(ws[j - 1]) && !lexicons.stopwords.has(ws[j - 1])))
    )
      j--;
    return { title: ws.slice(j).join(' '), mods: ws.slice(0, j), at: words[j].index };
  }
  // "vice president of engineering", "head of research": a title and the department it heads
  const dept = / of(?: \p{Ll}+){1,2}$/u.exec(phrase);
  if (dept) {
    const head = splitTitle(phrase.slice(0, dept.index));
    if (head) return { ...head, title: head.title + phrase.slice(dept.index) };
  }
  return null;
}

/**
 * "Brightwater Capital's chief economist", "his campaign manager": an owner before the title — a name (the
 * affiliation) or a possessive word (dropped). Returns the owner's name, if any, and where the title phrase starts.
 */
function ownerBefore(phrase: string): { of: string | null; skip: number } {
  const named = /^((?:\p{Lu}[\p{L}&.-]*\s+){0,3}\p{Lu}[\p{L}&.-]*)['’]s?\s+/u.exec(phrase);
  if (named) return { of: named[1], skip: named[0].length };
  const word = POSSESSIVE_OWNER.exec(phrase);
  return { of: null, skip: word ? word[0].length : 0 };
}

/**
 * "Dr Kofi Mensah, a coral ecologist at …", "Tom Lee, a retired plumber,": no title we list, but a phrase of
 * nouns and adjectives whose head compromise knows as a person's occupation (its Actor tag) — the whole phrase.
 */
function occupation(ctx: Context, at: number, phrase: string): { title: string; mods: string[]; at: number } | null {
  const toks = ctx.doc.tokensIn(at, at + phrase.length);
  const head = toks[toks.length - 1];
  if (!head || !head.tags.has('Actor') || toks.length > 3) return null;
  const wordy = (t: (typeof toks)[number]) => t.tags.has('Noun') || t.tags.has('Adjective');
  if (!toks.every(wordy) || toks.some((t) => t.tags.has('ProperNoun') || t.tags.has('Pronoun'))) return null;
  return { title: phrase, mods: [], at: 0 };
}

export function assignRoles(ctx: Context, entities: Entity[], candidates: MentionCandidate[]): void {
  const owner = new Map<MentionCandidate, Entity>();
  const byStart = new Map(entities.flatMap((e) => e.mentions.map((m) => [m.start, e] as const)));
  for (const c of candidates) {
    const e = byStart.get(c.start);
    if (e) owner.set(c, e);
  }
  // candidates by end (stable: ties keep the pipeline's order, as the former filter-then-pop did)
  const byEnd = candidates.slice().sort((a, b) => a.end - b.end);
  for (const c of candidates) {
    const e = owner.get(c);
    if (!e || e.type !== 'person') continue;
    if (c.role) {
      add(e, {
        title: c.role.title,
        of: c.role.of ?? affiliationBefore(ctx, c.role.start, byEnd, owner, c.role.title),
        start: c.role.start,
        end: c.role.end,
        text: ctx.doc.text.slice(c.role.start, c.role.end),
      });
    }
    const m = APPOSITION.exec(ctx.doc.text.slice(c.end, c.end + 160));
    const possessor = m ? ownerBefore(m[1]) : { of: null, skip: 0 };
    const phrase = m ? m[1].slice(possessor.skip) : '';
    const phraseAt = m ? c.end + m.index + m[0].indexOf(m[1]) + possessor.skip : 0;
    const split = m && phrase && (splitTitle(phrase) ?? occupation(ctx, phraseAt, phrase));
    if (m && split) {
      const demonym = split.mods.find((w) => demonymToCountry.has(w));
      const of = m[2] ?? possessor.of ?? (demonym && isStateTitle(split.title) ? demonymToCountry.get(demonym)! : null);
      // offsets from the source, not from the re-joined title: "Foreign  Minister" keeps both spaces
      const start = phraseAt + split.at;
      const end = phraseAt + phrase.length;
      add(e, {
        title: split.title.replace(/^\p{Ll}/u, (x) => x.toUpperCase()),
        of,
        start,
        end,
        text: ctx.doc.text.slice(start, end),
      });
      // "president and CEO of Norvale": two titles share the affiliation
      // ("a lawyer and former mayor of Lyon": a second title with modifiers of its own keeps its affiliation)
      const bare = TITLE_KEYS.has(split.title.toLowerCase());
      const first = split.mods.length > 1 && /^and$/i.test(split.mods[split.mods.length - 1]) ? phrase : null;
      const before = first && splitTitle(first.slice(0, split.at).replace(/\s+and\s+$/i, ''));
      if (before && !before.mods.length) {
        const s0 = phraseAt;
        const title = first!.slice(0, split.at).replace(/\s+and\s+$/i, '');
        add(e, {
          title: title.replace(/^\p{Ll}/u, (x) => x.toUpperCase()),
          of: bare ? of : null,
          start: s0,
          end: s0 + title.length,
          text: title,
        });
      }
    }
  }
  typeAffiliations(entities);
}

/**
 * "CEO of Norvale", "founder of Kestrel": what a title that only a company, charity or body confers belongs to is an
 * organisation, when nothing else said what it is ("other" is the type of no evidence). A state title's
 * affiliation ("president of …") may be a country or a company: left alone.
 */
function typeAffiliations(entities: Entity[]): void {
  const byName = new Map<string, Entity>();
  for (const e of entities) for (const n of [e.name, ...e.aliases]) byName.set(n, e);
  for (const e of entities) {
    for (const r of e.roles) {
      const of = r.of ? byName.get(r.of) : undefined;
      if (of && of.type === 'other' && !isStateTitle(r.title)) of.type = 'organization';
    }
  }
}

function add(e: Entity, r: Role) {
  if (!e.roles.some((x) => x.start === r.start)) e.roles.push(r);
}
