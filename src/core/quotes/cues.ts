// Speech cues (verbs, "according to") and how to find who the cue belongs to.
import type { Context } from '../context';
import type { Token } from '../document/tokens';
import type { Span } from '../factsheet';
import { lexicons } from '../lexicons';

export const REPORTING = new Set(lexicons.speech.reporting.map((w) => w.toLowerCase()));
export const FRAMING = new Set(lexicons.speech.framing.map((w) => w.toLowerCase()));
export const SPEECH_NOUNS = new Set(lexicons.speech.nouns.map((w) => w.toLowerCase()));
/** verbs that report speech only with "that" after them ("expected that", not "expected to") */
export const NEEDS_THAT = new Set(['expect', 'expects', 'expected', 'believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'hope', 'hopes', 'hoped',
  'estimate', 'estimates', 'estimated', 'report', 'reports', 'reported', 'order', 'ordered', 'continue', 'continued', 'read', 'reads', 'post', 'posted',
  'note', 'notes', 'noted', 'answer', 'answered', 'ask', 'asks', 'asked', 'agree', 'agreed', 'agrees', 'cite', 'cited', 'citing', 'quote', 'quoted', 'state', 'states',
  'recall', 'recalled', 'recalls', 'observe', 'observed', 'mention', 'mentioned', 'indicate', 'indicated', 'indicates', 'accuse', 'accused', 'accuses', 'urge', 'urged', 'urges',
  'praise', 'praised', 'praises', 'praising', 'criticize', 'criticized', 'criticised', 'criticizes', 'promise', 'promised', 'promises', 'promising', 'deny', 'denies', 'denied', 'denying',
  'predict', 'predicts', 'predicted', 'predicting', 'reply', 'replies', 'replied', 'respond', 'responds', 'responded', 'complain', 'complained', 'complains', 'testify', 'testified']);
/** -ing cues hang from a clause whose subject speaks: "…, adding that", "Citing “…”, Airbus said". */
export const PARTICIPLES = new Set([...REPORTING, ...FRAMING].filter((w) => w.endsWith('ing')));
/** Heads that speak for an organisation when it is not named: "the ministry said", "officials said". */
export const ORG_VOICE = /^(?:officials?|spokes(?:man|woman|person)|sources?|company|companies|firm|ministry|government|administration|agency|group|airline|carrier|bank|manufacturer|maker|department|office|union|council|committee|court|board|army|military|police|authorities)$/;
/** Heads of speakers who are people, when no one is named: "analysts said", "the minister said". */
const PERSON_VOICE = /^(?:he|she|they|we|i|you|analysts?|experts?|economists?|minister|president|chairman|director|chief|executives?|manager|witness(?:es)?|residents?|observers|critics|lawmakers|regulators|investigators|prosecutors|researchers|scientists|doctors|lawyers?|attorneys?|leaders?|people|workers|employees|members|organi[sz]ers|aide|official|diplomats?|envoy|ambassador|governor|mayor|senator|judge|staff|coach)$/;
/** Whether a head noun names someone who can report speech (documents count: "the report said"). */
export const isSourceNoun = (head: string): boolean => ORG_VOICE.test(head) || PERSON_VOICE.test(head) || SPEECH_NOUNS.has(head) || /^(?:study|survey|memo|e-?mail|filing|lawsuit|newspaper|magazine|website|reports|team|club)$/.test(head);

export const PRONOUNS: Record<string, 'person' | 'organization'> = { he: 'person', she: 'person', they: 'organization', it: 'organization', we: 'organization', i: 'person' };

