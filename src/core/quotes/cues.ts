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
export const PARTICIPLES = new Set(['adding', 'saying', 'noting', 'stating', 'insisting', 'warning', 'arguing', 'explaining', 'claiming', 'telling', 'stressing', 'calling', 'describing', 'labeling', 'labelling', 'praising']);
export const PRONOUNS: Record<string, 'person' | 'organization'> = { he: 'person', she: 'person', they: 'organization', it: 'organization', we: 'organization', i: 'person' };

/** A participle cue ("calling", "adding") has its own subject only when a noun phrase is glued to it: "Putin calling …" but not "…, adding that …". */
export function participleSpeaker(ctx: Context, verb: Token): Span | null {
  const prev = ctx.doc.tokensIn(Math.max(0, verb.start - 60), verb.start).pop();
  if (!prev || /[,;:.!?“”"\n]/.test(prev.post)) return null;
  return speakerBefore(ctx, verb);
}

export const isSpeechVerb = (t: Token) => (REPORTING.has(t.normal) || FRAMING.has(t.normal)) && (t.tags.has('Verb') || t.tags.has('Gerund') || PARTICIPLES.has(t.normal) || t.normal === 'said');

const NP_TAGS = ['Noun', 'ProperNoun', 'Adjective', 'Acronym', 'Possessive', 'Value'];
const isNPToken = (t: Token) => NP_TAGS.some((g) => t.tags.has(g)) && !t.tags.has('Date') && !t.tags.has('Pronoun') || t.tags.has('Determiner') && /^(the|a|an)$/.test(t.normal);

/**
 * The speaker words right before a cue verb: the noun phrase ending at it ("USAF officials",
 * "The Russian Foreign Ministry", "Northrop Grumman CEO Ron Sugar") or a pronoun. An apposition
 * between them is skipped ("Jane Doe, a doctor, said").
 */
export function speakerBefore(ctx: Context, verb: Token): Span | null {
  const toks = ctx.doc.tokensIn(Math.max(0, verb.start - 200), verb.start);
  let i = toks.length - 1;
  // skip adverbs and auxiliaries: "has also said", "officially announced"
  while (i >= 0 && (toks[i].tags.has('Adverb') || toks[i].tags.has('Auxiliary') || /^(has|have|had|also|later|then|again|previously|once|did|does|do|is|was|will|would)$/.test(toks[i].normal)) && !/[,;:]/.test(toks[i].post)) i--;
  // skip an apposition: ", a doctor," / ", president of Acme,"
  if (i >= 0 && /,/.test(toks[i].post)) {
    let j = i;
    while (j >= 0 && !/^(?:,|.*[.;:!?])\s*$/.test(toks[j - 1]?.post ?? '.') && i - j < 8) j--;
    if (j > 0 && /,/.test(toks[j - 1].post)) i = j - 1; else return null;
  }
  if (i < 0) return null;
  if (toks[i].tags.has('Pronoun') && toks[i].normal in PRONOUNS) return span(ctx, toks[i], toks[i]);
  const end = i;
  while (i >= 0 && isNPToken(toks[i]) && (i === end || !/[,.;:!?“”"()—\n]/.test(toks[i].post.replace(/^['’]s?/, '')))) i--;
  if (i === end) return null;
  let first = i + 1;
  while (first <= end && toks[first].tags.has('Determiner')) first++;
  if (first > end) return null;
  return span(ctx, toks[first], toks[end]);
}

/** The speaker words right after an inverted cue: "said Muttaqi", "said Jane Doe, president of …". */
export function speakerAfter(ctx: Context, verb: Token): Span | null {
  const toks = ctx.doc.tokensIn(verb.end, verb.end + 120);
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

function span(ctx: Context, a: Token, b: Token): Span {
  const text = ctx.doc.text.slice(a.start, b.end).replace(/['’]s?$/, '');
  return { start: a.start, end: a.start + text.length, text };
}
