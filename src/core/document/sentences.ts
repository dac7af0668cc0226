// Sentence splitting inside blocks, with offsets. Abbreviations are data (data/lexicons/abbreviations.json).
import type { Block, Sentence } from '../factsheet';
import { lexicons } from '../lexicons';
import { spanIndexAt } from '../text';

const ABBREV = new Set(lexicons.abbreviations.map((a) => a.toLowerCase()));

// A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[\p{Lu}\p{N}])/gu;

function isAbbreviation(text: string, dotAt: number): boolean {
  if (text[dotAt] !== '.') return false;
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotAt - 12), dotAt));
  if (!before) return false;
  const word = before[1];
  if (/^\p{Lu}$/u.test(word)) return true;                 // an initial: "John F. Kennedy"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;        // "U.S", "e.g"
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
    if (end > start) out.push({ start, end, block });
  }
  return out;
}

/** Index of the sentence containing offset `at`, or null. */
export const sentenceAt = (sentences: Sentence[], at: number): number | null => spanIndexAt(sentences, at);
