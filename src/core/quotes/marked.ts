// Rule `marked`: text inside quotation marks, typed and attributed.
//   direct   “Q,” said X. / “Q,” X said. / X said: “Q” / X said “Q” / “Q” — X
//   partial  a fragment inside reported speech: called the Taliban an “ally”
//   title    a quoted name: the “Islamic Emirate of Afghanistan”
//   scare    quoted words nobody says: “virtue” laws
import type { Context, Rule } from '../context';
import type { Token } from '../document/tokens';
import type { QuoteKind, Span } from '../factsheet';
import type { QuoteCandidate } from './candidate';
import {
  FRAMING,
  isSpeechVerb,
  mentionsIn,
  participleSpeaker,
  PARTICIPLES,
  quotedAsSaying,
  REPORTING,
  SPEAKER_WINDOW,
  sourceAfter,
  speakerAfter,
  speakerBefore,
  clauseEnd,
} from './cues';
import { findQuotedSpans, type QuotedSpan } from './marks';
import { lexicons } from '../lexicons';
import { alternation, escapeRegExp } from '../text';

const ACCORDING_WORDS = lexicons.speech.according.map(escapeRegExp).join('|');
const ACCORDING_AFTER = new RegExp(`^[”"’»]?\\s*,?\\s*(?:${ACCORDING_WORDS})\\s+`, 'i');
/** the cue phrase, then a source of a few words and a comma or colon, right before the mark */
const ACCORDING_BEFORE = new RegExp(`\\b(${ACCORDING_WORDS})\\s+[^.;:!?“”"]{2,90}[,:]\\s*$`, 'i');

const ABBREVIATIONS = new Set(lexicons.quoteWords.abbreviations);
const isAbbrevEnd = (t: Token) => /^(?:[A-Z]\.)+$/.test(t.text) || ABBREVIATIONS.has(t.text.replace(/\.$/, ''));
const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
/** Words in `s`, counted up to `cap`: the rules only ask "at least 3? 7? at most 8?", and a quote may be a whole paragraph. */
function wordCount(s: string, cap = 9): number {
  let n = 0;
  for (const m of s.matchAll(/[^\s]+/g)) if (/[\p{L}\p{N}]/u.test(m[0]) && ++n >= cap) break;
  return n;
}
const RELATIVES = new Set(lexicons.quoteWords.relatives);
const MINOR = new Set(lexicons.quoteWords.titleMinorWords);
/** "the words “and Emergency”", "the slogan “…”": quoted words mentioned, not said */
const MENTIONED = new RegExp(
  `\\b(?:${alternation(lexicons.quoteWords.mentionDeterminers)})\\s+(?:[\\p{L}-]+\\s+)?(?:${alternation(lexicons.quoteWords.mentionNouns)})\\s*[:,]?\\s*$`,
  'iu',
);
/** “…” — CBC.ca, August 15, 2008: a headline cited with its outlet and date, not a statement */
const CITATION = /^\s*[—–-]\s*[^\n!?]{1,80}?,\s*(?:\p{L}+\.?\s+\d{1,2},?\s+)?(?:1[89]|20)\d\d\b/u;

function isTitle(text: string): boolean {
  if (wordCount(text, 13) > 12) return false;
  const ws = words(text);
  return (
    ws.length >= 1 &&
    ws.length <= 12 &&
    /^\p{Lu}/u.test(ws[0]) &&
    ws.every((w) => /^[\p{Lu}\d]/u.test(w) || MINOR.has(w.toLowerCase()))
  );
}

/**
 * A cue right after the closing mark: “…,” said X / “…,” X said / “…,” enthused X / “…” — X.
 * A quote that ends its sentence (“….” Next sentence) takes a cue after it only when the cue
 * closes the sentence on its own: “….” Smith said.
 */
