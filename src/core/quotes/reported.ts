// Rule `reported`: reported speech without marks. "X said (that) CLAUSE", "X told reporters
// CLAUSE", "CLAUSE, X said.", "according to X, CLAUSE" / "CLAUSE, according to X."
import type { Context, Rule } from '../context';
import type { Token } from '../document/tokens';
import type { Span } from '../factsheet';
import type { QuoteCandidate } from './candidate';
import { isSourceNoun, mentionsIn, NEEDS_THAT, participleSpeaker, PARTICIPLES, REPORTING, speakerAfter, speakerBefore } from './cues';


/** Whether a speaker span names someone: an entity, a pronoun or a source noun ("officials"). */
const isSomeone = (ctx: Context, sp: Span) => mentionsIn(ctx, sp.start, sp.end).length > 0 || isSourceNoun(sp.text.toLowerCase().split(/\s+/).pop() ?? '');

/** The longest reported clause (characters) looked for on either side of a cue: keeps each cue's work bounded. */
const CLAUSE_WINDOW = 1000;

/** `text` without trailing characters matching `ch` (a loop: `/[…]+$/` backtracks on long runs). */
function trimEndOf(text: string, ch: RegExp): string {
  let e = text.length;
  while (e > 0 && ch.test(text[e - 1])) e--;
  return text.slice(0, e);
}

const PASSIVE = /^(?:is|are|was|were|be|been|being|it)$/;
const ADJUNCT = /^(?:\s*(?:in|on|at|during|via|through|to)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:statement|interview|release|briefing|conference|letter|email|e-mail|post|tweet|speech|report|filing|call|meeting|reporters|journalists|press|television|radio|Thursday|Monday|Tuesday|Wednesday|Friday|Saturday|Sunday|today|yesterday)\b,?)+/iu;
const CLAUSE_END = /(?:[;:]|,\s+(?:with|while|adding|saying|noting|according|but|as)\b|(?<!\s),?\s+and\s+that\b|[.!?](?=\s|$))/;

/** "believes passengers will want …": a noun phrase, then a finite verb or a modal within a few words. */
function looksLikeClause(ctx: Context, at: number, end: number): boolean {
  const toks = ctx.doc.tokensIn(at, end).slice(0, 7);
  if (!toks.length || toks[0].tags.has('Verb') || toks[0].tags.has('Preposition') || toks[0].normal === 'to') return false;
  return toks.slice(1).some((t) => t.tags.has('Modal') || (t.tags.has('Verb') && (t.tags.has('PastTense') || t.tags.has('PresentTense')) && !t.tags.has('Infinitive') && !t.tags.has('Gerund')));
}

