// The events pass: one event per dated clause or list item — its trigger, the date and how the
// event relates to it, participants (agent before the trigger, patient after it; list items take
// the agent of their lead-in line), and a short summary. Then the timeline view.
import { timexInterval } from '../dates/interval';
import type { Context } from '../context';
import type { DateFact, Entity, Event } from '../factsheet';
import type { Token } from '../document/tokens';
import { lexicons } from '../lexicons';
import { alternation } from '../dates/words';
import { firstFrom, spanIndexAt } from '../text';
import { adverbVerb, coordinated, findTrigger, listItemVerb } from './triggers';

type Relation = Event['relation'];
const RELATION: [RegExp, Relation][] = [
  [/\b(?:since|from|starting|beginning)\s+(?:the\s+)?$/i, 'from'],
  [/\b(?:until|till|through|by)\s+(?:the\s+)?$/i, 'until'],
  [/\bbefore\s+(?:the\s+)?$/i, 'before'],
  [/\bafter\s+(?:the\s+)?$/i, 'after'],
];
const CALENDAR = /^\d{2,4}(?:$|-)/;
const C = lexicons.events.cues;
/**
 * A comparison's baseline is not the event's time: "sold 330,000, up 6% on last year", "compared with 2024",
 * "up 27% on the same period last year". After a change word only a period is a baseline ("down 3% on Tuesday"
 * is when it fell); after "compared with", "than", "versus" any date is.
 */
const BASELINE_AFTER_CHANGE = new RegExp(
  `\\b(?:${alternation(C.changeWords)})\\b[^;]{0,24}?\\s(?:${alternation(C.baselinePrepositions)})` +
    `\\s+${'(?:the\\s+same\\s+\\p{L}+\\s+(?:of\\s+|in\\s+)?)?'}$`,
  'iu',
);
const BASELINE = new RegExp(
  `(?:^|[^\\p{L}])(?:${alternation(C.comparisonCues)})\\s+(?:in\\s+)?(?:the\\s+same\\s+\\p{L}+\\s+(?:of\\s+|in\\s+)?)?$`,
  'iu',
);
/** "the first time since April 2019", "its highest level since 2008": the date is the last time, not this one. */
const RECORD_SINCE = new RegExp(`\\b(?:${alternation(C.recordWords)})\\b[^;,]{0,40}\\bsince\\s+(?:the\\s+)?$`, 'i');
/** "could win … since 2019": a verb still to come cannot have happened from a past date. */
const MODAL_BEFORE = new RegExp(`\\b(?:${alternation(C.modals)})\\s+(?:\\p{L}+\\s+)?(?:be\\s+)?$`, 'iu');
const APPROXIMATE_THAN = new RegExp(`\\b(?:${alternation(C.approximateThan)})\\s+than\\s+$`, 'i');
const isDay = (v: string) => /^\d{4}-\d\d-\d\d/.test(v);

/** Whether a date, by the words before it, is a comparison's baseline or a record's last time. */
function isBaseline(lead: string, value: string): boolean {
  // "more than a year ago", "less than two weeks ago": "than" bounds the amount of time, it compares nothing
  if (APPROXIMATE_THAN.test(lead)) return false;
  return BASELINE.test(lead) || RECORD_SINCE.test(lead) || (!isDay(value) && BASELINE_AFTER_CHANGE.test(lead));
}
/** A reference word dates an event too ("the company currently employs …"), but is no calendar date. */
const REFERENCE = /^(?:PRESENT|PAST|FUTURE)_REF$/;

const SUBORDINATOR = new RegExp(`\\b(?:${alternation(C.subordinators)})\\b`, 'i');
const CLAUSE_BREAK = new RegExp(`[,;:()]|\\b(?:${alternation(C.clauseBreakers)})\\b`, 'i');
const TRAILING_PREPOSITION = new RegExp(`\\s+(?:${alternation(C.trailingPrepositions)})?\\s*$`, 'i');

interface Located {
  e: Entity;
  start: number;
  end: number;
}

/**
 * Whether a mention can be the subject of a trigger, given the words between them: auxiliaries
 * and adverbs ("has officially"), or the comma closing an apposition ("Russia, then the Soviet
 * Union, invaded"), but not a new clause ("Afghanistan, nearly four years after the group seized").
 */
function subjectOf(between: string): boolean {
  // "Ferreira, a Democrat, was elected": auxiliaries before the trigger belong to it
  const b = between.trim().replace(AUXILIARY_TAIL, '');
  if (b === '' || b === ',') return true;
  if (/^,[^,;:()]{1,40},$/.test(b) && !SUBORDINATOR.test(b)) return true; // ", then a kingdom,"
  if (APPOSITION.test(b)) return true; // ", the soprano who staged opera in shipyards,"
  return !CLAUSE_BREAK.test(b);
}