function cueAfter(ctx: Context, q: QuotedSpan): { verb: Token | null; speaker: Span | null } | null {
  const text = ctx.doc.clean;
  const endsSentence = /[.!?]/.test(text.slice(q.end, q.close));
  const commaClosed = /,/.test(text.slice(q.end, q.close + 2));
  const dash = /^\s*[—–]\s*(?=\p{Lu})/u.exec(text.slice(q.close + 1, q.close + 6));
  // the attribution stays in the quote's paragraph
  const block = ctx.doc.blockOf(q.close) ?? ctx.doc.blockOf(q.start);
  const toks = ctx.doc.tokensIn(q.close + 1, Math.min(q.close + 200, block ? block.end : q.close + 200));
  if (dash && toks[0]) return { verb: null, speaker: speakerAfter(ctx, { ...toks[0], end: toks[0].start } as Token) };
  // “…”, according to the newspaper.
  const acc = ACCORDING_AFTER.exec(text.slice(q.close + 1, q.close + 40));
  if (acc) {
    const at = q.close + 1 + acc[0].length;
    const sp = sourceAfter(ctx, at, clauseEnd(ctx, at, 160));
    const cueStart =
      q.close + 1 + acc.index + acc[0].length - acc[0].trimStart().replace(/^[”"’»]?\s*,?\s*/, '').length;
    const cueEnd = at - (acc[0].length - acc[0].trimEnd().length);
    if (sp)
      return {
        verb: { start: cueStart, end: cueEnd, text: ctx.doc.text.slice(cueStart, cueEnd) } as Token,
        speaker: sp,
      };
  }
  if (!/^[,.!?]?\s/.test(text.slice(q.close + 1, q.close + 3)) && q.close + 1 < text.length) return null;
  // “a lesson” and urged …: a coordinated verb continues the sentence, it attributes nothing
  if (toks[0] && /^(?:and|but|or|then)$/.test(toks[0].normal)) return null;
  // a reporting verb may stand after a long apposition (“…,” Jane Doe, editor of the Gazette, said);
  // any past-tense verb only close to the mark
  for (let i = 0; i < Math.min(toks.length, 24); i++) {
    const t = toks[i];
    const reporting = REPORTING.has(t.normal) && (t.tags.has('Verb') || t.normal === 'said' || t.normal === 'says');
    if (i >= 8 && (!commaClosed || endsSentence)) break;
    // “manipulated” by X, who he said …: a verb inside a relative clause speaks about X, not the quote
    if (!commaClosed && !endsSentence && RELATIVES.has(t.normal)) break;
    if (i >= 8 && !reporting) {
      if (/[.!?;:“”"]/.test(t.post)) break;
      continue;
    }
    // after a comma-closed quote any past-tense verb can carry the attribution ("enthused", "quipped")
    const verbLike =
      reporting ||
      (commaClosed &&
        wordCount(ctx.doc.text.slice(q.start, q.end), 3) >= 3 &&
        t.tags.has('PastTense') &&
        t.tags.has('Verb') &&
        !t.tags.has('Auxiliary'));
    if (verbLike) {
      if (
        endsSentence &&
        /^\p{Lu}/u.test(toks[0].text) &&
        !/^\s*(?:[.,;]|$)/.test(text.slice(t.end, t.end + 3)) &&
        !/^\s+(?:in|on|at|to)\b/.test(text.slice(t.end, t.end + 4))
      )
        return null;
      if (i === 0) return { verb: t, speaker: speakerAfter(ctx, t) };
      return { verb: t, speaker: quotedAsSaying(ctx, t) ?? speakerBefore(ctx, t) };
    }
    if (/[.!?;:“”"]/.test(t.post)) break;
  }
  return null;
}

/** A cue right before the opening mark: X said: “…” / X told reporters “…” / Secretary Jane Doe: “…” */
function cueBefore(ctx: Context, q: QuotedSpan): { verb: Token | null; speaker: Span | null } | null {
  const gap = /[:,]?\s*$/.exec(ctx.doc.clean.slice(Math.max(0, q.open - 3), q.open));
  const toks = ctx.doc.tokensIn(Math.max(0, q.open - 90), q.open - (gap?.[0].length ?? 0) + 1);
  for (let i = toks.length - 1, n = 0; i >= 0 && n < 6; i--, n++) {
    const t = toks[i];
    if (/[.!?]["”’]?\s/.test(ctx.doc.clean.slice(t.end, q.open)) && !isAbbrevEnd(t)) break; // the cue belongs to an earlier sentence
    if (n > 0 && /[;”"]/.test(t.post)) break;
    if (isSpeechVerb(t) && REPORTING.has(t.normal))
      return {
        verb: t,
        speaker: PARTICIPLES.has(t.normal)
          ? participleSpeaker(ctx, t)
          : (speakerBefore(ctx, t) ?? speakerAfter(ctx, t)),
      };
  }
  // "according to the Herald, “…”" / "in the words of the prosecutor, Jane Doe, “…”"
  const acc = ACCORDING_BEFORE.exec(ctx.doc.clean.slice(Math.max(0, q.open - 120), q.open));
  if (acc) {
    const at = q.open - acc[0].length + acc[0].indexOf(acc[1]) + acc[1].length;
    const sp = sourceAfter(ctx, at + 1, q.open);
    const named = sp
      ? mentionsIn(ctx, sp.start, q.open)
          .filter((m) => m.type === 'person')
          .pop()
      : undefined;
    if (sp)
      return {
        verb: null,
        speaker: named ? { start: named.start, end: named.end, text: ctx.doc.text.slice(named.start, named.end) } : sp,
      };
  }
  // "Secretary of the Navy Dana Whitford: “…”" — a name and a colon, no verb
  const last = toks[toks.length - 1];
  if (last && /:\s*$/.test(last.post + ctx.doc.clean.slice(last.end, q.open))) {
    const ms = mentionsIn(ctx, Math.max(0, last.end - 60), last.end + 1).filter(
      (m) => m.type === 'person' && m.end >= last.end - 1,
    );
    if (ms.length)
      return {
        verb: null,
        speaker: { start: ms[0].start, end: ms[0].end, text: ctx.doc.text.slice(ms[0].start, ms[0].end) },
      };
    // a headline's "Jane Doe: '…'": a name the entity pass did not keep, tagged as a person
    const block = ctx.doc.blockOf(q.open);
    let i = toks.length - 1;
    while (i >= 0 && toks[i].tags.has('Person') && (i === toks.length - 1 || !/[,.;:!?]/.test(toks[i].post))) i--;
    if (block && block.type === 'title' && i < toks.length - 2) {
      const a = toks[i + 1],
        b = last;
      return { verb: null, speaker: { start: a.start, end: b.end, text: ctx.doc.text.slice(a.start, b.end) } };
    }
  }
  return null;
}

/** The nearest speech or framing verb earlier in the same sentence: “rival” after “calling the council a”. */
function framingVerb(ctx: Context, q: QuotedSpan): Token | null {
  const s = ctx.doc.sentenceOf(q.open);
  const from = Math.max(s === null ? 0 : ctx.doc.sentences[s].start, q.open - SPEAKER_WINDOW);
  const toks = ctx.doc.tokensIn(from, q.open);
  for (let i = toks.length - 1; i >= 0; i--) {
    if (toks[i - 1]?.normal === 'so' && toks[i - 1].post === '-') continue; // "so-called" frames nobody's words
    if (isSpeechVerb(toks[i]) || FRAMING.has(toks[i].normal)) return toks[i];
  }
  return null;
}

export const marked: Rule<QuoteCandidate> = {
  name: 'marked',
  find(ctx) {
    const out: QuoteCandidate[] = [];
    for (const q of findQuotedSpans(ctx.doc.clean)) {
      const text = ctx.doc.text.slice(q.start, q.end);
      const n = wordCount(text);
      if (!n) continue;
      // a fragment inside the sentence's grammar ("were “better on fuel”") is partial whatever its length
      const embedded =
        /[\p{L}\d]\s+$/u.test(ctx.doc.clean.slice(Math.max(0, q.open - 3), q.open)) && /^\p{Ll}/u.test(text);
      // (only a short quote needs its verb: seven words or more are a clause anyway)
      const hasVerb =
        n < 7 && ctx.doc.tokensIn(q.start, q.end).some((t) => t.tags.has('Verb') && !t.tags.has('Gerund'));
      const si = ctx.doc.sentenceOf(q.open);
      const opensSentence = si !== null && ctx.doc.sentences[si].start === q.open && /^\p{Lu}/u.test(text);
      const clause = !embedded && ((n >= 3 && hasVerb) || n >= 7 || (opensSentence && hasVerb));
      const base = { start: q.start, end: q.end, text };
      let kind: QuoteKind,
        speakerSpan: Span | null = null,
        cue: Token | null = null,
        rule: string,
        same = false;
      // a cue glued to the opening mark ("replied, “…") wins; then one after the closing mark
      const b = cueBefore(ctx, q);
      const glued = b && (!b.verb || ctx.doc.tokensIn(b.verb.end, q.open).length <= 3);
      const after = glued ? null : cueAfter(ctx, q);
      const before = after ? null : b;
      const namedSource = /^\s*as\s+(?:saying|telling|stating|writing)\b/.test(
        ctx.doc.clean.slice(q.close + 1, q.close + 20),
      );
      if (namedSource) {
        kind = 'title';
        rule = 'marked/named-source'; // quotes a “Senate aide” as saying: a source named, not a statement
      } else if (MENTIONED.test(ctx.doc.clean.slice(Math.max(0, q.open - 40), q.open))) {
        kind = 'title';
        rule = 'marked/mentioned';
      } else if (CITATION.test(ctx.doc.clean.slice(q.close + 1, q.close + 120))) {
        kind = 'title';
        rule = 'marked/citation';
      } else if (after || before) {
        const c = (after ?? before)!;
        cue = c.verb;
        speakerSpan = c.speaker;
        kind = clause ? 'direct' : 'partial';
        rule = after ? (c.verb ? 'marked/cue-after' : 'marked/dash') : c.verb ? 'marked/cue-before' : 'marked/colon';
        if (!speakerSpan) same = true;
      } else if (isTitle(text) && (!clause || n >= 4)) {
        // every word capitalised: a title, even a long one
        kind = 'title';
        rule = 'marked/title';
      } else if (clause) {
        // an unattributed quote right after an attributed one is usually its continuation
        kind = 'direct';
        rule = q.continues ? 'marked/continued' : 'marked/unattributed';
        same = true;
        const v = framingVerb(ctx, q);
        if (v) {
          cue = v;
          speakerSpan = PARTICIPLES.has(v.normal)
            ? participleSpeaker(ctx, v)
            : (quotedAsSaying(ctx, v) ?? speakerBefore(ctx, v));
          same = !speakerSpan;
          rule = 'marked/verb-in-sentence';
        }
      } else {
        const v = framingVerb(ctx, q);
        if (v) {
          kind = 'partial';
          cue = v;
          rule = 'marked/partial';
          speakerSpan = PARTICIPLES.has(v.normal) ? participleSpeaker(ctx, v) : speakerBefore(ctx, v);
          if (!speakerSpan) same = true;
        } else {
          kind = 'scare';
          rule = 'marked/scare';
        }
      }
      out.push({
        ...base,
        kind,
        rule,
        speakerSpan,
        sameSpeakerAsPrevious: same,
        cue: cue ? { start: cue.start, end: cue.end, text: cue.text } : null,
      });
    }
    return out;
  },
};