/** A participle cue ("calling", "adding") has its own subject only when a noun phrase is glued to it: "Putin calling …" but not "…, adding that …". */
export function participleSpeaker(ctx: Context, verb: Token): Span | null {
  const prev = ctx.doc.tokensIn(Math.max(0, verb.start - 60), verb.start).pop();
  if (!prev || /[,;:.!?“”"\n]/.test(prev.post) || prev.tags.has('Preposition')) return sentenceSubject(ctx, verb);
  const glued = speakerBefore(ctx, verb);
  // "released a statement saying": the statement's author is the sentence's subject
  if (!glued || SPEECH_NOUNS.has(glued.text.toLowerCase().split(/\s+/).pop()!)) return sentenceSubject(ctx, verb) ?? glued;
  return glued;
}

/** "Detik.com quoted Djamal as saying": the speaker is the one quoted, not the one quoting. */
export function quotedAsSaying(ctx: Context, verb: Token): Span | null {
  if (!/^(?:quoted|quotes|quote|cited|cites|cite)$/.test(verb.normal)) return null;
  const m = /^\s+(?:the\s+)?([^,.;:!?“”"]{1,60}?)\s+as\s+(?:saying|telling|stating|writing)\b/.exec(ctx.doc.clean.slice(verb.end, verb.end + 90));
  if (!m) return null;
  const start = verb.end + m.index + m[0].indexOf(m[1]);
  const ms = mentionsIn(ctx, start, start + m[1].length);
  const pick = ms.find((x) => x.type === 'person') ?? ms[0];
  return pick ? asSpan(ctx, pick) : { start, end: start + m[1].length, text: ctx.doc.text.slice(start, start + m[1].length) };
}

export const isSpeechVerb = (t: Token) => (REPORTING.has(t.normal) || FRAMING.has(t.normal)) && (t.tags.has('Verb') || t.tags.has('Gerund') || PARTICIPLES.has(t.normal) || t.normal === 'said');

const NP_TAGS = ['Noun', 'ProperNoun', 'Adjective', 'Acronym', 'Possessive', 'Value'];
const isNPToken = (t: Token) => NP_TAGS.some((g) => t.tags.has(g)) && !t.tags.has('Date') && !t.tags.has('Pronoun') || t.tags.has('Determiner') && /^(the|a|an)$/.test(t.normal);

interface Located { start: number; end: number; type: string }

/**
 * How far back (characters) a speaker may stand from its cue inside a sentence. Every search is
 * bounded by it so that one very long sentence (a liveblog without full stops) stays linear.
 */
export const SPEAKER_WINDOW = 300;

/** People and organisations' mentions, sorted by start: built once per entity list, then binary-searched. */
const mentionIndex = new WeakMap<object, Located[]>();
function indexOf(ctx: Context): Located[] {
  let idx = mentionIndex.get(ctx.entities);
  if (!idx) {
    idx = ctx.entities.filter((e) => e.type !== 'group')
      .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, type: e.type })))
      .sort((a, b) => a.start - b.start);
    mentionIndex.set(ctx.entities, idx);
  }
  return idx;
}

/** Entity mentions of people and organisations inside [from, to). */
export function mentionsIn(ctx: Context, from: number, to: number): Located[] {
  const idx = indexOf(ctx);
  let lo = 0, hi = idx.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (idx[mid].start < from) lo = mid + 1; else hi = mid; }
  const out: Located[] = [];
  for (let i = lo; i < idx.length && idx[i].start < to; i++) if (idx[i].end <= to) out.push(idx[i]);
  return out;
}

/** Where the clause of a cue at `at` may begin: its sentence's start, at most SPEAKER_WINDOW back. */
function clauseStart(ctx: Context, at: number): number {
  const s = ctx.doc.sentenceOf(at);
  return Math.max(s === null ? 0 : ctx.doc.sentences[s].start, at - SPEAKER_WINDOW);
}

/** Where the sentence of `at` ends, at most `window` characters ahead. */
export function clauseEnd(ctx: Context, at: number, window: number): number {
  const s = ctx.doc.sentenceOf(at);
  return Math.min(s === null ? ctx.doc.text.length : ctx.doc.sentences[s].end, at + window);
}

const asSpan = (ctx: Context, m: { start: number; end: number }): Span => ({ start: m.start, end: m.end, text: ctx.doc.text.slice(m.start, m.end) });

/**
 * The speaker words right before a cue verb: the noun phrase ending at it ("USAF officials",
 * "The Russian Foreign Ministry", "Northrop Grumman CEO Ron Sugar") or a pronoun. Appositions
 * point back to the name they describe: "Jane Doe, a doctor, said", "Scott Carson, president of
 * Acme, said".
 */