/** "died … at her home in Gothenburg": a place after a preposition of location is where, not whom */
const LOCATIVE_BEFORE = new RegExp(
  `\\b(?:${alternation(lexicons.entityWords.placePrepositions)})\\s+(?:the\\s+)?$`,
  'i',
);
const AUXILIARY_TAIL = new RegExp(`(?:\\s+(?:${alternation(C.auxiliaries)}))+$`, 'i');
/** ", the startup backed by Kaneda Holdings,", ", which makes pumps,": a phrase set off by commas describes the name before it */
const APPOSITION = new RegExp(
  `^,\\s+(?:${alternation([...C.determiners, ...C.appositionOpeners])})\\s[^,;:()]{1,120},$`,
  'i',
);

/**
 * The agent of a trigger: the nearest mention before it that can be its subject — or, when that mention sits
 * inside an apposition ("Orbitel Networks, the startup backed by Kaneda Holdings, said"), the name the
 * apposition describes.
 */
function agentBefore(ctx: Context, inClause: Located[], t: Token): Entity | null {
  for (let k = inClause.length - 1; k >= 0; k--) {
    const m = inClause[k];
    if (m.end > t.start || !subjectOf(ctx.doc.clean.slice(m.end, t.start))) continue;
    for (let h = k - 1; h >= 0; h--) {
      const host = inClause[h];
      const between = ctx.doc.clean.slice(host.end, t.start).trim().replace(AUXILIARY_TAIL, '');
      if (host.end <= m.start && APPOSITION.test(between)) return host.e;
    }
    return m.e;
  }
  return null;
}

/**
 * A "sentence" can be a whole page (a liveblog or a list without full stops): every search for a
 * trigger, agent or coordinated verb stays within this many characters of its date, so each date
 * costs the same however long its sentence is.
 */
const CLAUSE_REACH = 400;

/** The sentence of a date, and the part of it the searches look at. */
function clauseBounds(ctx: Context, d: DateFact): { sentence: [number, number]; search: [number, number] } {
  const s = d.sentence === null ? null : ctx.doc.sentences[d.sentence];
  const sentence: [number, number] = s
    ? [s.start, s.end]
    : [Math.max(0, d.start - 200), Math.min(ctx.doc.text.length, d.end + 200)];
  return {
    sentence,
    search: [Math.max(sentence[0], d.start - CLAUSE_REACH), Math.min(sentence[1], d.end + CLAUSE_REACH)],
  };
}

/** Mentions lying wholly inside [from, to), in order, without groups. */
function mentionsIn(mentions: Located[], from: number, to: number): Located[] {
  const out: Located[] = [];
  for (let i = firstFrom(mentions, from); i < mentions.length && mentions[i].start < to; i++)
    if (mentions[i].end <= to && mentions[i].e.type !== 'group') out.push(mentions[i]);
  return out;
}

/** Whether a date other than `d` starts strictly after `after` and before `before`. */
function anotherDateIn(stops: DateFact[], d: DateFact, after: number, before: number): boolean {
  for (let i = firstFrom(stops, after + 1); i < stops.length && stops[i].start < before; i++)
    if (stops[i] !== d) return true;
  return false;
}

function leadInAgent(ctx: Context, mentions: Located[], blockStart: number): Entity | null {
  const blocks = ctx.doc.blocks;
  let i = spanIndexAt(blocks, blockStart) ?? -1;
  while (i > 0 && blocks[i].type === 'list-item') i--;
  if (i < 0 || blocks[i].type === 'list-item') return null;
  const lead = blocks[i];
  return mentionsIn(mentions, lead.start, lead.end)[0]?.e ?? null;
}

