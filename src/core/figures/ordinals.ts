// Rule `ordinal`: "the first country", "its 21st summit" → ordinal with its value. Only before a
// noun, so "second" the time unit and "first" the adverb stay out.
import type { Rule } from '../context';
import type { FigureCandidate } from './candidate';
import { FIGURE_WORDS, ORDINALS } from './words';

// "third countries", "first aid", "second nature": set terms that count nothing
const SET_TERMS = new Map(Object.entries(FIGURE_WORDS.ordinalSetTerms).map(([k, v]) => [k, new Set(v)]));

const ORDINAL = new RegExp(
  `\\b(${Object.keys(ORDINALS)
    .filter((k) => ORDINALS[k] !== null)
    .join('|')}|\\d+(?:st|nd|rd|th))\\b`,
  'gi',
);

export const ordinals: Rule<FigureCandidate> = {
  name: 'ordinal',
  find(ctx) {
    const out: FigureCandidate[] = [];
    const text = ctx.doc.clean;
    ORDINAL.lastIndex = 0;
    for (let m = ORDINAL.exec(text); m; m = ORDINAL.exec(text)) {
      const next = ctx.doc.tokenAt(m.index + m[0].length + 1);
      const tok = ctx.doc.tokenAt(m.index);
      if (!next || !tok || tok.end !== m.index + m[0].length) continue;
      if (!next.tags.has('Noun') && !next.tags.has('Adjective')) continue;
      if (next.tags.has('Date') || next.tags.has('Pronoun')) continue;
      const w = m[1].toLowerCase();
      if (SET_TERMS.get(w)?.has(next.normal)) continue;
      const value = ORDINALS[w] ?? parseInt(w, 10);
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        kind: 'ordinal',
        value,
        unit: null,
        dimension: null,
        low: null,
        high: null,
        approximate: false,
        bound: null,
        direction: null,
        subject: null,
        rule: 'ordinal',
      });
    }
    return out;
  },
};
