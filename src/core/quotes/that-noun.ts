// Rule `that-noun`: a noun of saying with its that-clause — "the claim that CLAUSE",
// "allegations that CLAUSE", "his insistence that CLAUSE". The speaker is the possessor when there
// is one ("his", "the minister's"), else none (kind unresolved). Nouns: quote-words.json `thatNouns`.
import type { Rule } from '../context';
import { lexicons } from '../lexicons';
import type { QuoteCandidate } from './candidate';
import { CLAUSE_END, CLAUSE_WINDOW, looksLikeClause, trimEndOf } from './clause';
import type { Token } from '../document/tokens';
import { isSourceNoun, mentionsIn, POSSESSIVES, PRONOUNS } from './cues';

const CHAIN_WORDS = new Set(lexicons.quoteWords.chainWords);

const isFinite = (t: Token) =>
  t.tags.has('Verb') &&
  (t.tags.has('PastTense') || t.tags.has('PresentTense') || t.tags.has('Modal')) &&
  !t.tags.has('Infinitive') &&
  !t.tags.has('Gerund') &&
  !t.tags.has('Participle');

const NOUNS = new Set(lexicons.quoteWords.thatNouns);

export const thatNoun: Rule<QuoteCandidate> = {
  name: 'that-noun',
  find(ctx) {
    const out: QuoteCandidate[] = [];
    const toks = ctx.doc.tokens;
    for (let i = 0; i + 1 < toks.length; i++) {
      const n = toks[i];
      if (!NOUNS.has(n.normal) || !n.tags.has('Noun') || toks[i + 1].normal !== 'that' || /[,;:]/.test(n.post))
        continue;
      const s = ctx.doc.sentenceOf(n.start);
      if (s === null) continue;
      const sentEnd = Math.min(ctx.doc.sentences[s].end, n.end + CLAUSE_WINDOW);
      const start = toks[i + 2]?.start;
      // "the claim that was rejected" is a relative clause: the words after "that" must be a clause
      if (start === undefined || start >= sentEnd || !looksLikeClause(ctx, start, sentEnd)) continue;
      const body = ctx.doc.clean.slice(start, sentEnd);
      const end = CLAUSE_END.exec(body);
      let stop = start + (end ? end.index : body.length);
      // in subject position ("The claim that X is false was rejected") the sentence's own verb ends the clause
      const sentStart = Math.max(ctx.doc.sentences[s].start, n.start - CLAUSE_WINDOW);
      if (!ctx.doc.tokensIn(sentStart, n.start).some((t) => isFinite(t) && !/['’]s?$/.test(t.text)))
        stop = Math.min(stop, mainVerbAfter(start, stop));
      const text = trimEndOf(ctx.doc.text.slice(start, stop), /[\s,.;:]/);
      if (text.split(/\s+/).length < 3 || /[“”"]/.test(text)) continue;
      out.push({
        start,
        end: start + text.length,
        text,
        kind: 'indirect',
        rule: 'reported/that-noun',
        cue: { start: n.start, end: n.end, text: n.text },
        speakerSpan: possessor(i),
      });
    }
    return out;

    /** The start of a second finite verb group after the clause's own (after its complement), else `stop`. */
    function mainVerbAfter(start: number, stop: number): number {
      const ts = ctx.doc.tokensIn(start, stop);
      let seenVerb = false,
        afterComplement = false;
      for (let k = 0; k < ts.length; k++) {
        const t = ts[k];
        if (isFinite(t) || t.tags.has('Auxiliary')) {
          if (seenVerb && afterComplement && !CHAIN_WORDS.has(ts[k - 1]?.normal ?? '')) return t.start;
          seenVerb = true;
          afterComplement = false;
        } else if (seenVerb && !t.tags.has('Adverb') && !t.tags.has('Verb')) afterComplement = true;
      }
      return stop;
    }

    /** "his claim" → he; "the minister's claim" / "Smith's claim" → the words before 's */
    function possessor(i: number): QuoteCandidate['speakerSpan'] {
      let j = i - 1;
      while (j >= 0 && toks[j].tags.has('Adjective')) j--;
      const p = toks[j];
      if (!p) return null;
      if (POSSESSIVES[p.normal] && POSSESSIVES[p.normal] in PRONOUNS)
        return { start: p.start, end: p.end, text: p.text };
      if (/^['’]s?$/.test(p.post.trim()) || /['’]s$/.test(p.text)) {
        const ms = mentionsIn(ctx, Math.max(0, p.start - 60), p.end + 2).filter((m) => m.end >= p.end - 2);
        const m = ms[ms.length - 1];
        if (m) return { start: m.start, end: m.end, text: ctx.doc.text.slice(m.start, m.end) };
        const word = p.text.replace(/['’]s?$/, '');
        if (isSourceNoun(word)) return { start: p.start, end: p.start + word.length, text: word }; // "the senator's claim"
      }
      return null;
    }
  },
};
