// Sentence splitting inside blocks, with offsets. Abbreviations are data (data/lexicons/abbreviations.json).
import type { Block, Sentence } from '../factsheet';
import { lexicons } from '../lexicons';
import { spanIndexAt } from '../text';
import { chunkEnds } from './chunks';

/**
 * A longer run without a sentence end (a liveblog, a list flattened by a scraper) is cut at
 * whitespace: every rule that scans its sentence then stays linear in the text.
 */
export const MAX_SENTENCE = 1500;

const ABBREV = new Set(lexicons.abbreviations.map((a) => a.toLowerCase()));

// A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space. The
// look-behind starts a match only at the first mark of a run: a run of dots is tried once, not
// once per dot (quadratic).
const BOUNDARY = /(?<![.!?…])[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[\p{Lu}\p{N}])/gu;

/** Whether the full stop at `dotAt` ends an abbreviation or an initial ("Ms.", "John F. Kennedy", "U.S."). */
export function isAbbreviation(text: string, dotAt: number): boolean {
  if (text[dotAt] !== '.') return false;
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotAt - 12), dotAt));
  if (!before) return false;
  const word = before[1];
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "John F. Kennedy"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g"
  return ABBREV.has(word.toLowerCase());
}

export function splitSentences(text: string, blocks: Block[]): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((b, bi) => {
    const body = text.slice(b.start, b.end);
    let from = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(body); m; m = BOUNDARY.exec(body)) {
      if (isAbbreviation(body, m.index)) continue;
      const end = m.index + m[0].length;
      push(b.start + from, b.start + end, bi);
      from = end;
      while (from < body.length && /\s/.test(body[from])) from++;
    }
    push(b.start + from, b.end, bi);
  });
  function push(start: number, end: number, block: number) {
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) return;
    if (end - start <= MAX_SENTENCE) {
      out.push({ start, end, block });
      return;
    }
    let from = start;
    for (const cut of chunkEnds(text.slice(start, end), MAX_SENTENCE)) {
      let to = start + cut;
      while (to > from && /\s/.test(text[to - 1])) to--;
      if (to > from) out.push({ start: from, end: to, block });
      from = start + cut;
    }
  }
  return out;
}

/** Index of the sentence containing offset `at`, or null. */
export const sentenceAt = (sentences: Sentence[], at: number): number | null => spanIndexAt(sentences, at);
