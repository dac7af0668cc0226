// Teaser headlines of other stories that scraped pages mix into the article. A headline-shaped
// line is a teaser when it repeats, or when it does not lead into body text and shares little
// vocabulary with the body. Section headings lead into the paragraph they head.
import type { Block, Boilerplate } from '../factsheet';
import { lexicons } from '../lexicons';
import { escapeRegExp } from '../text';
import { wordCount } from './blocks';

const contentWords = (s: string): string[] =>
  (s.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [])
    .map((w) => w.replace(/[’']s$/, ''))
    .filter((w) => w.length > 2 && !lexicons.stopwords.has(w))
    .map((w) => w.slice(0, 5)); // a crude stem: "recognition" ~ "recognize"

const MIN_WORDS = 4;
/** "Read more: …", "Related: …", "Advertisement": page furniture, whatever its words. */
const FURNITURE = new RegExp(`^(?:${lexicons.boilerplateCues.map(escapeRegExp).join('|')})(?:\\s*[:|»›>–—-]|\\s*$)`, 'i');
const MAX_SHARED = 0.35;

export function findBoilerplate(text: string, blocks: Block[]): Boilerplate[] {
  const lineOf = (b: Block) => text.slice(b.start, b.end);
  const body = blocks.filter((b) => b.type === 'paragraph' || b.type === 'list-item');
  const bodyVocab = new Set(body.flatMap((b) => contentWords(lineOf(b))));
  const counts = new Map<string, number>();
  for (const b of blocks) counts.set(lineOf(b), (counts.get(lineOf(b)) ?? 0) + 1);

  const out: Boilerplate[] = [];
  blocks.forEach((b, i) => {
    const line = lineOf(b);
    if (i > 0 && FURNITURE.test(line)) { out.push({ start: b.start, end: b.end, text: line, reason: 'page furniture' }); return; }
    if (b.type !== 'heading') return;
    if (wordCount(line) < MIN_WORDS) return;
    if ((counts.get(line) ?? 0) > 1) { out.push({ start: b.start, end: b.end, text: line, reason: 'repeated headline' }); return; }
    const next = blocks[i + 1];
    const leadsIntoBody = next && next.type !== 'heading' && next.type !== 'title';
    if (leadsIntoBody) return;
    const words = contentWords(line);
    const shared = words.filter((w) => bodyVocab.has(w)).length / Math.max(1, words.length);
    if (shared < MAX_SHARED) out.push({ start: b.start, end: b.end, text: line, reason: `teaser headline (${Math.round(shared * 100)}% shared vocabulary)` });
  });
  return out;
}
