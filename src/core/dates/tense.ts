// Whether a time expression speaks of the future: news resolves "on Thursday", "in October"
// to the most recent one unless the verb it belongs to looks ahead.
import type { Context } from '../context';
import { isMisreadVerb } from '../events/triggers';
import { lexicons } from '../lexicons';
import { alternation, cue } from './words';

/** "will", "plans to" and modals that look ahead unless they look back ("could vote", not "could have voted") */
const MODALS = alternation(lexicons.dates.futureCues.modals);
const FUTURE = new RegExp(
  `(?:\\b(?:${alternation(lexicons.dates.futureCues.words)}|(?:${MODALS})(?! have| not|n't))\\b|'ll\\b)`,
  'i',
);
/** A present-tense clause bounded by a coming time ("the road is closed until Friday") looks ahead. */
const UNTIL_BEFORE = new RegExp(
  `\\b(?:${cue('untilPrepositions')})\\s+(?:next\\s+)?(?:the\\s+(?:end|start|beginning|middle)\\s+of\\s+)?` +
    '(?:(?:[\\d:.]+\\s*[ap]\\.?\\s?m\\.?|noon|midnight)\\s+(?:on\\s+)?)?$',
  'i',
);

/** Verbs whose own meaning is about what is to come: "storms were expected on Tuesday". */
const LOOKS_AHEAD = new RegExp(`^(?:${cue('looksAhead')})$`);
/** Present-tense verbs of forecasting: "forecasters expect", "analysts predict the bank to cut rates". */
const FORECAST = new RegExp(`^(?:${cue('forecastVerbs')})$`);

/** "The match starts on Saturday": a present-tense verb of a timetable speaks of what is to come. */
const SCHEDULED = new Set(lexicons.dates.scheduledVerbs.words);

/**
 * "A hearing has been set for 9 June", "the launch is scheduled for", "has been pushed back to": a present or
 * present-perfect appointment verb names a date still to come.
 */
const ADVERB = '(?:\\p{L}+ly\\s+|now\\s+|also\\s+)?';
const APPOINTMENT = new RegExp(
  `\\b(?:(?:has|have)\\s+${ADVERB}been|is|are|['’]s)\\s+${ADVERB}` +
    `(?:${alternation(lexicons.dates.appointmentVerbs.words)})\\s+(?:for|to|until|till|on)\\s+(?:the\\s+)?$`,
  'iu',
);

const SUBJECT_DATE_VERB = new RegExp(`^\\s+(${cue('subjectDateVerbs')})\\b`, 'i');

export type Tense = 'past' | 'present' | 'future';

/**
 * The tense of the verb a time expression belongs to: the nearest verb before it in its clause
 * ("will meet on Thursday", "said on Thursday that … would"), else the nearest after it
 * ("On Thursday, the council will vote"). An infinitive coordinated with an earlier future
 * ("will fly to Paris and land on October 25") is future too.
 */
export function tenseOf(ctx: Context, at: number, end: number): Tense {
  const s = ctx.doc.sentenceOf(at);
  const [from, to] =
    s === null ? [Math.max(0, at - 80), end + 60] : [ctx.doc.sentences[s].start, ctx.doc.sentences[s].end];
  // "has cut 1,200 jobs since January": "since" counts from a time already past
  if (/\bsince\s+$/i.test(ctx.doc.clean.slice(Math.max(from, at - 8), at))) return 'past';
  if (APPOINTMENT.test(ctx.doc.clean.slice(Math.max(from, at - 60), at))) return 'future';
  // "warned that the fourth quarter would remain difficult": a date that is its clause's subject takes that clause's verb
  const next = SUBJECT_DATE_VERB.exec(ctx.doc.clean.slice(end, end + 12));
  if (next && /\bthat\s+$/i.test(ctx.doc.clean.slice(Math.max(from, at - 6), at)))
    return /^(?:was|were|had)$/i.test(next[1]) ? 'past' : 'future';
  const before = ctx.doc.tokensIn(from, at).slice(-12);
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i];
    if (isMisreadVerb(before, i)) return 'past';
    if (!t.tags.has('Verb')) continue;
    // "had gone unbeaten since losing to them in February": a gerund takes the tense of the verb it hangs on
    if (t.tags.has('Gerund') && i > 0 && before.slice(0, i).some((b) => b.tags.has('Verb') && !b.tags.has('Gerund')))
      continue;
    // "the board set the budget on …": with its object right after it, the verb is an act, not a timetable
    // "forecasters predict a close race", "expect calmer conditions": what a forecast names is to come
    if (FORECAST.test(t.normal)) return 'future';
    if (LOOKS_AHEAD.test(t.normal) && !before[i + 1]?.tags.has('Determiner')) return 'future';
    // "is to be held", "will be closed": the auxiliary before a participle carries the tense
    const aux = ctx.doc.clean.slice(before[Math.max(0, i - 4)].start, t.start);
    if (FUTURE.test(aux) || t.tags.has('FutureTense')) return 'future';
    // "analysts expect the bank to cut rates on Thursday": an infinitive under a verb that looks ahead
    if (before[i - 1]?.normal === 'to' && before.slice(0, i - 1).some((b) => FORECAST.test(b.normal))) return 'future';
    if (t.tags.has('PastTense') && !t.tags.has('Participle')) return 'past';
    if (/\b(?:has|have|had)\s+(?:\w+\s+)?$/i.test(aux + ' ')) return 'past'; // "has cut", "have already signed"
    if (t.tags.has('Infinitive') && FUTURE.test(ctx.doc.clean.slice(from, t.start))) return 'future';
    if (t.tags.has('PastTense')) return 'past';
    if (SCHEDULED.has(t.normal) && t.tags.has('PresentTense')) return 'future';
    return UNTIL_BEFORE.test(ctx.doc.clean.slice(Math.max(from, at - 30), at)) ? 'future' : 'present';
  }
  const after = ctx.doc.tokensIn(end, to).slice(0, 8);
  const v = after.findIndex((t) => t.tags.has('Verb'));
  if (v < 0) return 'present';
  if (FUTURE.test(ctx.doc.clean.slice(after[0].start, after[v].end))) return 'future';
  return after[v].tags.has('PastTense') ? 'past' : 'present';
}

export const isFuture = (ctx: Context, at: number, end: number): boolean => tenseOf(ctx, at, end) === 'future';