export function speakerBefore(ctx: Context, verb: Token): Span | null {
  const from = clauseStart(ctx, verb.start);
  const toks = ctx.doc.tokensIn(Math.max(from, verb.start - 200), verb.start);
  let i = toks.length - 1;
  // skip adverbs and auxiliaries: "has also said", "officially announced"
  while (i >= 0 && (toks[i].tags.has('Adverb') || toks[i].tags.has('Auxiliary') || /^(has|have|had|also|later|then|again|previously|once|did|does|do|is|was|will|would)$/.test(toks[i].normal)) && !/[,;:]/.test(toks[i].post)) i--;
  if (i < 0) return null;
  if (toks[i].tags.has('Pronoun') && toks[i].normal in PRONOUNS) return span(ctx, toks[i], toks[i]);
  const end = i;
  while (i >= 0 && isNPToken(toks[i]) && (i === end || !/[,.;:!?“”"()—\n]/.test(toks[i].post.replace(/^['’]s?/, '')))) i--;
  let first = i + 1;
  while (first <= end && toks[first].tags.has('Determiner')) first++;
  const np = first <= end ? span(ctx, toks[first], toks[end]) : null;
  const inNp = np ? mentionsIn(ctx, np.start, np.end) : [];
  if (np && inNp.some((m) => m.type === 'person')) return np;
  // an apposition after a name: the name is the speaker
  const named = inNp.some((m) => m.type === 'organization') ? ['person'] : ['person', 'organization'];
  const before = mentionsIn(ctx, from, np ? np.start : verb.start).filter((m) => named.includes(m.type));
  const last = before[before.length - 1];
  if (last && np) {
    const gap = ctx.doc.clean.slice(last.end, np.start);
    if (/^,\s/.test(gap) && !/[.;:!?“”"]/.test(gap) && gap.length < 120) return asSpan(ctx, last);
  }
  // "Airbus, which has out-sold Boeing since 2003, believes": the subject before the relative clause
  // (one slice, then plain tests: no pattern here may backtrack over a run of spaces or commas)
  const lead = stripAuxiliaries(ctx.doc.clean.slice(from, verb.start));
  const rel = before.length && lead.endsWith(',') ? [...before].reverse().find((m) => {
    const between = lead.slice(m.end - from);
    return /^,\s+(?:which|who|whose|that)\b/.test(between) && !/[.;:!?“”"]/.test(between);
  }) : undefined;
  if (rel) return asSpan(ctx, rel);
  return np;
}

/** The speaker words after an inverted cue: "said Muttaqi", "said Airbus chief executive Tom Enders". */
export function speakerAfter(ctx: Context, verb: Token, untilComma = false): Span | null {
  const limit = clauseEnd(ctx, verb.end, 160);
  const stop = (untilComma ? /[,.;!?“”"]/ : /[.;!?“”"]/).exec(ctx.doc.clean.slice(verb.end, limit));
  const to = stop ? verb.end + stop.index : limit;
  const ms = mentionsIn(ctx, verb.end, to);
  const pick = ms.find((m) => m.type === 'person') ?? ms[0];
  if (pick) return asSpan(ctx, pick);
  const toks = ctx.doc.tokensIn(verb.end, to);
  let i = 0;
  while (toks[i] && toks[i].tags.has('Determiner')) i++;
  const first = i;
  if (toks[i]?.tags.has('Pronoun') && toks[i].normal in PRONOUNS) return span(ctx, toks[i], toks[i]);
  while (toks[i] && isNPToken(toks[i]) && !toks[i].tags.has('Verb')) {
    if (/[,.;:!?“”"()—\n]/.test(toks[i].post.replace(/^['’]s?/, ''))) { i++; break; }
    i++;
  }
  if (i === first) return null;
  return span(ctx, toks[first], toks[i - 1]);
}

/** The subject of the sentence a participle cue hangs from: "Michael O'Leary justified it by saying, …". */
export function sentenceSubject(ctx: Context, verb: Token): Span | null {
  let ms = mentionsIn(ctx, clauseStart(ctx, verb.start), verb.start).filter((m) => m.type === 'person' || m.type === 'organization');
  if (!ms.length) {
    // "Citing “a precautionary measure”, Airbus announced …": the subject follows the participle's clause
    ms = mentionsIn(ctx, verb.end, clauseEnd(ctx, verb.end, SPEAKER_WINDOW)).filter((m) => m.type === 'person' || m.type === 'organization').slice(0, 1);
  }
  // a mention followed by its verb is a subject ("Boeing challenged the award …, claiming")
  const subjects = ms.filter((m) => { const next = ctx.doc.tokenAt(m.end + 1) ?? ctx.doc.tokensIn(m.end, m.end + 30)[0]; return next?.tags.has('Verb') && !next.tags.has('Gerund'); });
  const pick = subjects.find((m) => m.type === 'person') ?? subjects[subjects.length - 1] ?? ms.find((m) => m.type === 'person') ?? ms[0];
  return pick ? asSpan(ctx, pick) : null;
}

/** `text` without its trailing whitespace and auxiliaries ("…, which has also"): a loop, not a backtracking pattern. */
function stripAuxiliaries(text: string): string {
  let t = text.trimEnd();
  for (let m = /\b(?:also|has|have|had)$/.exec(t.slice(-8)); m; m = /\b(?:also|has|have|had)$/.exec(t.slice(-8))) {
    t = t.slice(0, t.length - m[0].length).trimEnd();
  }
  return t;
}

function span(ctx: Context, a: Token, b: Token): Span {
  const text = ctx.doc.text.slice(a.start, b.end).replace(/['’]s?$/, '');
  return { start: a.start, end: a.start + text.length, text };
}
