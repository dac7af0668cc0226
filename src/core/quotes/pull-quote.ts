// Rule `pull-quote`: a paragraph set apart as a quotation without marks, signed by its last line or
// sentence: "This was a very hard decision … Program. Jane Doe, NASA Administrator". The signature
// is a person's name at its start, then at most a title after a comma, and no verb.
import type { Rule } from '../context';
import type { QuoteCandidate } from './candidate';
import { trimEndOf } from './clause';
import { mentionsIn } from './cues';

const MAX_SIGNATURE_WORDS = 10;

export const pullQuote: Rule<QuoteCandidate> = {
  name: 'pull-quote',
  find(ctx) {
    const out: QuoteCandidate[] = [];
    const { sentences, blocks } = ctx.doc;
    for (let s = 1; s < sentences.length; s++) {
      const sig = sentences[s];
      const next = sentences[s + 1];
      if (next && next.block === sig.block) continue; // the signature ends its paragraph
      const sigText = ctx.doc.clean.slice(sig.start, sig.end);
      if (/[.!?“”"«»]$/.test(sigText.trim()) || sigText.split(/\s+/).length > MAX_SIGNATURE_WORDS) continue;
      const name = mentionsIn(ctx, sig.start, sig.end).find((m) => m.start === sig.start && m.type === 'person');
      if (!name || !/^(?:$|,\s)/.test(ctx.doc.clean.slice(name.end, sig.end))) continue;
      if (ctx.doc.tokensIn(name.end, sig.end).some((t) => t.tags.has('Verb') && !t.tags.has('Noun'))) continue;
      // the quotation: the paragraph's sentences before the signature, without marks of their own
      // (or, when the signature is a line of its own, the paragraph before it)
      const own = blocks[sig.block];
      const block = own && sig.start <= own.start ? blocks[sig.block - 1] : own;
      if (!block || block.type !== 'paragraph') continue;
      const start = block.start;
      const text = trimEndOf(ctx.doc.text.slice(start, Math.min(sig.start, block.end)), /[\s.,;:]/);
      if (text.split(/\s+/).length < 8 || /[“”"«»]/.test(text)) continue;
      out.push({
        start,
        end: start + text.length,
        text,
        kind: 'direct',
        rule: 'marked/pull-quote',
        cue: null,
        speakerSpan: { start: name.start, end: name.end, text: ctx.doc.text.slice(name.start, name.end) },
      });
    }
    return out;
  },
};
