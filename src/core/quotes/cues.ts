// Speech cues (verbs, "according to") and how to find who the cue belongs to.
import type { Context } from '../context';
import { alternation, firstFrom } from '../text';
import type { Token } from '../document/tokens';
import type { Span } from '../factsheet';
import { isAbbreviation } from '../document/sentences';
import { lexicons } from '../lexicons';

export const REPORTING = new Set(lexicons.speech.reporting.map((w) => w.toLowerCase()));
export const FRAMING = new Set(lexicons.speech.framing.map((w) => w.toLowerCase()));
export const SPEECH_NOUNS = new Set(lexicons.speech.nouns.map((w) => w.toLowerCase()));
const words = lexicons.quoteWords;
const QUOTING = new Set(words.quotingVerbs);
const DAYS = new Set(words.dayWords);
/** verbs that report speech only with "that" or a clause after them ("expected that", not "expected to") */
export const NEEDS_THAT = new Set(words.needsThat);
/** -ing cues hang from a clause whose subject speaks: "…, adding that", "Citing “…”, Airbus said". */
export const PARTICIPLES = new Set([...REPORTING, ...FRAMING].filter((w) => w.endsWith('ing')));
/** Heads that speak for an organisation when it is not named: "the ministry said", "officials said". */
export const ORG_VOICES = new Set(words.orgVoices);
/** Heads of speakers who are people, when no one is named: "analysts said", "the minister said", "the 45-year-old said". */
const PERSON_VOICES = new Set(words.personVoices);
const DOCUMENT_VOICES = new Set(words.documentVoices);
/** The head word of a descriptor: "45-year-old" → "year-old". */
const headOf = (w: string) => w.toLowerCase().replace(/^\d+-(?=year-old$)/, '');
/** Whether a head noun names someone who can report speech (documents count: "the report said"). */
export const isSourceNoun = (head: string): boolean => {
  const h = headOf(head);
  return ORG_VOICES.has(h) || PERSON_VOICES.has(h) || SPEECH_NOUNS.has(h) || DOCUMENT_VOICES.has(h);
};
const POST_MODIFIERS = new Set(words.postModifiers);
/**
 * The head word of a speaker phrase: the noun before a prepositional post-modifier ("lawyers for the men",
 * "doctors at the hospital"), else the last word. Returns whether a post-modifier was found.
 */
export function speakerHead(text: string): { head: string; postModified: boolean } {
  const ws = text.toLowerCase().split(/\s+/);
  const k = ws.findIndex((w, i) => i > 0 && POST_MODIFIERS.has(w));
  return k > 0 ? { head: ws[k - 1], postModified: true } : { head: ws[ws.length - 1] ?? '', postModified: false };
}
/** "a spokesperson for the ", "officials at ": the words before a body that a voice speaks for */
const VOICE_FOR = new RegExp(
  `^\\s*(?:(?:the|a|an)\\s+)?(?:[\\p{L}-]+\\s+){0,2}?([\\p{L}-]+)\\s+(?:${alternation(words.postModifiers)})\\s+(?:(?:the|a|an)\\s+)?$`,
  'iu',
);
export const voiceBefore = (gap: string): boolean => {
  const m = VOICE_FOR.exec(gap);
  return !!m && speaksFor(m[1].toLowerCase());
};
/** Whether a head speaks for someone else: an office, a spokesman, a statement ("Grant's office said"). */
export const speaksFor = (head: string): boolean =>
  ORG_VOICES.has(head) || DOCUMENT_VOICES.has(head) || SPEECH_NOUNS.has(head);
/** Whether a descriptor speaks for a person rather than an organisation ("the 45-year-old", "both senators"). */
export const isPersonVoice = (head: string): boolean =>
  PERSON_VOICES.has(headOf(head)) && !ORG_VOICES.has(headOf(head));

const AUXILIARIES = new Set(words.auxiliaries);
const QUANTIFIERS = new Set(words.quantifiers);
const RAISING = new Set(words.raising);

/** Possessive determiners and the pronoun that resolves them ("his claim": he). */
export const POSSESSIVES: Record<string, string> = {
  his: 'he',
  her: 'she',
  their: 'they',
  its: 'it',
  our: 'we',
  my: 'i',
};
export const PRONOUNS: Record<string, 'person' | 'organization'> = {
  he: 'person',
  she: 'person',
  they: 'organization',
  it: 'organization',
  we: 'organization',
  i: 'person',
};

