// Refiner `speech-time`: "“Tomorrow we start earning that trust,” Ferreira said on Tuesday night." A day word
// inside quotation marks counts from the day the words were spoken, when the attribution after the quotation
// dates it; the publication date is only the reader's today.
import type { Context, Refiner, YMD } from '../context';
import type { Token } from '../document/tokens';
import { lexicons } from '../lexicons';
import type { DateCandidate } from './candidate';
import { parseYMD } from './calendar';
import { cycleValue, dayWordValue } from './relative';
import { alternation } from './words';
import { firstFrom } from '../text';

const REPORTING = new Set(lexicons.speech.reporting.map((w) => w.toLowerCase()));
/** How far after the closing mark the attribution and its date may stand. */
const REACH = 120;
/** How far a quotation may stretch around the date (longer ones are taken as unquoted). */
const WINDOW = 1500;

/**
 * Where the words a date stands in end, when someone is quoted saying them: the closing mark of the quotation
 * (curly or straight) around it, else the comma before a postposed attribution ("The vote is tomorrow, Ferreira
 * said on Tuesday."); -1 when neither.
 */
function spokenUntil(ctx: Context, at: number, sentenceEnd: number): number {
  const block = ctx.doc.blockOf(at);
  if (!block) return -1;
  const text = ctx.doc.clean;
  // every look stays within WINDOW of the date: a page of day words in one paragraph stays linear
  const from = Math.max(block.start, at - WINDOW);
  const to = Math.min(block.end, at + WINDOW);
  const before = text.slice(from, at);
  const open = before.lastIndexOf('“');
  if (open >= 0 && before.lastIndexOf('”') < open) {
    const close = text.slice(at, to).indexOf('”');
    return close >= 0 ? at + close : -1;
  }
  if (block.start >= at - WINDOW && (before.match(/"/g) ?? []).length % 2 === 1) {
    const close = text.slice(at, to).indexOf('"');
    return close >= 0 ? at + close : -1;
  }
  // a postposed attribution closes the sentence: ", X said …" with no other clause after the comma
  const comma = text.lastIndexOf(',', sentenceEnd);
  return comma > at ? comma : -1;
}

const text = (ctx: Context, at: number) => ctx.doc.clean[at];
const RELATIVES = new Set(lexicons.quoteWords.relatives);
const SUBORDINATORS = new Set(lexicons.events.cues.subordinators);
/** a word that opens a clause of its own: "who", "which", "after", "when" */
const opensClause = (t: Token) => RELATIVES.has(t.normal) || SUBORDINATORS.has(t.normal);

/** "next week", "this month", "last year": a cycle counted from the day the words were said */
const CYCLE_WORDS = new RegExp(`^(this|next|last)\\s+(${alternation(lexicons.dates.cues.cycleUnits)})$`, 'i');
const SHIFT: Record<string, number> = { this: 0, next: 1, last: -1 };
function cycleWordValue(phrase: string, ref: YMD): { value: string; type: 'date' } | null {
  const m = CYCLE_WORDS.exec(phrase.trim());
  return m ? { value: cycleValue(ref, m[2].toLowerCase(), SHIFT[m[1].toLowerCase()]), type: 'date' } : null;
}

export const speechTime: Refiner<DateCandidate> = {
  name: 'speech-time',
  refine(ctx, dates) {
    const ordered = [...dates].sort((a, b) => a.start - b.start);
    for (const d of ordered) {
      if (d.rule !== 'relative/day' && !(d.rule === 'relative/cycle' && CYCLE_WORDS.test(d.text))) continue;
      const s = ctx.doc.sentenceOf(d.start);
      const sentenceEnd = s === null ? d.end + REACH : ctx.doc.sentences[s].end;
      const close = spokenUntil(ctx, d.start, sentenceEnd);
      if (close < 0) continue;
      // the attribution: a reporting verb soon after, in the same sentence, then a calendar day
      const end = Math.min(close + REACH, ctx.doc.sentenceOf(close) === s ? sentenceEnd : close + REACH);
      const after = ctx.doc.tokensIn(close, end);
      const k = after.findIndex((t) => REPORTING.has(t.normal) && t.tags.has('Verb'));
      // (after a comma the attribution is short and opens with its speaker: ", Ferreira said on Tuesday", not
      // ", after union leaders said on Monday")
      const speakerWords = after.slice(text(ctx, close) === ',' ? 0 : 1, k);
      if (k < 0 || (text(ctx, close) === ',' && (k > 4 || speakerWords.some(opensClause)))) continue;
      const cue = after[k];
      let when: DateCandidate | undefined;
      for (let i = firstFrom(ordered, cue.end); i < ordered.length && ordered[i].end <= end; i++) {
        const o = ordered[i];
        if (o !== d && o.value && /^\d{4}-\d\d-\d\d/.test(o.value)) {
          when = o;
          break;
        }
      }
      // the date belongs to the cue: nothing but an adjunct between them ("said on Tuesday", "told reporters on
      // Friday"), not a clause of its own ("said Ortiz, who injured his knee on Tuesday"), and no "that" after it
      if (!when) continue;
      const between = ctx.doc.tokensIn(cue.end, when.start);
      if (between.some((t) => opensClause(t) || (t.tags.has('Verb') && !t.tags.has('Gerund')))) continue;
      if (/\bthat\b/i.test(ctx.doc.clean.slice(when.end, end))) continue;
      const ref = parseYMD(when.value!.slice(0, 10));
      const again = ref ? (dayWordValue(d.text, ref) ?? cycleWordValue(d.text, ref)) : null;
      if (!again || again.value === d.value) continue;
      d.value = again.value;
      d.type = again.type;
      d.rule = `${d.rule}+speech-time`;
    }
    return dates;
  },
};
