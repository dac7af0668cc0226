// Rule `reported`: reported speech without marks.
//   verb         X said (that) CLAUSE / X told reporters in Kabul that CLAUSE / X has denied that CLAUSE
//   postposed    CLAUSE, X said. / CLAUSE, X said Tuesday. / CLAUSE, said X in a statement.
//   parenthetical  A, X said, B. / A, said X, B.  (one statement, the cue inside it)
//   headline     X warns CLAUSE (a title line reports in the present tense)
import type { Context, Rule } from '../context';
import type { Token } from '../document/tokens';
import type { Span } from '../factsheet';
import type { QuoteCandidate } from './candidate';
import {
  AUDIENCE,
  clauseEndIn,
  CLAUSE_WINDOW,
  clauseAfter,
  isSomeone,
  looksLikeClause,
  TAIL_ADJUNCT,
  trimEndOf,
} from './clause';
import {
  participleAgent,
  participleSpeaker,
  PARTICIPLES,
  REPORTING,
  speakerAfter,
  speakerBefore,
  voiceBefore,
} from './cues';

import { lexicons } from '../lexicons';

const TELL = new Set(lexicons.quoteWords.tellCues);
/** before a cue, a form of "be" makes it passive ("was told"); "it" as well, as the rule has always read it */
const PASSIVE = new Set([...lexicons.quoteWords.beForms, 'it']);
const MODAL_BEFORE = new Set(lexicons.quoteWords.modalsBefore);
const CUE_ADVERBS = new Set(lexicons.quoteWords.cueAdverbs);

const FUTURE = new Set(lexicons.quoteWords.futureModals);
const SCHEDULED = new Set(lexicons.quoteWords.scheduledBefore);

/** "will announce", "is due to announce", "plans to say": the speech is still to come. */
function isFuture(toks: Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && toks[j].tags.has('Adverb') && !FUTURE.has(toks[j].normal)) j--;
  const t = toks[j];
  if (!t || /[,;:]/.test(t.post)) return false;
  if (FUTURE.has(t.normal)) return true;
  return t.normal === 'to' && SCHEDULED.has(toks[j - 1]?.normal ?? '');
}

/** A reporting verb used as a verb: tagged so, or a base form after a modal ("would later claim"). */
function isCue(toks: Token[], i: number): boolean {
  const v = toks[i];
  if (!REPORTING.has(v.normal)) return false;
  if (v.tags.has('Verb') || v.normal === 'said') return true;
  // "… but noted that …": after a conjunction and before "that" the word is a verb, whatever the tagger read
  if (/^(?:and|but)$/.test(toks[i - 1]?.normal ?? '') && toks[i + 1]?.normal === 'that') return true;
  let j = i - 1;
  while (j >= 0 && (toks[j].tags.has('Adverb') || CUE_ADVERBS.has(toks[j].normal))) j--;
  return j >= 0 && MODAL_BEFORE.has(toks[j].normal) && !/[,;:]/.test(toks[j].post);
}

