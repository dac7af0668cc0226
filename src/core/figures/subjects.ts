// Refiner `subject`: the noun phrase a figure measures, with offsets. "$9 billion in Afghan
// assets" → "Afghan assets"; "789 dealerships" → "dealerships"; "sales plunged by 45%" → "sales".
import type { Context, Refiner } from '../context';
import type { Token } from '../document/tokens';
import type { Span } from '../factsheet';
import type { FigureCandidate } from './candidate';

const MAX_NP = 5;
const LINK = /^\s*(?:,\s*)?(?:in|of|for|on|worth\s+of|to)\s+$/i;
const CHANGE_VERB = /^(?:rose|rise|rises|increased|grew|jumped|climbed|surged|soared|gained|fell|falls|fall|dropped|declined|decreased|plunged|slumped|sank|shrank|lost|tumbled|was|were|is|are|reached|totalled|totaled|hit|stood|amounted)$/i;

const isNP = (t: Token) => (t.tags.has('Noun') || t.tags.has('Adjective') || t.tags.has('ProperNoun') || t.tags.has('Possessive'))
  && !t.tags.has('Pronoun') && !t.tags.has('Date') && !t.tags.has('Value');

// compromise reads a plural noun after a number as a verb at times ("Five engineers were hurt")
const pluralAsVerb = (t: Token) => t.tags.has('PresentTense') && /[^s]s$/.test(t.normal);

function nounPhrase(ctx: Context, from: number, afterCount = false): Span | null {
  const toks = ctx.doc.tokensIn(from, from + 120);
  const np: Token[] = [];
  for (const [i, t] of toks.entries()) {
    if (i === 0 && t.tags.has('Determiner') && !/^(?:no|all|each)$/.test(t.normal)) { np.push(t); continue; }
    if (i === 0 && afterCount && pluralAsVerb(t)) { np.push(t); t.tags.add('Noun'); break; }
    if (!isNP(t) || np.length >= MAX_NP) break;
    np.push(t);
    if (/[,.;:!?()"“”\n]/.test(t.post)) break;
  }
  while (np.length && !np[np.length - 1].tags.has('Noun')) np.pop();
  if (!np.length || (np.length === 1 && np[0].tags.has('Determiner'))) return null;
  const start = np[0].start, end = np[np.length - 1].end;
  const text = ctx.doc.text.slice(start, end).replace(/['’]s$/, '');
  return { start, end: start + text.length, text };
}

function subjectBefore(ctx: Context, f: FigureCandidate): Span | null {
  const toks = ctx.doc.tokensIn(Math.max(0, f.start - 80), f.start);
  let i = toks.length - 1;
  if (toks[i]?.normal === 'by' || toks[i]?.normal === 'to') i--;
  if (!toks[i] || !CHANGE_VERB.test(toks[i].text)) return null;
  const verb = i;
  let j = verb - 1;
  const np: Token[] = [];
  while (j >= 0 && isNP(toks[j]) && np.length < MAX_NP && !/[,.;:\n]/.test(toks[j].post)) np.unshift(toks[j--]);
  if (!np.length || !np[np.length - 1].tags.has('Noun')) return null;
  return { start: np[0].start, end: np[np.length - 1].end, text: ctx.doc.text.slice(np[0].start, np[np.length - 1].end) };
}

export const subjects: Refiner<FigureCandidate> = {
  name: 'subject',
  refine(ctx, figures) {
    for (const f of figures) {
      const after = ctx.doc.clean.slice(f.end, f.end + 14);
      const link = /^\s*(?:,\s*)?(?:in|of|for|on|worth\s+of)\s+/i.exec(after);
      if (link && LINK.test(link[0])) f.subject = nounPhrase(ctx, f.end + link[0].length);
      // "death toll rises to 47 in …": what changed is named before the figure
      const before = subjectBefore(ctx, f);
      if (before) { f.subject = before; continue; }
      if (!f.subject && (f.kind === 'count' || f.kind === 'quantity' || f.kind === 'ordinal') && /^\s+\S/.test(ctx.doc.clean.slice(f.end, f.end + 2))) f.subject = nounPhrase(ctx, f.end + 1, true);
    }
    return figures;
  },
};