export function extractEvents(ctx: Context): Event[] {
  const mentions: Located[] = ctx.entities
    .flatMap((e) => e.mentions.map((m) => ({ e, start: m.start, end: m.end })))
    .sort((a, b) => a.start - b.start);
  const dateById = new Map(ctx.dates.map((o) => [o.id, o]));
  // dates that end a coordination ("resigned on Monday and was replaced on Friday"), by start
  const stops = ctx.dates.filter((o) => o.type !== 'duration').sort((a, b) => a.start - b.start);
  const out: Event[] = [];
  const used = new Map<number, Event>();
  for (const d of ctx.dates) {
    if ((d.type !== 'date' && d.type !== 'time') || !d.value || !(CALENDAR.test(d.value) || REFERENCE.test(d.value)))
      continue;
    const { sentence, search } = clauseBounds(ctx, d);
    const [cs, ce] = search;
    if (isBaseline(ctx.doc.clean.slice(Math.max(cs, d.start - 80), d.start), d.value)) continue;
    const block = ctx.doc.blockOf(d.start);
    const trigger = REFERENCE.test(d.value)
      ? adverbVerb(ctx, d, cs, ce)
      : ((block?.type === 'list-item' ? listItemVerb(ctx, block) : null) ?? findTrigger(ctx, d.start, d.end, cs, ce));
    if (!trigger) continue;
    if (
      /\bsince\s+(?:the\s+)?$/i.test(ctx.doc.clean.slice(Math.max(cs, d.start - 10), d.start)) &&
      MODAL_BEFORE.test(ctx.doc.clean.slice(Math.max(cs, trigger.start - 30), trigger.start))
    )
      continue;
    const earlier = used.get(trigger.start);
    if (earlier) {
      // "flew Tuesday … at 18:00 UTC": the more precise of two dates on one trigger wins
      if (
        earlier.date &&
        d.value.startsWith(earlier.date.value ?? '\u0000') &&
        d.value.length > (earlier.date.value ?? '').length
      )
        earlier.date = { value: d.value, dateId: d.id };
      // "the wettest November day since records began in 1921": a date right after its verb beats one
      // the verb was only found after; the earlier date keeps no event
      else if (
        trigger.end <= d.start &&
        earlier.trigger.start > (dateById.get(earlier.date?.dateId ?? '')?.end ?? Infinity)
      ) {
        earlier.date = { value: d.value, dateId: d.id };
        earlier.relation =
          RELATION.find(([re]) => re.test(ctx.doc.clean.slice(Math.max(cs, d.start - 14), d.start)))?.[1] ?? 'during';
      }
      continue;
    }
    const lead = ctx.doc.clean.slice(Math.max(cs, d.start - 14), d.start);
    const relation = RELATION.find(([re]) => re.test(lead))?.[1] ?? 'during';
    const inClause = mentionsIn(mentions, cs, ce);
    const make = (t: Token, rule: string): Event => {
      let agent = agentBefore(ctx, inClause, t);
      if (!agent && block?.type === 'list-item') agent = leadInAgent(ctx, mentions, block.start);
      const patientAt = inClause.find(
        (m) => m.start >= t.end && m.end <= Math.max(d.start, t.end + 80) && m.e !== agent,
      );
      const patient = patientAt?.e ?? null;
      const pStart = patientAt?.start ?? 0;
      const participants: Event['participants'] = [];
      if (agent) participants.push({ entityId: agent.id, name: agent.name, role: 'agent' });
      if (patient)
        participants.push({
          entityId: patient.id,
          name: patient.name,
          role:
            patient.type === 'place' &&
            (!agent || LOCATIVE_BEFORE.test(ctx.doc.clean.slice(Math.max(0, pStart - 12), pStart)))
              ? 'location'
              : 'patient',
        });
      const from = t.start < d.start ? t.start : d.end;
      const to = t.start < d.start ? d.start : Math.min(ce, t.end + 100);
      const phrase = ctx.doc.text
        .slice(from, to)
        .replace(TRAILING_PREPOSITION, '')
        .replace(/^[\s,]+|[\s,]+$/g, '');
      return {
        id: '',
        trigger: { start: t.start, end: t.end, text: t.text },
        date: { value: d.value, dateId: d.id },
        relation,
        participants,
        sentenceSpan: { start: sentence[0], end: sentence[1] },
        summary: `${agent ? agent.name + ': ' : ''}${phrase}`.slice(0, 160),
        rule,
        sentence: d.sentence,
      };
    };
    const event = make(trigger, block?.type === 'list-item' ? 'dated-clause/list-item' : 'dated-clause');
    out.push(event);
    used.set(trigger.start, event);
    // coordinated verbs share this date when the sentence gives no other date after it
    if (anotherDateIn(stops, d, Math.min(trigger.start, d.start), ce)) continue;
    for (const t of coordinated(ctx, trigger, ce, ce)) {
      if (used.has(t.start)) continue;
      const e = make(t, 'dated-clause/coordinated');
      out.push(e);
      used.set(t.start, e);
    }
  }
  out
    .sort((a, b) => a.trigger.start - b.trigger.start)
    .forEach((e, i) => {
      e.id = `V${i + 1}`;
    });
  return out;
}

/**
 * Where a TIMEX3 calendar value begins, as a sortable "YYYY-MM-DD…" key: "199" (the 1990s) is
 * 1990, "19" (the 1900s) 1900, "2025-Q3" July, "2025-W27" its Monday; day and time values as they are.
 */
export function startKey(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  return timexInterval(value)?.[0] ?? value;
}

export function timeline(events: Event[]): { eventId: string; date: string; summary: string }[] {
  return events
    .filter((e) => e.date?.value && CALENDAR.test(e.date.value))
    .map((e) => ({ eventId: e.id, date: e.date!.value!, summary: e.summary }))
    .sort((a, b) => startKey(a.date).localeCompare(startKey(b.date)));
}
