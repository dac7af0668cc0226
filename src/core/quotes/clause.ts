// What reported speech is made of: the clause after a cue, the adjuncts that may stand between
// them, and helpers shared by the reported-speech rules. Word lists: data/lexicons/quote-words.json.
import type { Context } from '../context';
import { isAbbreviation } from '../document/sentences';
import type { Token } from '../document/tokens';
import type { Span } from '../factsheet';
import { alternation, trimEndOf } from '../text';
import { lexicons } from '../lexicons';
import { isSourceNoun, mentionsIn, NEEDS_THAT, speakerHead } from './cues';

const words = lexicons.quoteWords;
const alt = alternation;
/** the words as typed and capitalised (the patterns that use it are case-sensitive: they also look for capitalised names) */
const altCased = (ws: string[]) => alt([...ws, ...ws.map((w) => w.charAt(0).toUpperCase() + w.slice(1))]);

/** The longest reported clause (characters) looked for on either side of a cue: keeps each cue's work bounded. */
export const CLAUSE_WINDOW = 1000;

export { trimEndOf };

/** Whether a speaker span names someone: an entity, a pronoun or a source noun ("officials", "the 45-year-old"). */
export const isSomeone = (ctx: Context, sp: Span): boolean => {
  if (mentionsIn(ctx, sp.start, sp.end).length > 0) return true;
  const { head } = speakerHead(sp.text);
  // compromise knows many occupations our list does not ("the forecaster", "a plumber"): its Actor tag
  return isSourceNoun(head) || ctx.doc.tokensIn(sp.start, sp.end).some((t) => t.normal === head && t.tags.has('Actor'));
};

/**
 * Adjuncts between a cue and its content: "in a statement", "on Tuesday", "to reporters in Kabul",
 * "in an interview with the BBC". Built from the tables; each whitespace run is matched once.
 */
export const ADJUNCT = new RegExp(
  `^(?:,?\\s+(?:${altCased(words.adjunctPrepositions)})\\s+(?:(?:${alt(words.determiners)})\\s+)?(?:[\\p{L}\\d-]+\\s+){0,3}?` +
    `(?:${altCased(words.adjunctHeads)})\\b(?:\\s+(?:${alt(words.nameJoiners)})\\s+(?:the\\s+)?[\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*){0,3})?)+,?`,
  'u',
);
/** Adjuncts that may close a sentence after a postposed cue: "…, X said Tuesday." / "said in a televised address." */
export const TAIL_ADJUNCT = new RegExp(
  `^(?:${ADJUNCT.source.slice(1)}|\\s+(?:${altCased(words.adjunctHeads)})\\b)+\\s*$`,
  'u',
);
const AUDIENCE_WORDS = new Set(words.audiences);
const ADJUNCT_PREPOSITIONS = new Set(words.adjunctPrepositions.map((w) => w.toLowerCase()));
const BLOCKERS = new RegExp(`^(?:${alt(words.clauseBlockers)})\\b`, 'i');
/** Objects of "told": people who hear the speech ("told reporters", "told a packed gym"). */
export const AUDIENCE = new RegExp(
  `^\\s+(?:(?:${alt(words.determiners)})\\s+)?(?:[\\p{L}.'’-]+\\s+){0,3}?(?:${alt(words.audiences)}|[\\p{Lu}][\\p{L}.'’-]*)\\b`,
  'u',
);
const TELL = new Set(words.tellCues);
const AUDIENCES = new Set(words.audiences);
// ("… were encouraging but noted that …": a second cue coordinated with the first starts a statement of its own)
export const CLAUSE_END = new RegExp(
  `(?:;|:(?!\\d)|,\\s+(?:${alt(words.clauseEnders)})\\b|(?<!\\s),?\\s+and\\s+that\\b|[.!?](?=\\s|$)` +
    `|,?\\s+(?:and|but)\\s+(?:also\\s+)?(?:${alt(lexicons.speech.reporting)})\\s+that\\b)`,
);
const CLAUSE_END_ALL = new RegExp(CLAUSE_END.source, 'g');

/**
 * The first clause end in `body`, the text at `at` in the clean text — an abbreviation's full stop ("said
 * Mr. Holloway had lied") ends nothing. Same shape as `CLAUSE_END.exec(body)`.
 */
export function clauseEndIn(ctx: Context, at: number, body: string): RegExpExecArray | null {
  CLAUSE_END_ALL.lastIndex = 0;
  for (let m = CLAUSE_END_ALL.exec(body); m; m = CLAUSE_END_ALL.exec(body))
    if (m[0] !== '.' || !isAbbreviation(ctx.doc.clean, at + m.index)) return m;
  return null;
}

/** "believes buyers will wait …": a noun phrase, then a finite verb or a modal within a few words. */
export function looksLikeClause(ctx: Context, at: number, end: number): boolean {
  const toks = ctx.doc.tokensIn(at, end).slice(0, 7);
  if (!toks.length || toks[0].tags.has('Verb') || toks[0].tags.has('Preposition') || toks[0].normal === 'to')
    return false;
  return toks
    .slice(1)
    .some(
      (t) =>
        t.tags.has('Modal') ||
        (t.tags.has('Verb') &&
          (t.tags.has('PastTense') || t.tags.has('PresentTense')) &&
          !t.tags.has('Infinitive') &&
          !t.tags.has('Gerund')),
    );
}

