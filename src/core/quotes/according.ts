// Rule `according-to`: "according to X, CLAUSE" / "According to X CLAUSE" (no comma) /
// "CLAUSE, according to X." The cue phrases are data (speech-verbs.json `according`).
import type { Context, Rule } from '../context';
import type { Span } from '../factsheet';
import { lexicons } from '../lexicons';
import { escapeRegExp } from '../text';
import type { QuoteCandidate } from './candidate';
import { isAbbreviation } from '../document/sentences';
import { CLAUSE_END, CLAUSE_WINDOW, looksLikeClause, trimEndOf } from './clause';
import { REPORTING, sourceAfter } from './cues';

const ACCORDING = new RegExp(`\\b(?:${lexicons.speech.according.map(escapeRegExp).join('|')})\\s+`, 'gi');

export const according: Rule<QuoteCandidate> = {
  name: 'according-to',
  find(ctx) {
    const out: QuoteCandidate[] = [];
    ACCORDING.lastIndex = 0;
    for (let m = ACCORDING.exec(ctx.doc.clean); m; m = ACCORDING.exec(ctx.doc.clean)) {
      const s = ctx.doc.sentenceOf(m.index);
      if (s === null) continue;
      const sent = ctx.doc.sentences[s];
      const cueEnd = m.index + m[0].trimEnd().length;
      const cue = { start: m.index, end: cueEnd, text: ctx.doc.text.slice(m.index, cueEnd) };
      // "according to the Herald, “…”": the marked quote is the statement (rule `marked`)
      if (/[“”"«»]/.test(ctx.doc.clean.slice(cueEnd, Math.min(sent.end, cueEnd + CLAUSE_WINDOW)))) continue;
      const speakerSpan = sourceAfter(ctx, m.index + m[0].length, Math.min(sent.end, cueEnd + 160));
      if (!speakerSpan) continue;
      const found =
        m.index - sent.start < 3
          ? untilNextSpeaker(ctx, clauseAfterSource(ctx, speakerSpan, sent.end))
          : (parenthetical(ctx, sent.start, m.index, speakerSpan, sent.end) ?? clauseBefore(ctx, sent.start, m.index));
      if (!found || found.text.split(/\s+/).length < 3 || /[“”"]/.test(found.text)) continue;
      // "According to the Herald, Professor X said …": the inner cue has the statement and its speaker
      if (
        ctx.doc
          .tokensIn(found.start, Math.min(found.end, found.start + 200))
          .some((t) => REPORTING.has(t.normal) && t.tags.has('Verb'))
      )
        continue;
      out.push({ ...found, kind: 'indirect', cue, speakerSpan, rule: 'reported/according-to' });
    }
    return out;
  },
};

/**
 * "According to Nielsen, the novel has sold 22,000 copies, and the publisher said …": the statement ends where a
 * coordinated clause brings its own speaker and cue (a subject of up to four words after ", and" / ", but").
 */
function untilNextSpeaker(ctx: Context, found: Span | null): Span | null {
  if (!found) return null;
  const inner = ctx.doc.tokensIn(found.start, found.end).find((t) => REPORTING.has(t.normal) && t.tags.has('Verb'));
  if (!inner) return found;
  const cut = /,\s+(?:and|but)\s+(?:\S+\s+){1,4}$/.exec(ctx.doc.clean.slice(found.start, inner.start));
  if (!cut) return found;
  const text = trimEndOf(ctx.doc.text.slice(found.start, found.start + cut.index), /[\s,]/);
  return { start: found.start, end: found.start + text.length, text };
}

/** "According to X, CLAUSE." / "According to X CLAUSE." — the statement follows its source. */
function clauseAfterSource(ctx: Context, source: Span, sentEnd: number): Span | null {
  const after = ctx.doc.clean.slice(source.end, Math.min(sentEnd, source.end + CLAUSE_WINDOW));
  const comma = /^[^,]{0,80}?,\s*/.exec(after);
  let start: number;
  if (comma && !/\s(?:that|said|says)\s/.test(comma[0])) start = source.end + comma[0].length;
  else {
    // no comma: the clause starts right after the source, and must look like one
    start = source.end + /^\s*/.exec(after)![0].length;
    if (!looksLikeClause(ctx, start, sentEnd)) return null;
  }
  const text = trimEndOf(ctx.doc.text.slice(start, Math.min(sentEnd, start + CLAUSE_WINDOW)), /[\s.;:!?]/);
  return { start, end: start + text.length, text };
}

/**
 * "A, according to X, B." — the cue set off by commas inside the statement: the whole sentence is
 * the statement (as with "A, he said, B").
 */
function parenthetical(ctx: Context, sentStart: number, cueAt: number, source: Span, sentEnd: number): Span | null {
  if (!/,\s*$/.test(ctx.doc.clean.slice(Math.max(sentStart, cueAt - 3), cueAt))) return null;
  const after = ctx.doc.clean.slice(source.end, Math.min(sentEnd, source.end + CLAUSE_WINDOW));
  if (!/^,\s+\S+\s+\S+\s+\S+/.test(after)) return null;
  const start = Math.max(sentStart, cueAt - CLAUSE_WINDOW);
  const text = trimEndOf(ctx.doc.text.slice(start, Math.min(sentEnd, source.end + CLAUSE_WINDOW)), /[\s.;:!?]/);
  return { start, end: start + text.length, text };
}

/** "CLAUSE, according to X." — the statement is the sentence before the cue (up to an earlier clause break). */
function clauseBefore(ctx: Context, sentStart: number, cueAt: number): Span | null {
  let start = Math.max(sentStart, cueAt - CLAUSE_WINDOW);
  const lead = ctx.doc.clean.slice(start, cueAt);
  // the statement starts after the last clause break before the cue ("…; CLAUSE, according to X")
  let cut = -1;
  const re = new RegExp(CLAUSE_END.source, 'g');
  for (let b = re.exec(lead); b; b = re.exec(lead)) {
    if (b[0] === '.' && isAbbreviation(ctx.doc.clean, start + b.index)) continue; // "to Mr. Holloway's 1,381,950"
    if (b.index + b[0].length < lead.length - 2) cut = b.index + b[0].length;
  }
  if (cut > 0) start += cut + /^\s*/.exec(lead.slice(cut))![0].length;
  const text = trimEndOf(ctx.doc.text.slice(start, cueAt), /[\s,.;:]/);
  return { start, end: start + text.length, text };
}
