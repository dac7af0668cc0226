// Rule `object`: speech whose content is the verb's object.
//   X denied the charges / X condemned the attack / X called the plan a disaster
// Cues are data (quote-words.json `objectCues`; `namingCues` take an object and a predicate noun).
import type { Rule } from '../context';
import { alternation } from '../text';
import { lexicons } from '../lexicons';
import type { QuoteCandidate } from './candidate';
import { CLAUSE_WINDOW, clauseEndIn, isSomeone, trimEndOf } from './clause';
import { speakerBefore } from './cues';

const OBJECT_CUES = new Set(lexicons.quoteWords.objectCues);
const NAMING_CUES = new Set(lexicons.quoteWords.namingCues);
const BE = new Set(lexicons.quoteWords.beForms);
const OBJECT_PRONOUNS = new Set(lexicons.quoteWords.objectPronouns);
const TIME_PREPOSITIONS = new Set(lexicons.quoteWords.timePrepositions);
/** "the court dismissed the appeal", "denied the application": a ruling on proceedings, not a statement */
const PROCEEDINGS = new Set(lexicons.quoteWords.proceedings);
const NAMING_OBJECT = new RegExp(
  `^\\S+(?:\\s+(?!(?:${alternation(lexicons.quoteWords.objectBreakers)})\\b)[\\p{L}'’-]+){0,3}?\\s+(?:a|an)\\s+\\S`,
  'u',
);

export const objectContent: Rule<QuoteCandidate> = {
  name: 'object',
  find(ctx) {
    const out: QuoteCandidate[] = [];
    const toks = ctx.doc.tokens;
    for (let i = 0; i + 1 < toks.length; i++) {
      const v = toks[i];
      const naming = NAMING_CUES.has(v.normal);
      if (!(OBJECT_CUES.has(v.normal) || naming) || !v.tags.has('Verb') || /[,;:.!?]/.test(v.post)) continue;
      if (BE.has(toks[i - 1]?.normal ?? '')) continue; // passive
      const next = toks[i + 1];
      // an object: a noun phrase, not "that" (a clause: rule `reported`), "to" or a preposition
      if (
        !(
          next.tags.has('Determiner') ||
          next.tags.has('Noun') ||
          next.tags.has('Adjective') ||
          next.tags.has('Possessive')
        ) ||
        next.normal === 'that'
      )
        continue;
      // "denied these allegations: …" points at words said elsewhere; the object says nothing itself
      if (OBJECT_PRONOUNS.has(next.normal)) continue;
      const s = ctx.doc.sentenceOf(v.start);
      if (s === null) continue;
      const block = ctx.doc.blockOf(v.start);
      if (block && (block.type === 'title' || block.type === 'heading')) continue;
      const sentEnd = Math.min(ctx.doc.sentences[s].end, v.end + CLAUSE_WINDOW);
      const start = next.start;
      const body = ctx.doc.clean.slice(start, sentEnd);
      const end = clauseEndIn(ctx, start, body);
      let stop = start + (end ? end.index : body.length);
      if (ctx.doc.clean[stop] === ':') continue; // "denied the allegations: …" — the content follows
      // the object ends before a time adjunct ("denied the allegations since his arrest in 2023")
      const objectToks = ctx.doc.tokensIn(start, stop);
      let timed = objectToks.findIndex((t, k) => k > 0 && (TIME_PREPOSITIONS.has(t.normal) || t.tags.has('Date')));
      if (timed > 1 && objectToks[timed - 1].tags.has('Preposition')) timed--; // "on Monday" goes whole
      if (timed > 0) stop = Math.min(stop, objectToks[timed].start);
      const commaAt = ctx.doc.clean.slice(start, stop).search(/,\s/);
      const text = trimEndOf(ctx.doc.text.slice(start, commaAt >= 0 ? start + commaAt : stop), /[\s,.;:]/);
      // "called the plan a disaster": an object, then a predicate noun phrase with its article
      // (the object's words hold no preposition: "called the police after a break-in" names nothing)
      if (naming && !NAMING_OBJECT.test(text)) continue;
      if (text.split(/\s+/).length < 2 || /[“”"]/.test(text)) continue;
      // the head: the first noun that is no possessor ("the union's appeal against the ruling": appeal)
      const head = ctx.doc
        .tokensIn(start, start + text.length)
        .find((t) => (t.tags.has('Noun') || t.tags.has('Verb')) && !t.tags.has('Possessive'));
      if (head && PROCEEDINGS.has(head.normal)) continue;
      const speakerSpan = speakerBefore(ctx, v);
      if (!speakerSpan || !isSomeone(ctx, speakerSpan)) continue;
      out.push({
        start,
        end: start + text.length,
        text,
        kind: 'indirect',
        speakerSpan,
        rule: 'reported/object',
        cue: { start: v.start, end: v.end, text: v.text },
      });
    }
    return out;
  },
};
