// Splits the input into blocks (title, headings, paragraphs, list items), one per non-empty line.
// Offsets always refer to the original text; nothing is rewritten.
import type { Block } from '../factsheet';

const LIST_MARK = /^\s*(?:[-*•–—▪◦]\s+|\d{1,2}[.)]\s+)/;
const TERMINAL = /[.!?:;…]["'”’»)\]]*\s*$/;

export const wordCount = (s: string): number => (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;

/** A short line without terminal punctuation: a title, a section heading or a teaser headline. */
export function isHeadlineShaped(line: string): boolean {
  const words = wordCount(line);
  return words >= 1 && words <= 16 && !TERMINAL.test(line) && !LIST_MARK.test(line);
}

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    const end = m.index + m[0].trimEnd().length;
    if (end <= start) continue;
    const line = text.slice(start, end);
    const type: Block['type'] = LIST_MARK.test(line)
      ? 'list-item'
      : isHeadlineShaped(line)
        ? blocks.length === 0
          ? 'title'
          : 'heading'
        : 'paragraph';
    blocks.push({ type, start, end });
  }
  // A scraped page often opens with a standfirst line above the title: both are the title zone.
  if (
    blocks[0]?.type === 'paragraph' &&
    blocks[1]?.type === 'heading' &&
    !TERMINAL.test(text.slice(blocks[0].start, blocks[0].end))
  ) {
    blocks[0] = { ...blocks[0], type: 'title' };
  }
  return blocks;
}
