// Rule `infinitive`: speech whose content is an infinitive or an object of "call for".
//   X urged lawmakers to pass the budget / X pleaded with him to stop / X called on Y to resign
//   X vowed to fight on / X called for a ceasefire / X accused Y of lying
// The cues are data (quote-words.json `infinitiveCues`, one or two words).
import type { Rule } from '../context';
import { alternation } from '../text';
import { lexicons } from '../lexicons';
import type { QuoteCandidate } from './candidate';
import { CLAUSE_WINDOW, clauseEndIn, isSomeone, trimEndOf } from './clause';
import { speakerBefore } from './cues';

const CUES = [...lexicons.quoteWords.infinitiveCues, ...lexicons.quoteWords.ofCues];
const OF_CUES = new Set(lexicons.quoteWords.ofCues);
const BE = new Set(lexicons.quoteWords.beForms);
const FIRST = new Map<string, string[]>();
for (const c of CUES) {
  const [w, ...rest] = c.split(' ');
  FIRST.set(w, [...(FIRST.get(w) ?? []), rest.join(' ')]);
}
/** after the cue: an optional object (a few words, or "with X"), then "to" and a verb — or "for" and a noun phrase */
const OBJECT_TO = /^(?:\s+(?:with\s+)?(?:[\p{L}.'’-]+\s+){0,4}?)??\s*(?=to\s+\p{Ll})/u;

const NEGATIONS = new Set(lexicons.quoteWords.negations);
/** the negation words that close the object, with the space after them ("residents not ", "them never ") */
const NEGATED_OBJECT = new RegExp(`(?<![\\p{L}'’])(?:${alternation(lexicons.quoteWords.negations)})\\s+$`, 'iu');

export const infinitive: Rule<QuoteCandidate> = {
  name: 'infinitive',
  find(ctx) {
    const out: QuoteCandidate[] = [];
    const toks = ctx.doc.tokens;
    for (let i = 0; i < toks.length; i++) {
      const v = toks[i];
      const tails = FIRST.get(v.normal);
      if (!tails || !(v.tags.has('Verb') || v.tags.has('PastTense'))) continue;
      if (BE.has(toks[i - 1]?.normal ?? '')) continue; // "was asked to": passive
      const particle = tails.find((t) => t && toks[i + 1]?.normal === t);
      if (!particle && !tails.includes('')) continue;
      const cueEnd = particle ? toks[i + 1].end : v.end;
      const s = ctx.doc.sentenceOf(v.start);
      if (s === null) continue;
      const block = ctx.doc.blockOf(v.start);
      if (block && (block.type === 'title' || block.type === 'heading')) continue; // a headline's "tells X to" is a summary
      const sentEnd = Math.min(ctx.doc.sentences[s].end, cueEnd + CLAUSE_WINDOW);
      const rest = ctx.doc.clean.slice(cueEnd, sentEnd);
      let start: number;
      if (particle === 'for')
        start = cueEnd + /^\s*/.exec(rest)![0].length; // "called for a ceasefire"
      else if (OF_CUES.has(v.normal)) {
        // "accused the opposition of putting politics first": the content opens with "of" and a gerund
        const of = /^\s+(?:[\p{L}.'’-]+\s+){1,5}?(?=of\s+\p{Ll}+ing\b)/u.exec(rest);
        if (!of) continue;
        start = cueEnd + of[0].length;
      } else {
        const obj = OBJECT_TO.exec(rest);
        if (!obj) continue;
        // the object holds no verb of its own ("urged lawmakers who oppose it to …" is too far)
        if (
          ctx.doc.tokensIn(cueEnd, cueEnd + obj[0].length).some((t) => t.tags.has('Verb') && !t.tags.has('Infinitive'))
        )
          continue;
        start = cueEnd + obj[0].length;
        // "urged people not to drive": the negation belongs to the content, or its meaning flips
        const neg = NEGATED_OBJECT.exec(obj[0]);
        if (neg) start -= neg[0].length;
        const verb = ctx.doc.tokensIn(start, start + 40).find((t) => !NEGATIONS.has(t.normal) && t.normal !== 'to');
        if (!verb || !verb.tags.has('Verb')) continue; // "to" and a verb: "to pass", not "to the court"
      }
      const body = ctx.doc.clean.slice(start, sentEnd);
      const end = clauseEndIn(ctx, start, body);
      const text = trimEndOf(ctx.doc.text.slice(start, start + (end ? end.index : body.length)), /[\s,.;:]/);
      if (text.split(/\s+/).length < 2 || /[“”"]/.test(text)) continue;
      const speakerSpan = speakerBefore(ctx, v);
      if (!speakerSpan || !isSomeone(ctx, speakerSpan)) continue;
      out.push({
        start,
        end: start + text.length,
        text,
        kind: 'indirect',
        speakerSpan,
        rule: 'reported/infinitive',
        cue: { start: v.start, end: cueEnd, text: ctx.doc.text.slice(v.start, cueEnd) },
      });
    }
    return out;
  },
};
