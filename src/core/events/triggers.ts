// Which word of a clause is the event a date belongs to: the nearest content verb before the
// date ("annexed the province in 1954"), an event noun if one comes first ("a summit in Lyon
// on Friday"), else the nearest verb after it ("In 2021, the group seized …"); the noun a date
// modifies ("a 2010 raid", "yesterday's loss"); a copula stating a situation when the clause has
// no other verb ("the rate was 4 % in May"); verbs coordinated with the trigger ("X resigned and
// Y was appointed") share its date.
import type { Context } from '../context';
import type { Token } from '../document/tokens';
import { lexicons } from '../lexicons';
import { alternation } from '../dates/words';

const E = lexicons.events;
const EVENT_NOUNS = new Set(E.nouns);
const LIGHT_VERBS = new Set(E.lightVerbs);
const COPULAS = new Set(E.copulas);
const MAX_BACK = 14,
  MAX_FORWARD = 8;

/** Particles of phrasal verbs ("took over", "set up") are not the event; the verb before them is. */
const PARTICLES = new Set(E.particles);
/** -ing forms that work as prepositions: "including two disasters this year". */
const PREPOSITIONAL = new Set(E.prepositionalVerbs);
const MODIFIER_PARTICIPLES = new Set(E.modifierParticiples);
const READ_AS_NOUNS = new Set(E.pastVerbsReadAsNouns);
const SETTING_PARTICIPLES = new Set(E.settingParticiples);
/** "The film, set in 1920s Lyon,", "the firm, based in Oslo since 2019,": a participle after a comma describes, it is no event. */
const isSetting = (toks: Token[], i: number) =>
  SETTING_PARTICIPLES.has(toks[i].normal) && !!toks[i - 1] && /,/.test(toks[i - 1].post);
/** "Storm Henk", "Operation Overlord": a capitalised event noun before a capitalised word begins a name. */
const isNameHead = (toks: Token[], i: number) =>
  /^\p{Lu}/u.test(toks[i].text) && !!toks[i + 1] && /^\p{Lu}/u.test(toks[i + 1].text) && !/[,;:]/.test(toks[i].post);
const DATE_MODIFIED = new Set([...E.nouns, ...E.dateModifiedNouns]);
/**
 * Words compromise reads as verbs that are not one here: "without power" (a word right after a
 * preposition is its object), "Harbour's unbeaten run", "the injured player" (a participle between
 * a determiner or possessive and its noun).
 */