/** The words after a postposed cue, up to the sentence end: nothing, a date or an adjunct ("said Tuesday", "said in a statement"). */
function closesSentence(ctx: Context, v: Token, sentEnd: number, headline = false): boolean {
  if (sentEnd - v.end > 80) return false;
  const tail = trimEndOf(ctx.doc.clean.slice(v.end, sentEnd), /[\s.!?]/);
  if (!tail.trim()) return true;
  if (TAIL_ADJUNCT.test(tail)) return true;
  // "…, he told the jury." / "…, she told reporters on Monday.": the audience, then nothing or an adjunct
  const audience = TELL.has(v.normal) ? AUDIENCE.exec(tail) : null;
  if (audience) {
    const rest = tail.slice(audience[0].length);
    if (!rest.trim() || TAIL_ADJUNCT.test(rest)) return true;
  }

  const toks = ctx.doc.tokensIn(v.end, sentEnd);
  if (
    toks.length <= 4 &&
    toks.every((t) => t.tags.has('Date') || t.tags.has('Preposition') || t.tags.has('Determiner'))
  )
    return true;
  // "…, Adler said after the event.", "…, she said at the launch in Leeds.": a short phrase with no verb of its own
  // (a headline's "Mayor warns of floods" names its topic that way)
  return (
    !headline &&
    toks.length <= 8 &&
    !!toks[0]?.tags.has('Preposition') &&
    toks[0].normal !== 'that' &&
    !toks.some((t) => t.normal === 'that' || (t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Participle')))
  );
}

/** "…, X said, with funding from the ministry.": a verbless phrase after the cue's comma, to the sentence end. */
function prepositionalTail(ctx: Context, v: Token, sentEnd: number): boolean {
  if (!/^,\s/.test(ctx.doc.clean.slice(v.end, v.end + 2)) || /\bthat\b/i.test(ctx.doc.clean.slice(v.end, sentEnd)))
    return false;
  const toks = ctx.doc.tokensIn(v.end, sentEnd);
  return (
    !!toks[0]?.tags.has('Preposition') &&
    !toks.some((t) => t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Participle'))
  );
}

export const reported: Rule<QuoteCandidate> = {
  name: 'reported',
  find(ctx) {
    const out: QuoteCandidate[] = [];
    const toks = ctx.doc.tokens;
    const cueAt = (t: Token) => isCue(toks, t.index);
    for (let i = 0; i < toks.length; i++) {
      const v = toks[i];
      if (!isCue(toks, i)) continue;
      if (PASSIVE.has(toks[i - 1]?.normal ?? '')) continue;
      // '…,” said X' belongs to the marked quote; "212 confirmed bookings" is an adjective
      if (/[”"]\s*$/.test(ctx.doc.clean.slice(Math.max(0, v.start - 3), v.start))) continue;
      if (
        toks[i - 1] &&
        (toks[i - 1].tags.has('Determiner') || toks[i - 1].tags.has('Value')) &&
        !/[,;:]/.test(toks[i - 1].post)
      )
        continue;
      const s = ctx.doc.sentenceOf(v.start);
      if (s === null) continue;
      const block = ctx.doc.blockOf(v.start);
      const headline = !!block && (block.type === 'title' || block.type === 'heading');
      // a headline reports in the present tense ("Minister warns …"); its other verbs are not cues
      if (headline && !v.tags.has('PresentTense')) continue;
      const sent = ctx.doc.sentences[s];
      const cue = { start: v.start, end: v.end, text: v.text };
      const from = Math.max(sent.start, v.start - CLAUSE_WINDOW);
      // a participle ("…, claiming the tender was rigged") hangs from its clause: never postposed
      const found = PARTICIPLES.has(v.normal)
        ? null
        : (postposed(ctx, v, from, sent.end) ?? parenthetical(ctx, v, from, Math.min(sent.end, v.end + CLAUSE_WINDOW)));
      if (found) {
        out.push({ ...found, kind: 'indirect', cue });
        continue;
      }
      if (closesSentence(ctx, v, sent.end, headline)) continue;
      // "the coach, who said that the team was tired, left early": the relative clause ends at its comma
      const relative = /^(?:who|which)$/.test(toks[i - 1]?.normal ?? '') && /,/.test(toks[i - 2]?.post ?? '');
      const clauseEnd = Math.min(sent.end, v.end + CLAUSE_WINDOW);
      const comma = relative ? ctx.doc.clean.slice(v.end, clauseEnd).indexOf(',') : -1;
      const found0 =
        (headline ? headlineTopic(ctx, v, sent.end) : null) ??
        clauseAfter(ctx, v, comma >= 0 ? v.end + comma : clauseEnd, cueAt);
      if (!found0) continue;
      const clause = withoutTrailingAttribution(ctx, found0);
      // "the jury will announce the winners": an act to come; "X will argue that …" previews a statement
      if (isFuture(toks, i) && !looksLikeClause(ctx, clause.start, clause.end)) continue;
      if (headline && !('topic' in clause) && !looksLikeClause(ctx, clause.start, clause.end)) continue; // "Veltro announces plant closures"
      const speakerSpan = PARTICIPLES.has(v.normal) ? participleSpeaker(ctx, v) : speakerBefore(ctx, v);
      if (!speakerSpan && !PARTICIPLES.has(v.normal)) continue;
      if (speakerSpan && !isSomeone(ctx, speakerSpan)) continue; // "the plane promises …", "the data suggests …"
      const rule = headline ? 'reported/headline' : speakerSpan ? 'reported/verb' : 'reported/chained';
      out.push({
        start: clause.start,
        end: clause.end,
        text: clause.text,
        kind: 'indirect',
        cue,
        speakerSpan,
        sameSpeakerAsPrevious: !speakerSpan,
        rule,
      });
      // "said the plan was sound and that it would pass": a second that-clause of the same cue
      for (let more = andThatClause(ctx, clause.end, clauseEnd); more; more = andThatClause(ctx, more.end, clauseEnd))
        out.push({ ...more, kind: 'indirect', cue, speakerSpan, sameSpeakerAsPrevious: !speakerSpan, rule });
    }
    return out;
  },
};

/** The clause after ", and that" at `from`, to the next clause end; null when none follows. */
function andThatClause(ctx: Context, from: number, end: number): Span | null {
  const m = /^,?\s+and\s+that\s+/.exec(ctx.doc.clean.slice(from, Math.min(end, from + 12)));
  if (!m) return null;
  const start = from + m[0].length;
  const rest = ctx.doc.clean.slice(start, end);
  const stop = clauseEndIn(ctx, start, rest);
  const text = trimEndOf(ctx.doc.text.slice(start, start + (stop ? stop.index : rest.length)), /[\s,.;:]/);
  // a quotation inside it is the marked rules' to report ("and that his team “deserved extra time”")
  return text.split(/\s+/).length >= 3 && !/[“”"]/.test(text) ? { start, end: start + text.length, text } : null;
}

type Found = Omit<QuoteCandidate, 'kind' | 'cue'>;

/**
 * "The team said it was analysing the water, the council added.": a second, postposed attribution
 * closes the content — a comma, a short noun phrase and a reporting verb at its end.
 */
function withoutTrailingAttribution<T extends Span>(ctx: Context, c: T): T {
  const comma = c.text.lastIndexOf(',');
  if (comma <= 0) return c;
  const tail = ctx.doc.tokensIn(c.start + comma + 1, c.end);
  const last = tail[tail.length - 1];
  if (!last || tail.length > 5 || !REPORTING.has(last.normal)) return c;
  if (tail.slice(0, -1).some((t) => t.tags.has('Verb') && !t.tags.has('Auxiliary'))) return c;
  const text = trimEndOf(c.text.slice(0, comma), /[\s,]/);
  return { ...c, end: c.start + text.length, text };
}

/** A headline's "X warns of floods", "X speaks out against the plan": the topic is the statement. */
function headlineTopic(ctx: Context, v: Token, end: number): (Span & { topic: true }) | null {
  const m = /^\s+(?:of|against|over|about|on)\s+/i.exec(ctx.doc.clean.slice(v.end, v.end + 12));
  if (!m) return null;
  const start = v.end + m[0].length;
  const text = trimEndOf(ctx.doc.text.slice(start, end), /[\s.,;:!?]/);
  return text.split(/\s+/).length >= 2 ? { start, end: start + text.length, text, topic: true } : null;
}
const end0 = (start: number, text: string) => start + text.length;

/** "CLAUSE, X said." / "CLAUSE, said X." / "CLAUSE, X said Tuesday." — the cue closes the sentence. */
function postposed(ctx: Context, v: Token, from: number, sentEnd: number): Found | null {
  const lead = ctx.doc.clean.slice(from, v.start);
  if (lead.lastIndexOf(',') <= 0 || /[“”"]/.test(lead)) return null;
  // "X said A, the council added": A is X's statement, which the second cue only confirms; a cue with a
  // plain object is part of the content ("Many patients reported nausea, the authors wrote")
  const leadEnd = from + lead.lastIndexOf(',');
  const reports = (t: Token) =>
    isCue(ctx.doc.tokens, t.index) &&
    (/^\s+that\b/i.test(ctx.doc.clean.slice(t.end, t.end + 6)) || hasFiniteVerb(ctx, t.end, leadEnd));
  if (ctx.doc.tokensIn(from, leadEnd).some(reports)) return null;
  // inverted: "…, said the minister." — the speaker follows the cue
  // (unless the comma closes an apposition: "…, Jane Doe, the governor, said")
  const before = speakerBefore(ctx, v);
  const inverted =
    !lead.slice(lead.lastIndexOf(',') + 1).trim() && !(before && before.end < from + lead.lastIndexOf(','));
  let speakerSpan = inverted ? speakerAfter(ctx, v, true) : before;
  if (!speakerSpan) return null;
  if (
    inverted
      ? !endsAfterSpeaker(ctx, speakerSpan, sentEnd)
      : !closesSentence(ctx, v, sentEnd) && !prepositionalTail(ctx, v, sentEnd)
  )
    return null;
  // the statement ends at the comma before the speaker ("…, Jane Doe, the governor, said")
  const comma = inverted ? lead.lastIndexOf(',') : lead.lastIndexOf(',', speakerSpan.start - from);
  if (comma <= 0) return null;
  // the speaker stands alone after the comma (", the minister said"), not after a conjunction (", but he replied")
  // (or after the voice that speaks for it: ", a spokesperson for the theatre said")
  const gap = ctx.doc.clean.slice(from + comma + 1, speakerSpan.start);
  // "…, analysts polled by Bloomberg said": the people the participle describes speak, not its agent
  const agent = inverted ? null : participleAgent(ctx, from + comma + 1, speakerSpan.start);
  if (agent) speakerSpan = agent;
  else if (!inverted && !/^\s*(?:(?:the|a|an)\s+)?$/i.test(gap) && !voiceBefore(gap)) return null;
  const text = ctx.doc.text.slice(from, from + comma).trim();
  // a speaker is someone: a named entity, a pronoun or a speaking role ("officials")
  if (!isSomeone(ctx, speakerSpan) || text.split(/\s+/).length < 4) return null;
  const start =
    from + (ctx.doc.text.slice(from, from + comma).length - ctx.doc.text.slice(from, from + comma).trimStart().length);
  return { start, end: start + text.length, text, speakerSpan, rule: 'reported/postposed' };
}

/** A finite verb after `at`, up to `end` ("said the rail link … would open"), not a plain object ("reported nausea"). */
function hasFiniteVerb(ctx: Context, at: number, end: number): boolean {
  const toks = ctx.doc.tokensIn(at, end);
  if (!toks.length || toks[0].tags.has('Preposition') || toks[0].normal === 'to') return false;
  const finite = ['PastTense', 'PresentTense', 'Copula', 'Auxiliary', 'Modal'];
  // "reported a smell of gas": after a determiner comes its noun, whatever the tagger made of it
  return toks
    .slice(toks[0].tags.has('Determiner') ? 2 : 1)
    .some((t) => finite.some((g) => t.tags.has(g)) && !t.tags.has('Gerund') && !t.tags.has('Infinitive'));
}

/** After an inverted cue's speaker: the sentence's end, an adjunct, or an apposition ("said Jane Doe, the governor."). */
function endsAfterSpeaker(ctx: Context, sp: Span, sentEnd: number): boolean {
  if (sentEnd - sp.end > 120) return false;
  const tail = trimEndOf(ctx.doc.clean.slice(sp.end, sentEnd), /[\s.!?]/);
  if (!tail.trim() || TAIL_ADJUNCT.test(tail)) return true;
  return (
    /^,\s/.test(tail) &&
    !ctx.doc
      .tokensIn(sp.end, sentEnd)
      .some((t) => t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Participle'))
  );
}

/**
 * "Recipients, said Maurer, are required …" / "The plan, he said, will fail." — a cue set off by
 * commas inside the statement: the whole sentence is one statement.
 */
function parenthetical(ctx: Context, v: Token, from: number, to: number): Found | null {
  const before = ctx.doc.clean.slice(from, v.start);
  const open = before.lastIndexOf(',');
  if (open <= 0 || /[“”"]/.test(before)) return null;
  const inverted = !before.slice(open + 1).trim();
  const speakerSpan = inverted ? speakerAfter(ctx, v, true) : speakerBefore(ctx, v);
  if (!speakerSpan || !isSomeone(ctx, speakerSpan)) return null;
  // the speaker words stand alone between the commas: ", he said," / ", said Jane Doe,"
  const gapBefore = inverted ? '' : ctx.doc.clean.slice(from + open + 1, speakerSpan.start);
  if (!inverted && !/^\s*(?:(?:the|a|an)\s+)?$/i.test(gapBefore)) return null;
  // then the closing comma, with at most a date or an adjunct before it (", he said on Tuesday,")
  const at = Math.max(v.end, speakerSpan.end);
  const comma = ctx.doc.clean.slice(at, Math.min(to, at + 60)).indexOf(',');
  if (comma < 0) return null;
  const between = ctx.doc.clean.slice(at, at + comma);
  if (
    between.trim() &&
    !TAIL_ADJUNCT.test(between) &&
    !ctx.doc.tokensIn(at, at + comma).every((t) => t.tags.has('Date') || t.tags.has('Preposition'))
  )
    return null;
  const restStart = at + comma + 1 + /^\s*/.exec(ctx.doc.clean.slice(at + comma + 1, at + comma + 40))![0].length;
  const rest = trimEndOf(ctx.doc.text.slice(restStart, to), /[\s.!?]/);
  const head = before.slice(0, open).trim();
  // B goes on with a verb ("…, said Maurer, are required"); an apposition ("…, said X, the governor.") does not
  if (!ctx.doc.tokensIn(restStart, end0(restStart, rest)).some((t) => t.tags.has('Verb'))) return null;
  if (
    !head ||
    rest.split(/\s+/).length < 2 ||
    head.split(/\s+/).length + rest.split(/\s+/).length < 4 ||
    /[“”"]/.test(rest)
  )
    return null;
  const start = from + before.indexOf(head);
  const end = restStart + rest.length;
  return { start, end, text: ctx.doc.text.slice(start, end), speakerSpan, rule: 'reported/parenthetical' };
}
