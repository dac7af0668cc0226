// Refiner `heading-name`: in title and heading lines capitalisation says nothing ("A Complex
// History and a New Era"), so only names the lexicons know, or that the body names, count there.
import type { Context, Refiner } from '../context';
import { isCapitalised } from './name-runs';
import type { MentionCandidate } from './candidate';
import { CONNECTORS, knownName, stripPossessive } from './words';

const MAX_WORDS = 6;

export const headingNames: Refiner<MentionCandidate> = {
  name: 'heading-name',
  refine(ctx: Context, candidates) {
    const body = new Map<string, MentionCandidate>();
    for (const c of candidates) body.set(c.text, c);
    const out = candidates.slice();
    for (const b of ctx.doc.blocks) {
      if (b.type !== 'title' && b.type !== 'heading') continue;
      const toks = ctx.doc.tokensIn(b.start, b.end);
      for (let i = 0; i < toks.length; i++) {
        if (!isCapitalised(toks[i])) continue;
        for (let n = Math.min(MAX_WORDS, toks.length - i); n >= 1; n--) {
          const span = toks.slice(i, i + n);
          if (
            CONNECTORS.has(span[n - 1].normal) ||
            span.some((t, k) => k < n - 1 && /[,:;.!?“”"‘’]/.test(t.post.replace(/^['’]s?/, '')))
          )
            continue;
          const raw = ctx.doc.text.slice(span[0].start, span[n - 1].end);
          // "U.S." keeps its final dot; "Kyiv:" loses the colon
          const text = knownName(stripPossessive(raw))
            ? stripPossessive(raw)
            : stripPossessive(raw.replace(/[.,:;!?]+$/, ''));
          const known = knownName(text);
          const seen = body.get(text);
          if (!known && !seen) continue;
          // a name the body uses takes its type from the body's mentions, in the cluster
          out.push({
            start: span[0].start,
            end: span[0].start + text.length,
            text,
            type: known?.type ?? null,
            canonical: known?.name ?? seen!.canonical,
            expansion: seen?.expansion,
            rule: 'heading-name',
          });
          i += n - 1;
          break;
        }
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