const isNounInDisguise = (toks: Token[], i: number) => {
  const prev = toks[i - 1],
    next = toks[i + 1];
  if (!prev || toks[i].tags.has('Gerund')) return false;
  if (prev.tags.has('Preposition') && !/[,;:]/.test(prev.post) && !PARTICLES.has(prev.normal) && prev.normal !== 'to')
    return true;
  if (/^(?:the|a|an)$/.test(prev.normal)) return true; // "the take-off", "a run"
  const determined =
    prev.tags.has('Determiner') ||
    prev.tags.has('Possessive') ||
    /['’]s?$/.test(prev.text) ||
    /['’]s?$/.test(prev.post);
  return determined && !!next && next.tags.has('Noun') && !next.tags.has('Pronoun') && !/[,;:]/.test(toks[i].post);
};
/** "Shares rose 4 %": a past verb compromise tags as a noun, right after its subject (not "a rose"). */
export const isMisreadVerb = (toks: Token[], i: number) =>
  READ_AS_NOUNS.has(toks[i].normal) &&
  !!toks[i - 1] &&
  toks[i - 1].tags.has('Noun') &&
  !toks[i - 1].tags.has('Determiner') &&
  !/[,;:]/.test(toks[i - 1].post);

/** "3 % lower", "10 points higher": a word right after an amount is a comparison, not a verb. */
const isComparison = (toks: Token[], i: number) =>
  !!toks[i - 1] && /[\d%]$/.test(toks[i - 1].text) && /(?:er|up|down|more|less)$/.test(toks[i].normal);
const isContentVerb = (t: Token) =>
  !PARTICLES.has(t.normal) &&
  !PREPOSITIONAL.has(t.normal) &&
  (t.tags.has('Verb') || t.tags.has('Gerund') || t.tags.has('PastTense')) &&
  !t.tags.has('Preposition') &&
  !t.tags.has('Auxiliary') &&
  !t.tags.has('Modal') &&
  !t.tags.has('Copula') &&
  !LIGHT_VERBS.has(t.normal) &&
  !t.tags.has('Adjective') &&
  !t.tags.has('Comparative');
/** "Harbour City's run": a capitalised word inside a sentence is a name, not a verb ("harbour"). */
const isCapitalisedName = (ctx: Context, t: Token) =>
  /^\p{Lu}\p{Ll}/u.test(t.text) &&
  !/(?:^|[.!?:;"“”(—–-])\s*$/.test(ctx.doc.clean.slice(Math.max(0, t.start - 3), t.start)) &&
  ctx.doc.sentences[ctx.doc.sentenceOf(t.start) ?? -1]?.start !== t.start;
/** "the take-off", "a sell-off": a hyphenated phrasal verb is a noun naming an event. */
const isEventNoun = (t: Token) =>
  (t.tags.has('Noun') && EVENT_NOUNS.has(t.normal)) ||
  (t.tags.has('Hyphenated') && t.tags.has('PhrasalVerb') && /^-/.test(t.post));
const isPresentS = (t: Token) => t.tags.has('PresentTense') && /[^s]s$/.test(t.normal) && !t.tags.has('Gerund');
/** "stock markets fell", "the plants": an "-s" word after a determiner, adjective or noun is a plural noun. */
const isPluralNoun = (toks: Token[], i: number) =>
  isPresentS(toks[i]) &&
  !!toks[i - 1] &&
  (toks[i - 1].tags.has('Determiner') ||
    toks[i - 1].tags.has('Adjective') ||
    (toks[i - 1].tags.has('Noun') && !toks[i - 1].tags.has('Pronoun')) ||
    toks[i - 1].tags.has('Value')) &&
  !/[,;:]/.test(toks[i - 1].post);

/** A date that ends its clause (", as prices fell") dates nothing after it. */
const CLAUSE_AFTER = new RegExp(`^\\s*[,;]\\s*(?:${alternation(E.cues.clauseOpeners)})\\b`, 'i');
/** Auxiliaries and modals between a subject date and its verb: "the fourth quarter would remain". */
const AUX = new RegExp(`^(?:${alternation(E.cues.auxiliaries)})$`);

/**
 * "warned that the fourth quarter would remain difficult", "2024 saw record sales": a date that is
 * the subject of its clause belongs to the verb right after it.
 */
function subjectVerb(
  ctx: Context,
  dateStart: number,
  dateEnd: number,
  clauseStart: number,
  clauseEnd: number,
): Token | null {
  const lead = ctx.doc.clean.slice(Math.max(clauseStart, dateStart - 12), dateStart);
  if (!/(?:\bthat\s+|^\s*|[.;:"“]\s*)$/i.test(lead) || /^\s*['’]s/.test(ctx.doc.clean.slice(dateEnd, dateEnd + 3)))
    return null;
  const after = ctx.doc.tokensIn(dateEnd, clauseEnd).slice(0, 3);
  let i = 0;
  while (
    i < after.length - 1 &&
    AUX.test(after[i].normal) &&
    !/[,;:]/.test(after[i].post) &&
    after[i + 1].tags.has('Verb')
  )
    i++;
  const t = after[i];
  if (!t || /[,;:]/.test(ctx.doc.clean.slice(dateEnd, t.start))) return null;
  if (isContentVerb(t) || isMisreadVerb(after, i)) return t;
  // "would remain difficult", "was the warmest": a state verb that is not itself an auxiliary
  return (COPULAS.has(t.normal) || /^(?:remain|become|be)$/.test(t.normal)) && !after[i + 1]?.tags.has('Verb')
    ? t
    : null;
}

export function findTrigger(
  ctx: Context,
  dateStart: number,
  dateEnd: number,
  clauseStart: number,
  clauseEnd: number,
): Token | null {
  const modified = modifiedNoun(ctx, dateStart, dateEnd, clauseEnd);
  if (modified) return modified;
  const subject = subjectVerb(ctx, dateStart, dateEnd, clauseStart, clauseEnd);
  if (subject) return subject;
  const before = ctx.doc.tokensIn(clauseStart, dateStart);
  let found: Token | null = null;
  for (let i = before.length - 1, n = 0; i >= 0 && n < MAX_BACK; i--, n++) {
    const t = before[i];
    if (/[;:]/.test(t.post) && n > 0) break;
    if (found) {
      // "floated on … stock markets": a past-tense verb wins over a present-tense "-s" guess
      if (isContentVerb(t) && isPresentS(found) && t.tags.has('PastTense')) return t;
      if (/[,;:]/.test(t.post) || n > 6) break;
      continue;
    }
    // "announced that its retrospective next year will travel": a date inside a "that" clause dates that clause's verb
    if (t.normal === 'that' && n > 0 && !isDeterminerOf(before[i + 1])) break;
    if (isSetting(before, i) || isNameHead(before, i)) continue;
    if (
      !isEventNoun(t) &&
      (isModifierVerb(before, i) ||
        isPluralNoun(before, i) ||
        isComparison(before, i) ||
        isNounInDisguise(before, i) ||
        isCapitalisedName(ctx, t))
    )
      continue;
    if (isEventNoun(t) && !t.tags.has('Verb')) {
      // "met at the summit in Paris on Tuesday": a noun after "verb at" is where the verb happened
      const verb = governingVerb(before, i);
      if (verb) return verb;
    }
    if (isEventNoun(t) || isContentVerb(t) || isMisreadVerb(before, i)) {
      found = t;
      if (!isPresentS(t)) break;
    }
  }
  if (found) return found;
  if (CLAUSE_AFTER.test(ctx.doc.clean.slice(dateEnd, dateEnd + 14))) return copula(before);
  const after = ctx.doc.tokensIn(dateEnd, clauseEnd);
  for (let i = 0; i < Math.min(after.length, MAX_FORWARD); i++) {
    // "Since 2019, council rules have …": an "-s" word followed by a verb is the subject noun
    if (isPresentS(after[i]) && after[i + 1]?.tags.has('Verb')) continue;
    if (isSetting(after, i) || isNameHead(after, i)) continue;
    if (
      !isEventNoun(after[i]) &&
      (isPluralNoun(after, i) ||
        isComparison(after, i) ||
        isNounInDisguise(after, i) ||
        isCapitalisedName(ctx, after[i]))
    )
      continue;
    if (isContentVerb(after[i]) || isEventNoun(after[i]) || isMisreadVerb(after, i)) return after[i];
  }
  return copula(before);
}

/** "that company": a plain noun after "that" makes it a determiner, not the start of a clause. */
const isDeterminerOf = (next: Token | undefined) =>
  !!next &&
  next.tags.has('Noun') &&
  !next.tags.has('Pronoun') &&
  !next.tags.has('Possessive') &&
  !next.tags.has('Date');

/** The content verb before "verb + at (+ determiner/adjectives) + noun at i", if that is how the noun is reached. */
function governingVerb(toks: Token[], i: number): Token | null {
  let j = i - 1;
  while (
    j >= 0 &&
    i - j <= 3 &&
    (toks[j].tags.has('Determiner') || toks[j].tags.has('Adjective') || toks[j].tags.has('Possessive'))
  )
    j--;
  // only "at" makes the noun the verb's venue; "came after a meeting" relates two events, the noun keeps its own
  if (j < 1 || toks[j].normal !== 'at' || /[,;:]/.test(toks[j - 1].post)) return null;
  const v = toks[j - 1];
  return isContentVerb(v) && !v.tags.has('Gerund') && !isPluralNoun(toks, j - 1) ? v : null;
}

/** "The rate was 4.1 % in May": with no content verb, the "be" that states the situation. */
function copula(before: Token[]): Token | null {
  for (let i = before.length - 1; i >= 0 && i >= before.length - MAX_BACK; i--) {
    const t = before[i];
    if (/[;:]/.test(t.post)) break;
    if (!COPULAS.has(t.normal)) continue;
    const next = before[i + 1];
    // an auxiliary ("was arrested", "is to") is not the event; the copula before its complement is
    if (next && (next.tags.has('Verb') || next.tags.has('Participle') || next.normal === 'to' || next.normal === 'not'))
      return null;
    return t;
  }
  return null;
}

/**
 * "a 2010 raid", "yesterday's loss", "Tuesday's vote", "the 2012 Oslo Winter Games": the head
 * noun of the phrase the date modifies is the event.
 */
const DETERMINER_BEFORE = new RegExp(`\\b(?:${alternation(E.cues.determiners)})\\s+$`, 'i');

function modifiedNoun(ctx: Context, dateStart: number, dateEnd: number, clauseEnd: number): Token | null {
  const text = ctx.doc.clean;
  const possessive = /^['’]s\b/.test(text.slice(dateEnd, dateEnd + 3));
  if (!possessive) {
    // a bare year or day between a determiner and a noun: "a 2010 raid", "the June 3 vote"
    const det = DETERMINER_BEFORE.test(text.slice(Math.max(0, dateStart - 7), dateStart));
    if (!det || !/^\s+\p{L}/u.test(text.slice(dateEnd, dateEnd + 3))) return null;
  }
  const toks = ctx.doc.tokensIn(dateEnd, Math.min(clauseEnd, dateEnd + 60));
  let head: Token | null = null;
  for (const t of toks) {
    if (t.start === dateEnd && /^['’]s/.test(text.slice(t.start))) continue;
    if (!/\p{L}/u.test(t.text)) break;
    const nounish = t.tags.has('Noun') || t.tags.has('Adjective') || t.tags.has('ProperNoun');
    if (!nounish || t.tags.has('Pronoun') || t.tags.has('Preposition') || t.tags.has('Determiner')) break;
    head = t;
    if (/[,;:.]/.test(t.post)) break;
  }
  if (!head || !head.tags.has('Noun')) return null;
  // a date on a plain thing ("the 2021 budget document", "Saturday's crowd") is not an event unless the noun names one
  if (!DATE_MODIFIED.has(head.normal) && !(head.tags.has('ProperNoun') && !possessive)) return null;
  return head;
}

/** "Oslo based Veltro": a participle glued to a name is an adjective. */
const isModifierVerb = (toks: Token[], i: number) =>
  MODIFIER_PARTICIPLES.has(toks[i].normal) && !!toks[i - 1] && /^\p{Lu}/u.test(toks[i - 1].text);

/**
 * "On Monday, Smith resigned and Jones was appointed": content verbs coordinated with the trigger
 * ("and", "but", ", and") in the same sentence, before any other date, share the trigger's date.
 */
export function coordinated(ctx: Context, trigger: Token, clauseEnd: number, stopAt: number): Token[] {
  const toks = ctx.doc.tokensIn(trigger.end, Math.min(clauseEnd, stopAt));
  // "expect the storm to weaken later this week, but warned …": a verb of another tense is another time
  const past = (t: Token) => t.tags.has('PastTense') || t.tags.has('Participle') || READ_AS_NOUNS.has(t.normal);
  const noun = !trigger.tags.has('Verb') || isEventNoun(trigger);
  if (!noun && !past(trigger) && !trigger.tags.has('PresentTense')) return [];
  const out: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    // "…, and Y was appointed", "… this weekend, when a magazine cited …": the clause shares the time
    const when =
      toks[i].normal === 'when' && /,\s*$/.test(ctx.doc.clean.slice(Math.max(0, toks[i].start - 3), toks[i].start));
    if (toks[i].normal !== 'and' && toks[i].normal !== 'but' && !when) continue;
    // a subject of up to four words, auxiliaries, then the verb
    for (let j = i + 1; j < Math.min(toks.length, i + 8); j++) {
      const t = toks[j];
      if (/[,;:]/.test(toks[j - 1].post) && j > i + 1) break;
      if (t.tags.has('Gerund') || t.tags.has('Preposition') || t.normal === 'to') break;
      if (isContentVerb(t) && !isPluralNoun(toks, j) && !isNounInDisguise(toks, j)) {
        if (noun || when || past(t) === past(trigger)) out.push(t);
        i = j;
        break;
      }
    }
  }
  return out;
}

/**
 * "The company currently employs 300", "he recently resigned", "talks are ongoing": a reference
 * word dates only the verb it sits beside (two words either way), never one across the clause.
 */
export function adverbVerb(
  ctx: Context,
  d: { start: number; end: number },
  clauseStart: number,
  clauseEnd: number,
): Token | null {
  // '"We are seeing the bottom now," she said': a verb past a comma or quote is another clause's
  const after = ctx.doc
    .tokensIn(d.end, clauseEnd)
    .slice(0, 2)
    .filter((t) => !/[,;:"”]/.test(ctx.doc.clean.slice(d.end, t.start)));
  const before = ctx.doc.tokensIn(clauseStart, d.start).slice(-3);
  for (let i = 0; i < after.length; i++) if (isContentVerb(after[i]) && !isPluralNoun(after, i)) return after[i];
  for (let i = before.length - 1; i >= 0; i--)
    if (isContentVerb(before[i]) && !isPluralNoun(before, i)) return before[i];
  const be = before.findLast((t) => COPULAS.has(t.normal));
  return be && /^\s*[.,;]/.test(ctx.doc.clean.slice(d.end, d.end + 2)) ? be : null;
}

/** A list item that opens with a verb ("— Keeping its Kabul embassy open in 2021") is that event. */
export function listItemVerb(ctx: Context, block: { start: number; end: number }): Token | null {
  const first = ctx.doc.tokensIn(block.start, block.end).find((t) => /[\p{L}]/u.test(t.text));
  return first &&
    (first.tags.has('Gerund') || first.tags.has('PastTense') || (first.tags.has('Verb') && !first.tags.has('Noun')))
    ? first
    : null;
}