/** The content clause after a cue verb, up to `sentenceEnd`, or null when none follows it. */
/**
 * "told the inquiry the crossing was unsafe", "told his players they had earned it": a common noun
 * phrase after "told", then a second one (or a pronoun, or a name) that opens the clause. Returns the
 * characters to skip up to the clause, or 0.
 */
function objectBeforeClause(ctx: Context, from: number, sentenceEnd: number): number {
  const toks = ctx.doc.tokensIn(from, Math.min(sentenceEnd, from + 80));
  let k = 0;
  if (toks[k]?.tags.has('Determiner') || toks[k]?.tags.has('Possessive')) k++;
  while (k < toks.length && k < 3 && toks[k].tags.has('Adjective') && !/[,;:]/.test(toks[k].post)) k++;
  let n = k;
  while (
    n < toks.length &&
    n - k < 2 &&
    toks[n].tags.has('Noun') &&
    !toks[n].tags.has('Pronoun') &&
    !toks[n].tags.has('ProperNoun') &&
    !/[,;:]/.test(toks[n].post)
  )
    n++;
  const next = toks[n];
  if (n === k || !next) return 0;
  // the object hears the speech: people, a body, an audience ("told the story her grandmother told" is no speech)
  const head = toks[n - 1];
  if (!isSourceNoun(head.normal) && !head.tags.has('Actor') && !AUDIENCES.has(head.normal)) return 0;
  const opens =
    next.tags.has('Determiner') ||
    (next.tags.has('Pronoun') && !next.tags.has('Possessive')) ||
    next.tags.has('ProperNoun') ||
    next.tags.has('Possessive');
  return opens ? next.start - from : 0;
}

export function clauseAfter(ctx: Context, verb: Token, sentenceEnd: number, isCue: (t: Token) => boolean): Span | null {
  let from = verb.end;
  let rest = ctx.doc.clean.slice(from, sentenceEnd);
  const tell = TELL.has(verb.normal);
  if (tell) {
    // a common noun first ("told the jury Ana Ruiz had lied": the audience ends before the name), then the
    // audience words and names ("told reporters in Lima", "told Reuters")
    const skip = objectBeforeClause(ctx, from, sentenceEnd) || (AUDIENCE.exec(rest)?.[0].length ?? 0);
    from += skip;
    rest = rest.slice(skip);
  }
  const adj = ADJUNCT.exec(rest);
  if (adj) {
    from += adj[0].length;
    rest = rest.slice(adj[0].length);
  }
  // "told reporters in Sao Paulo that …": a short stretch without punctuation may stand before "that",
  // unless it holds a cue of its own ("praised the workers and said that …": the content is said's)
  let that = /^\s*(?:,\s*)?that\s*,?\s+/i.exec(rest);
  if (!that) {
    // (or one set off by commas: "said, in a written ruling, that …")
    that =
      // (not across "and"/"but": "said the plan was sound and that …" holds two statements)
      /^(?:\s+(?!(?:and|but)\b)[\p{L}\d'’.-]+){1,6}?\s+that\s*,?\s+/iu.exec(rest) ??
      /^\s*,(?:\s+[\p{L}\d'’.-]+){1,6}?\s*,\s*that\s*,?\s+/iu.exec(rest);
    if (that && ctx.doc.tokensIn(from, from + that[0].length).some(isCue)) return null;
    // "reported third-quarter results on Thursday that topped forecasts": after an object, "that" opens a relative
    // clause about it, not the content of speech (an audience may stand there: "told reporters", "warned investors";
    // an aside set off by commas is no object: "said, with a smile, that …"; nor the rest of an adjunct: "said in
    // court papers that …")
    if (that && !tell && !adj && !/^\s*,/.test(that[0])) {
      const gap = ctx.doc.tokensIn(from, from + that[0].length).filter((t) => t.normal !== 'that');
      // ("said in a note to clients that", "confirmed by email that": a phrase that opens with a preposition is
      // an adjunct; only the words before the first preposition can be an object)
      const firstPrep = gap.findIndex((t) => t.tags.has('Preposition') || ADJUNCT_PREPOSITIONS.has(t.normal));
      const object = gap
        .slice(0, firstPrep < 0 ? gap.length : firstPrep)
        .some(
          (t) =>
            t.tags.has('Noun') &&
            !t.tags.has('Date') &&
            !t.tags.has('Pronoun') &&
            !t.tags.has('ProperNoun') &&
            !AUDIENCE_WORDS.has(t.normal),
        );
      if (object) return null;
    }
  }
  if (that) {
    from += that[0].length;
    rest = rest.slice(that[0].length);
  } else if (
    (NEEDS_THAT.has(verb.normal) || tell) &&
    !looksLikeClause(ctx, from + (rest.length - rest.trimStart().length), sentenceEnd)
  )
    return null;
  const lead = /^\s*/.exec(rest)![0].length;
  from += lead;
  rest = rest.slice(lead);
  // after "that" a clause may open with an adjunct ("said that, as the shop had closed early, they …")
  if ((!that && BLOCKERS.test(rest)) || /^no(?=\s*(?:[.,;]|to\b|$))|^[“"'‘.,;:!?]/i.test(rest)) return null;
  const end = clauseEndIn(ctx, from, rest);
  let text = end ? rest.slice(0, end.index) : rest;
  text = trimEndOf(text, /[\s,.;:]/);
  if (text.split(/\s+/).length < 3) return null;
  return { start: from, end: from + text.length, text: ctx.doc.text.slice(from, from + text.length) };
}
