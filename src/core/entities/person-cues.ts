// Evidence in the text around a name that it names a person, whatever the name looks like:
// a credit ("Image: Lena Stroud"), an age ("Tobias Venn, 42,"), "who", a person noun in
// apposition ("Ines Harlow, a Chilean nurse"), a he/she pronoun that refers back to it
// ("Marsh said he", "Tomas Reinholt and his colleagues"). The cue travels to the whole entity.
import type { Context } from '../context';
import type { Token } from '../document/tokens';
import { escapeRegExp as esc } from '../text';
import {
  CREDIT_LABELS,
  PRONOUN_BRIDGES,
  knownName,
  ORG_NOUNS,
  ORG_POSSESSIONS,
  PERSON_NOUNS,
  PERSON_PRONOUNS,
  THING_NOUNS,
  TITLES,
} from './words';

const CREDIT_BEFORE = new RegExp(`(?:^|[\\s.(])(?:${[...CREDIT_LABELS].map(esc).join('|')})\\s*:\\s*$`, 'i');
const AGE_AFTER = /^,\s+(?:aged\s+)?\d{1,3}\s*[,)]/;
const WHO_AFTER = /^,?\s+who\b/;
const NOUN_APPOSITION = new RegExp(
  `^,\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${[...PERSON_NOUNS].map(esc).join('|')})\\b`,
  'iu',
);
/** words that may stand between a name and a pronoun that refers to it: "said that he", "and his" */
const BRIDGE = PRONOUN_BRIDGES;
const isBridge = (t: Token) =>
  BRIDGE.has(t.normal) ||
  ((t.tags.has('Verb') || t.tags.has('Adverb') || t.tags.has('Copula') || t.tags.has('Auxiliary')) &&
    !t.tags.has('Noun'));

/** The cue that says the name at [start, end) is a person, or null. */
export function personCue(ctx: Context, start: number, end: number): string | null {
  const text = ctx.doc.clean;
  // a known place or organisation opening the name makes it a club or a firm ("Melbourne Victory, who …")
  const words = text.slice(start, end).split(/\s+/);
  const k = words.length > 1 ? knownName(words[0]) : undefined;
  if (k && k.type !== 'person') return null;
  if (CREDIT_BEFORE.test(text.slice(Math.max(0, start - 20), start))) return 'credit';
  const after = text.slice(end, end + 80);
  if (AGE_AFTER.test(after)) return 'age';
  // British English lets companies take "who" ("Norvale, who retains …"): only a full name counts; and "an analyst
  // at Brightwater Capital who rates …" describes the analyst, not the firm
  const affiliation =
    /\b(?:at|from)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, start - 10), start)) && /^\s+who\b/.test(after);
  if (WHO_AFTER.test(after) && /\s/.test(text.slice(start, end).trim()) && !affiliation) return 'who';
  if (NOUN_APPOSITION.test(after)) return 'person-noun';
  if (/^['’]s\b|^[,;:.!?]/.test(after)) return null;
  const next = ctx.doc.tokensIn(end, end + 60);
  for (let k = 0; k < Math.min(next.length, 5); k++) {
    const t = next[k];
    if (PERSON_PRONOUNS.has(t.normal) && k > 0) return 'pronoun';
    if (!isBridge(t) || /[,;:.!?]/.test(t.post)) break;
  }
  return null;
}

const TITLE_WORDS = new Set(TITLES.filter((t) => t.length === 1).map((t) => t[0]));
/** the word before a name: lower case, or capitalised at a sentence start ("Distributor Neon bought …") */
const ORG_NOUN_BEFORE = /(?:(\p{Ll}+)|(?:^|[.!?:"“]\s*)(\p{Lu}\p{Ll}+))\s+$/u;
const wordBefore = (text: string, start: number) => {
  // a window that starts inside the text is no sentence start: a control character keeps "^" from matching there
  const m = ORG_NOUN_BEFORE.exec((start > 30 ? '\u0001' : '') + text.slice(Math.max(0, start - 30), start));
  return (m?.[1] ?? m?.[2])?.toLowerCase();
};
/** "Green Tide's Leo Hartmann", "PRP's Nora Vail": a possessive before a full personal name */
const POSSESSIVE_BEFORE_NAME = /^['’]s\s+\p{Lu}\p{Ll}+\s+\p{Lu}/u;

/**
 * Evidence that the name at [start, end) is an organisation: a lower-case organisation noun before
 * it ("flag carrier Norlandair"), a title after it ("Brightwire founder Tam Ho-yin", "Voltra's chief
 * executive"), or its possessive before a person's full name ("Demosisto's Nathan Law").
 */
export function orgCue(ctx: Context, start: number, end: number): string | null {
  const text = ctx.doc.clean;
  const before = wordBefore(text, start);
  if (before && ORG_NOUNS.has(before)) return 'org-noun-before';
  const next = ctx.doc.tokensIn(end, end + 40);
  const after = text.slice(end, end + 40);
  // the token after the name, past a possessive the tagger may keep apart
  const t = next[0] && /^['’]s?$/.test(next[0].text) ? next[1] : next[0];
  if (t && /^(?:['’]s)?\s+\p{Ll}/u.test(after) && TITLE_WORDS.has(t.normal)) return 'title-after';
  if (POSSESSIVE_BEFORE_NAME.test(after)) return 'possessive-of-person';
  // one word that acts ("Northwind builds", "Voltra said", "Northwind, which …") and no person cue:
  // in news an actor named by one unknown word is most often a company (a surname folds into its person)
  if (!/\s/.test(text.slice(start, end).trim())) {
    // "Voltra's shares", "Kestrel's board": what only an organisation has
    const owned = /^['’]s?\s+(\p{Ll}[\p{Ll}-]*)(?:\s+(\p{Ll}+))?/u.exec(after);
    if (owned && (ORG_POSSESSIONS.has(owned[1]) || ORG_POSSESSIONS.has(owned[2] ?? ''))) return 'org-possession';
    if (/^,\s+which\b/.test(after)) return 'which';
    const v = next[0];
    if (
      v &&
      /^\s+$/.test(text.slice(end, v.start) || ' ') &&
      v.tags.has('Verb') &&
      !v.tags.has('Noun') &&
      !v.tags.has('Copula') &&
      !v.tags.has('Auxiliary') &&
      !v.tags.has('Modal') &&
      !v.tags.has('Gerund') &&
      /^\p{Ll}/u.test(v.text)
    )
      return 'subject-of-verb';
  }
  return null;
}

/** "the research vessel G.O. Sars", "the album Blue Lines": a lower-case noun of things before the name. */
export function thingCue(ctx: Context, start: number): string | null {
  const before = wordBefore(ctx.doc.clean, start);
  return before && THING_NOUNS.has(before) ? 'thing-noun-before' : null;
}