function clauseAfter(ctx: Context, verb: Token, sentenceEnd: number): Span | null {
  let from = verb.end;
  let rest = ctx.doc.clean.slice(from, sentenceEnd);
  if (/^(?:told|tells|tell|telling|asked|warned|assured|informed|reminded)$/.test(verb.normal)) {
    const obj = /^\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,3}?(?:reporters|journalists|media|press|audience|crowd|lawmakers|parliament|investors|analysts|him|her|them|us|me|[\p{Lu}][\p{L}.'’-]*)\b/u.exec(rest);
    if (obj) { from += obj[0].length; rest = rest.slice(obj[0].length); }
  }
  const adj = ADJUNCT.exec(rest);
  if (adj) { from += adj[0].length; rest = rest.slice(adj[0].length); }
  // "told reporters in Sao Paulo that …": a short stretch without punctuation may stand before "that"
  const that = /^\s*(?:,\s*)?that\s+/i.exec(rest) ?? /^(?:\s+[\p{L}\d'’.-]+){1,6}?\s+that\s+/iu.exec(rest);
  if (that) { from += that[0].length; rest = rest.slice(that[0].length); }
  else if (NEEDS_THAT.has(verb.normal) && !looksLikeClause(ctx, from + (rest.length - rest.trimStart().length), sentenceEnd)) return null;
  const lead = /^\s*/.exec(rest)![0].length;
  from += lead; rest = rest.slice(lead);
  if (/^(?:to|by|for|of|with|about|in|on|at|as|from|into|up|out|so|after|before|during|following|since|until|over|under|through|without|despite|yes|nothing|something|anything|[“"'‘.,;:!?])\b|^no(?=\s*(?:[.,;]|to\b|$))|^[“"'‘.,;:!?]/i.test(rest)) return null;
  const end = CLAUSE_END.exec(rest);
  let text = end ? rest.slice(0, end.index) : rest;
  text = trimEndOf(text, /[\s,.;:]/);
  if (text.split(/\s+/).length < 3) return null;
  return { start: from, end: from + text.length, text: ctx.doc.text.slice(from, from + text.length) };
}

export const reported: Rule<QuoteCandidate> = {
  name: 'reported',
  find(ctx) {
    const out: QuoteCandidate[] = [];
    const toks = ctx.doc.tokens;
    for (let i = 0; i < toks.length; i++) {
      const v = toks[i];
      if (!REPORTING.has(v.normal) || !(v.tags.has('Verb') || v.normal === 'said')) continue;
      if (PASSIVE.test(toks[i - 1]?.normal ?? '') || (toks[i - 1]?.normal === 'be')) continue;
      // '…,” said X' belongs to the marked quote; "149 confirmed orders" is an adjective
      if (/[”"]\s*$/.test(ctx.doc.clean.slice(Math.max(0, v.start - 3), v.start))) continue;
      if (toks[i - 1] && (toks[i - 1].tags.has('Determiner') || toks[i - 1].tags.has('Value')) && !/[,;:]/.test(toks[i - 1].post)) continue;
      const s = ctx.doc.sentenceOf(v.start);
      if (s === null) continue;
      const block = ctx.doc.blockOf(v.start);
      if (block && (block.type === 'title' || block.type === 'heading')) continue; // headlines report nothing verbatim
      const sent = ctx.doc.sentences[s];
      const cue = { start: v.start, end: v.end, text: v.text };
      // "CLAUSE, X said." — the cue closes the sentence
      const tail = sent.end - v.end <= 8 ? ctx.doc.clean.slice(v.end, sent.end).trim() : null;
      const from = Math.max(sent.start, v.start - CLAUSE_WINDOW);
      const lead = tail !== null && /^[.!?]?$/.test(tail) ? ctx.doc.clean.slice(from, v.start) : '';
      const comma = lead.lastIndexOf(',');
      if (lead && comma > 0 && !/[“”"]/.test(lead)) {
        const speakerSpan = speakerBefore(ctx, v) ?? null;
        const text = ctx.doc.text.slice(from, from + comma).trim();
        // a speaker is someone: a named entity, a pronoun or a speaking role ("officials")
        if (speakerSpan && isSomeone(ctx, speakerSpan) && text.split(/\s+/).length >= 4) {
          out.push({ start: from, end: from + text.length, text, kind: 'indirect', cue, speakerSpan, rule: 'reported/postposed' });
        }
        continue;
      }
      const clause = clauseAfter(ctx, v, Math.min(sent.end, v.end + CLAUSE_WINDOW));
      if (!clause) continue;
      const speakerSpan = PARTICIPLES.has(v.normal) ? participleSpeaker(ctx, v) : speakerBefore(ctx, v);
      if (!speakerSpan && !PARTICIPLES.has(v.normal)) continue;
      if (speakerSpan && !isSomeone(ctx, speakerSpan)) continue; // "the plane promises …", "the data suggests …"
      out.push({ ...clause, kind: 'indirect', cue, speakerSpan, sameSpeakerAsPrevious: !speakerSpan, rule: speakerSpan ? 'reported/verb' : 'reported/chained' });
    }
    // according to X, CLAUSE  /  CLAUSE, according to X.
    const ACC = /\baccording to\s+/gi;
    for (let m = ACC.exec(ctx.doc.clean); m; m = ACC.exec(ctx.doc.clean)) {
      const s = ctx.doc.sentenceOf(m.index);
      if (s === null) continue;
      const sent = ctx.doc.sentences[s];
      const toks2 = ctx.doc.tokensIn(m.index, m.index + m[0].length);
      const last = toks2[toks2.length - 1];
      if (!last) continue;
      const speakerSpan = speakerAfter(ctx, last, true); // "according to the company, …": the source ends at the comma
      if (!speakerSpan) continue;
      const cue = { start: m.index, end: m.index + m[0].trimEnd().length, text: ctx.doc.text.slice(m.index, m.index + m[0].trimEnd().length) };
      const afterSpeaker = ctx.doc.clean.slice(speakerSpan.end, Math.min(sent.end, speakerSpan.end + CLAUSE_WINDOW));
      const c = /^[^,]*,\s*/.exec(afterSpeaker);
      let start: number, text: string;
      if (m.index - sent.start < 3 && c) {
        start = speakerSpan.end + c[0].length;
        text = trimEndOf(ctx.doc.text.slice(start, Math.min(sent.end, start + CLAUSE_WINDOW)), /[\s.;:!?]/);
      } else {
        start = Math.max(sent.start, m.index - CLAUSE_WINDOW);
        text = trimEndOf(ctx.doc.text.slice(start, m.index), /[\s,.;:]/);
      }
      if (text.split(/\s+/).length < 3 || /[“”"]/.test(text)) continue;
      out.push({ start, end: start + text.length, text, kind: 'indirect', cue, speakerSpan, rule: 'reported/according-to' });
    }
    return out;
  },
};