/** A participle cue ("calling", "adding") has its own subject only when a noun phrase is glued to it: "Brill calling …" but not "…, adding that …". */
export function participleSpeaker(ctx: Context, verb: Token): Span | null {
  const prev = ctx.doc.tokensIn(Math.max(0, verb.start - 60), verb.start).pop();
  if (!prev || /[,;:.!?“”"\n]/.test(prev.post) || prev.tags.has('Preposition')) return sentenceSubject(ctx, verb);
  const glued = speakerBefore(ctx, verb);
  // "released a statement saying": the statement's author is the sentence's subject
  if (!glued || SPEECH_NOUNS.has(glued.text.toLowerCase().split(/\s+/).pop()!))
    return sentenceSubject(ctx, verb) ?? glued;
  return glued;
}

/** "Brightwire.net quoted Lindqvist as saying": the speaker is the one quoted, not the one quoting. */
export function quotedAsSaying(ctx: Context, verb: Token): Span | null {
  if (!QUOTING.has(verb.normal)) return null;
  const m = /^\s+(?:the\s+)?([^,.;:!?“”"]{1,60}?)\s+as\s+(?:saying|telling|stating|writing)\b/.exec(
    ctx.doc.clean.slice(verb.end, verb.end + 90),
  );
  if (!m) return null;
  const start = verb.end + m.index + m[0].indexOf(m[1]);
  const ms = mentionsIn(ctx, start, start + m[1].length);
  const pick = ms.find((x) => x.type === 'person') ?? ms[0];
  return pick
    ? asSpan(ctx, pick)
    : { start, end: start + m[1].length, text: ctx.doc.text.slice(start, start + m[1].length) };
}

export const isSpeechVerb = (t: Token) =>
  (REPORTING.has(t.normal) || FRAMING.has(t.normal)) &&
  (t.tags.has('Verb') || t.tags.has('Gerund') || PARTICIPLES.has(t.normal) || t.normal === 'said');

const NP_TAGS = words.nounPhraseTags;
const isNPToken = (t: Token) =>
  (NP_TAGS.some((g) => t.tags.has(g)) && !t.tags.has('Date') && !t.tags.has('Pronoun')) ||
  (t.tags.has('Determiner') && /^(the|a|an)$/.test(t.normal)) ||
  QUANTIFIERS.has(t.normal);

interface Located {
  start: number;
  end: number;
  type: string;
}

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
    idx = ctx.entities
      .filter((e) => e.type !== 'group')
      .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, type: e.type })))
      .sort((a, b) => a.start - b.start);
    mentionIndex.set(ctx.entities, idx);
  }
  return idx;
}

