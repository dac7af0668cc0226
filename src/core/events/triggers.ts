// Which word of a clause is the event a date belongs to: the nearest content verb before the
// date ("invaded Afghanistan in 1979"), an event noun if one comes first ("a meeting in Kabul
// on Thursday"), else the nearest verb after it ("In 2021, the group seized …").
import type { Context } from '../context';
import type { Token } from '../document/tokens';
import { lexicons } from '../lexicons';

const EVENT_NOUNS = new Set(lexicons.events.nouns);
const LIGHT_VERBS = /^(?:is|are|was|were|be|been|being|am|has|have|had|having|do|does|did|will|would|shall|should|can|could|may|might|must|get|gets|got|become|becomes|became|remain|remains|remained|seem|seems|seemed|made|make|makes|making|held|hold|holds)$/;
const MAX_BACK = 14, MAX_FORWARD = 8;

/** Particles of phrasal verbs ("took over", "set up") are not the event; the verb before them is. */
const PARTICLES = /^(?:over|up|out|off|down|back|away|on|in|about|through)$/;
/** -ing forms that work as prepositions: "including two disasters this year". */
const PREPOSITIONAL = /^(?:including|according|following|regarding|concerning|excluding|pending|during|notwithstanding)$/;
const isContentVerb = (t: Token) => !PARTICLES.test(t.normal) && !PREPOSITIONAL.test(t.normal) && (t.tags.has('Verb') || t.tags.has('Gerund') || t.tags.has('PastTense')) &&
  !t.tags.has('Auxiliary') && !t.tags.has('Modal') && !t.tags.has('Copula') && !LIGHT_VERBS.test(t.normal) && !t.tags.has('Adjective');
const isEventNoun = (t: Token) => t.tags.has('Noun') && EVENT_NOUNS.has(t.normal);

export function findTrigger(ctx: Context, dateStart: number, dateEnd: number, clauseStart: number, clauseEnd: number): Token | null {
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
    if (isModifierVerb(before, i)) continue;
    if (isEventNoun(t) || isContentVerb(t)) { found = t; if (!isPresentS(t)) break; }
  }
  if (found) return found;
  const after = ctx.doc.tokensIn(dateEnd, clauseEnd);
  for (let i = 0; i < Math.min(after.length, MAX_FORWARD); i++) {
    // "Since 2021, Taliban decrees have …": an "-s" word followed by a verb is the subject noun
    if (isPresentS(after[i]) && after[i + 1]?.tags.has('Verb')) continue;
    if (isContentVerb(after[i]) || isEventNoun(after[i])) return after[i];
  }
  return null;
}

const isPresentS = (t: Token) => t.tags.has('PresentTense') && /[^s]s$/.test(t.normal) && !t.tags.has('Gerund');
/** "Los Angeles based Northrop": a participle glued to a name is an adjective. */
const isModifierVerb = (toks: Token[], i: number) => /^(?:based|led|owned|backed|run|made|built)$/.test(toks[i].normal) && !!toks[i - 1] && /^\p{Lu}/u.test(toks[i - 1].text);

/** A list item that opens with a verb ("— Keeping its Kabul embassy open in 2021") is that event. */
export function listItemVerb(ctx: Context, block: { start: number; end: number }): Token | null {
  const first = ctx.doc.tokensIn(block.start, block.end).find((t) => /[\p{L}]/u.test(t.text));
  return first && (first.tags.has('Gerund') || first.tags.has('PastTense') || (first.tags.has('Verb') && !first.tags.has('Noun'))) ? first : null;
}