/** Entity mentions of people and organisations inside [from, to). */
export function mentionsIn(ctx: Context, from: number, to: number): Located[] {
  const idx = indexOf(ctx);
  const out: Located[] = [];
  for (let i = firstFrom(idx, from); i < idx.length && idx[i].start < to; i++) if (idx[i].end <= to) out.push(idx[i]);
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

const asSpan = (ctx: Context, m: { start: number; end: number }): Span => ({
  start: m.start,
  end: m.end,
  text: ctx.doc.text.slice(m.start, m.end),
});

/**
 * The speaker words right before a cue verb: the noun phrase ending at it ("USAF officials",
 * "The Russian Foreign Ministry", "Norvale CEO Ada Brill") or a pronoun. Appositions
 * point back to the name they describe: "Jane Doe, a doctor, said", "Ada Brill, president of
 * Acme, said".
 */
export function speakerBefore(ctx: Context, verb: Token, coordinated = true): Span | null {
  const from = clauseStart(ctx, verb.start);
  const toks = ctx.doc.tokensIn(Math.max(from, verb.start - 200), verb.start);
  let i = toks.length - 1;
  // skip adverbs, auxiliaries and raising frames: "has also said", "would later claim", "is reported to have said"
  while (i >= 0 && isAuxiliaryLike(toks, i) && !/[,;:]/.test(toks[i].post)) i--;
  if (i < 0) return null;
  if (toks[i].tags.has('Pronoun') && toks[i].normal in PRONOUNS) return span(ctx, toks[i], toks[i]);
  // "X praised the workers and said": a coordinated verb shares the first verb's subject
  if (coordinated && /^(?:and|but|then)$/.test(toks[i].normal)) {
    // "X said engineers had restored power, but warned that …": the earlier cue, not a verb inside its content
    let verb: Token | null = null;
    for (let k = i - 1; k >= 0 && !/[.;:!?]/.test(toks[k].post); k--) {
      const t = toks[k];
      if (!t.tags.has('Verb') || t.tags.has('Auxiliary') || t.tags.has('Gerund')) continue;
      if (REPORTING.has(t.normal)) {
        verb = t;
        break;
      }
      verb ??= t;
    }
    return verb ? speakerBefore(ctx, verb, false) : null;
  }
  // "the coach, who said": the relative pronoun stands for the words before its comma
  if (RELATIVE.has(toks[i].normal) && i > 0 && /,/.test(toks[i - 1].post))
    return describedBefore(ctx, toks, i - 1, from);
  // "Jane Doe, a doctor at the clinic, said": an apposition after a name; the name is the speaker
  if (/,/.test(toks[i].post)) {
    // "their manager, Pieter de Vries, admitted": the name closes the apposition itself
    const own = mentionsIn(ctx, from, toks[i].end)
      .filter((m) => m.type === 'person' && m.end === toks[i].end)
      .pop();
    if (own) return asSpan(ctx, own);
    const named = appositionHead(ctx, from, toks[i].end + toks[i].post.indexOf(',') + 1);
    if (named) return named;
    // "The company's former finance director, who testified against X, said": what the relative clause describes
    for (let k = i; k > 0 && !/[.;:!?“”"]/.test(toks[k - 1].post); k--) {
      if (RELATIVE.has(toks[k].normal) && toks[k].normal !== 'that' && /,/.test(toks[k - 1].post))
        return describedBefore(ctx, toks, k - 1, from);
    }
  }
  const np = nounPhraseEndingAt(ctx, toks, i);
  if (!np) return null;
  const modified = postModifiedSpeaker(ctx, toks, np);
  if (modified) return modified;
  // "The Ministry of Defence said": the noun phrase is the tail of a name that runs across "of"
  const across = mentionsIn(ctx, from, np.end).find(
    (m) => m.start < np.start && m.end === np.end && (m.type === 'organization' || m.type === 'person'),
  );
  if (across) return asSpan(ctx, across);
  const inNp = mentionsIn(ctx, np.start, np.end);
  if (inNp.some((m) => m.type === 'person')) return np;
  // "Jane Doe of Acme Corp said": the organisation is where the person works
  const org = inNp.find((m) => m.type === 'organization' && m.end === np.end);
  if (org && affiliated(ctx, org) !== org) return asSpan(ctx, affiliated(ctx, org));
  // "Ada Brill, president and CEO of Norvale Rail Systems said": the apposition's last
  // words are the noun phrase; the name before its comma is the speaker (a bare comma is no
  // apposition: "On board the Marigold, Hale claims")
  const named = inNp.some((m) => m.type === 'organization') ? ['person'] : ['person', 'organization'];
  const last = mentionsIn(ctx, from, np.start)
    .filter((m) => named.includes(m.type))
    .pop();
  if (last) {
    const gap = ctx.doc.clean.slice(last.end, np.start);
    // (an apposition has no verb of its own: "According to Nielsen, the novel has sold …, and the publisher said")
    const clause = ctx.doc.tokensIn(last.end, np.start).some((t) => t.tags.has('Verb') && !t.tags.has('Participle'));
    if (/^,\s+\S/.test(gap) && !/[.;:!?“”"]/.test(gap) && gap.length < 120 && !clause) return asSpan(ctx, last);
  }
  return np;
}

const RELATIVE = new Set(words.relatives);
const AFFILIATIONS = new Set(words.affiliations);
/** what joins a person to the body they belong to: "Jane Doe of the", "Tom Lee, at" */
const AFFILIATION = new RegExp(`^,?\\s+(?:${alternation(words.affiliations)})\\s+(?:the\\s+)?$`, 'i');

/** Adverbs, auxiliaries, modals and the frame of "is reported/said to have": not the speaker. */
function isAuxiliaryLike(toks: Token[], i: number): boolean {
  const t = toks[i];
  if (t.tags.has('Adverb') || t.tags.has('Auxiliary') || t.tags.has('Modal') || AUXILIARIES.has(t.normal)) return true;
  if (t.normal === 'to' && /^(?:have|be)$/.test(toks[i + 1]?.normal ?? '')) return true;
  // "The Kremlin on Monday dismissed": a date between subject and verb
  if ((t.tags.has('Date') && !t.tags.has('ProperNoun')) || (t.tags.has('Preposition') && toks[i + 1]?.tags.has('Date')))
    return true;
  if (DAYS.has(t.normal)) return true;
  return toks[i + 1]?.normal === 'to' && RAISING.has(t.normal);
}

/** The noun phrase ending at token `end` ("USAF officials", "the Russian Foreign Ministry"), without its determiner. */
function nounPhraseEndingAt(ctx: Context, toks: Token[], end: number): Span | null {
  let i = end;
  while (i >= 0 && isNPToken(toks[i]) && (i === end || !/[,.;:!?“”"()—\n]/.test(toks[i].post.replace(/^['’]s?/, ''))))
    i--;
  let first = i + 1;
  // determiners go ("the ministry"), quantifiers stay: they say who spoke ("both senators", "several analysts")
  while (first <= end && toks[first].tags.has('Determiner') && !QUANTIFIERS.has(toks[first].normal)) first++;
  return first <= end ? span(ctx, toks[first], toks[end]) : null;
}

/**
 * "Lawyers for the men said", "Relatives of the victims said", "Doctors at the hospital said": a person
 * noun, then a prepositional phrase — the people the noun names speak, not what the phrase names. A voice
 * that speaks for its organisation ("a spokesman for Acme", "officials at the ministry") is left to the
 * caller, which names the organisation.
 */
function postModifiedSpeaker(ctx: Context, toks: Token[], np: Span): Span | null {
  const first = toks.findIndex((t) => t.start === np.start);
  let j = first - 1;
  // "of the relegated club": determiners and modifiers the noun phrase left out ("relegated" reads as a verb)
  while (j >= 0 && first - j <= 3 && !POST_MODIFIERS.has(toks[j].normal) && !/[,;:.!?“”"()]/.test(toks[j].post)) {
    const t = toks[j];
    if (!t.tags.has('Determiner') && !t.tags.has('Adjective') && !t.tags.has('PastTense') && !t.tags.has('Value'))
      break;
    j--;
  }
  if (j < 1 || !POST_MODIFIERS.has(toks[j].normal) || /[,;:.!?“”"()]/.test(toks[j - 1].post)) return null;
  const head = toks[j - 1];
  if (!isSourceNoun(head.normal) || speaksFor(head.normal)) return null;
  const headNp = nounPhraseEndingAt(ctx, toks, j - 1);
  if (!headNp) return null;
  // "Paul Okafor, chief executive of Okafor Holdings, said": an apposition after a name — the name speaks
  const comma = /,\s*$/.exec(ctx.doc.clean.slice(Math.max(0, headNp.start - 3), headNp.start));
  const commaAt = comma ? headNp.start - comma[0].length : -1;
  if (commaAt >= 0 && mentionsIn(ctx, Math.max(0, commaAt - 80), commaAt).some((m) => m.end === commaAt)) return null;
  if (/^(?:and|or)$/i.test(toks[toks.findIndex((t) => t.start === headNp.start) - 1]?.normal ?? '')) return null;
  return { start: headNp.start, end: np.end, text: ctx.doc.text.slice(headNp.start, np.end) };
}

/** What a relative pronoun after token `end` stands for: a name right before the comma, else its noun phrase. */
function describedBefore(ctx: Context, toks: Token[], end: number, from: number): Span | null {
  const named = appositionHead(ctx, from, toks[end].end + toks[end].post.indexOf(',') + 1);
  if (named) return named;
  const ms = mentionsIn(ctx, from, toks[end].end).filter(
    (m) => (m.type === 'person' || m.type === 'organization') && m.end === toks[end].end,
  );
  const last = ms[ms.length - 1];
  return last ? asSpan(ctx, affiliated(ctx, last)) : nounPhraseEndingAt(ctx, toks, end);
}

/**
 * The name an apposition or a relative clause describes, given the offset just after the comma
 * that closes it: "Ines Harlow, a Chilean nurse and former volunteer," → Ines Harlow;
 * "Veltro, which has out-sold Korda since 2009," → Veltro. People first, then organisations;
 * the name must be followed by a comma, and the stretch up to `commaEnd` must hold no sentence
 * punctuation or quotation mark.
 */
function appositionHead(ctx: Context, from: number, commaEnd: number): Span | null {
  const ms = mentionsIn(ctx, from, commaEnd);
  const fits = (m: Located) => {
    const between = ctx.doc.clean.slice(m.end, commaEnd);
    // "approved by the EU, with support from the UN, said": a prepositional phrase is no apposition
    // (an affiliation is: "Jane Doe, of the University of Ghana, said")
    const opener = ctx.doc.tokensIn(m.end, commaEnd)[0];
    if (opener?.tags.has('Preposition') && !AFFILIATIONS.has(opener.normal)) return false;
    return (
      /^['’]?,\s/.test(between) &&
      between.length <= 160 &&
      between.length > 3 &&
      !/[.;:!?“”"()]/.test(between.replace(/\b(?:\p{Lu}\.)+/gu, ''))
    );
  };
  for (const type of ['person', 'organization']) {
    for (let k = ms.length - 1; k >= 0; k--)
      if (ms[k].type === type && fits(ms[k])) return asSpan(ctx, affiliated(ctx, ms[k]));
  }
  return null;
}

/** "Prof Jane Doe of the University of X, who …, said": the organisation places the person named just before it. */
function affiliated(ctx: Context, m: Located): Located {
  if (m.type !== 'organization') return m;
  // (the clause may start after the person's comma: "Dr Jane Doe, from the X, who …")
  const person = mentionsIn(ctx, Math.max(0, m.start - 80), m.start)
    .filter((p) => p.type === 'person')
    .pop();
  return person && AFFILIATION.test(ctx.doc.clean.slice(person.end, m.start)) ? person : m;
}

/** "analysts polled by ", "economists surveyed by the": a noun phrase, a past participle and "by" before a name */
const PARTICIPLE_AGENT = /^\s*(?:(?:the|a|an)\s+)?((?:[\p{L}-]+\s+){0,2}?([\p{L}-]+))\s+\p{Ll}+ed\s+by\s+(?:the\s+)?$/u;

/** The source noun phrase of "analysts polled by " in text[from, to), when the text there is just that. */
export function participleAgent(ctx: Context, from: number, to: number): Span | null {
  const m = PARTICIPLE_AGENT.exec(ctx.doc.clean.slice(from, to));
  if (!m || !isSourceNoun(m[2])) return null;
  const start = from + m.index + m[0].indexOf(m[1]);
  return { start, end: start + m[1].length, text: ctx.doc.text.slice(start, start + m[1].length) };
}

const CLAUSE_STOP = /[.;!?“”"]/g;
const CLAUSE_OR_COMMA_STOP = /[,.;!?“”"]/g;

/** Where the first of `marks` (a global pattern) stands in text[from, to), an abbreviation's full stop ("said Mr. Holloway") not counted. */
function stopAt(text: string, from: number, to: number, re: RegExp): number {
  re.lastIndex = 0;
  const part = text.slice(from, to);
  for (let m = re.exec(part); m; m = re.exec(part))
    if (m[0] !== '.' || !isAbbreviation(text, from + m.index)) return from + m.index;
  return to;
}

/** The speaker words after an inverted cue: "said Okonjo", "said Veltro chief executive Lena Stroud". */
export function speakerAfter(ctx: Context, verb: Token, untilComma = false): Span | null {
  const limit = clauseEnd(ctx, verb.end, 160);
  const to = stopAt(ctx.doc.clean, verb.end, limit, untilComma ? CLAUSE_OR_COMMA_STOP : CLAUSE_STOP);
  const ms = mentionsIn(ctx, verb.end, to);
  const pick = ms.find((m) => m.type === 'person') ?? ms[0];
  // "according to analysts polled by LSEG": the people the participle describes, not its agent
  const agent = pick && participleAgent(ctx, verb.end, pick.start);
  if (agent) return agent;
  if (pick) return asSpan(ctx, pick);
  const toks = ctx.doc.tokensIn(verb.end, to);
  let i = 0;
  while (toks[i] && toks[i].tags.has('Determiner')) i++;
  const first = i;
  if (toks[i]?.tags.has('Pronoun') && toks[i].normal in PRONOUNS) return span(ctx, toks[i], toks[i]);
  while (toks[i] && isNPToken(toks[i]) && !toks[i].tags.has('Verb')) {
    if (/[,.;:!?“”"()—\n]/.test(toks[i].post.replace(/^['’]s?/, ''))) {
      i++;
      break;
    }
    i++;
  }
  if (i === first) return null;
  return span(ctx, toks[first], toks[i - 1]);
}

/** What may stand between "according to" and the name of its source: a determiner, an honorific ("Mr. Holloway"). */
const SOURCE_LEAD = new RegExp(
  `^(?:(?:the|a|an)\\s+)?(?:(?:${alternation(
    [...lexicons.titles.honorifics, ...lexicons.titles.abbreviatedTitles].map((h) => h.replace(/\.$/, '')),
  )})\\.?\\s+)?$`,
  'i',
);

/**
 * The source named right after "according to" / "said": the first mention that starts there
 * ("the Interior Ministry"), followed through possessives ("Norland's Civil Aviation Authority"
 * → the authority); else the noun phrase up to the next comma.
 */
export function sourceAfter(ctx: Context, at: number, limit: number): Span | null {
  const ms = mentionsIn(ctx, at, limit).filter((m) => m.type !== 'group');
  let pick = ms.find((m) => SOURCE_LEAD.test(ctx.doc.clean.slice(at, m.start)));
  while (pick) {
    const next: Located | undefined = ms.find(
      (m) =>
        m.start > pick!.end && /^['’]s?\s+(?:(?:[\p{L}-]+)\s+){0,2}$/u.test(ctx.doc.clean.slice(pick!.end, m.start)),
    );
    if (!next || next.type === 'place') break;
    pick = next;
  }
  if (pick) return asSpan(ctx, pick);
  const np = speakerAfter(ctx, { start: at, end: at } as Token, true);
  if (np) return np;
  // "according to police, …": a source noun the tagger took for a verb
  const m = /^((?:the\s+)?(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+))\s*,/u.exec(ctx.doc.clean.slice(at, limit));
  return m && isSourceNoun(m[2])
    ? { start: at, end: at + m[1].length, text: ctx.doc.text.slice(at, at + m[1].length) }
    : null;
}

/** The subject of the sentence a participle cue hangs from: "Michael O'Leary justified it by saying, …". */
export function sentenceSubject(ctx: Context, verb: Token): Span | null {
  let ms = mentionsIn(ctx, clauseStart(ctx, verb.start), verb.start).filter(
    (m) => m.type === 'person' || m.type === 'organization',
  );
  if (!ms.length) {
    // "Citing “a precautionary measure”, Airbus announced …": the subject follows the participle's clause
    ms = mentionsIn(ctx, verb.end, clauseEnd(ctx, verb.end, SPEAKER_WINDOW))
      .filter((m) => m.type === 'person' || m.type === 'organization')
      .slice(0, 1);
  }
  // a mention followed by its verb is a subject ("Veltro challenged the ruling …, claiming")
  const subjects = ms.filter((m) => {
    const next = ctx.doc.tokenAt(m.end + 1) ?? ctx.doc.tokensIn(m.end, m.end + 30)[0];
    return next?.tags.has('Verb') && !next.tags.has('Gerund');
  });
  const pick =
    subjects.find((m) => m.type === 'person') ??
    subjects[subjects.length - 1] ??
    ms.find((m) => m.type === 'person') ??
    ms[0];
  return pick ? asSpan(ctx, pick) : null;
}

function span(ctx: Context, a: Token, b: Token): Span {
  const text = ctx.doc.text.slice(a.start, b.end).replace(/['’]s?$/, '');
  return { start: a.start, end: a.start + text.length, text };
}
