// Boilerplate lines: page furniture (furniture.ts), headlines repeated on the page, and teaser
// headlines of other stories (teasers.ts). Every entry says why and how sure; model.ts blanks
// them before tagging, so no fact is ever read from them.
import type { Block, Boilerplate } from '../factsheet';
import { furnitureRule, headsStoryList } from './furniture';
import { findTeasers, WEIGHTS } from './teasers';
import { wordCount } from './blocks';
import { GENERIC_HEADINGS, mayBeHeadline, normalise } from './lines';

/** Maps a teaser score to a confidence: 0.62 at the threshold, 0.92 two points above it. */
const confidence = (score: number): number =>
  Math.round(100 / (1 + Math.exp(-(score - WEIGHTS.threshold + 0.5)))) / 100;

export function findBoilerplate(text: string, blocks: Block[]): Boilerplate[] {
  const lineOf = (b: Block) => text.slice(b.start, b.end);
  const found = new Map<number, Omit<Boilerplate, 'start' | 'end' | 'text'>>();
  const counts = new Map<string, number>();
  for (const b of blocks) if (b.type === 'heading') counts.set(lineOf(b), (counts.get(lineOf(b)) ?? 0) + 1);

  blocks.forEach((b, i) => {
    const line = lineOf(b);
    const rule = furnitureRule(line);
    // The first line is the title: a notice ("We use cookies…") can stand there, a label ("Video: …") titles it.
    if (rule && !(i === 0 && rule.reason === 'furniture label')) {
      found.set(i, { reason: rule.reason, confidence: rule.confidence });
      return;
    }
    const repeated = (counts.get(line) ?? 0) > 1 && !GENERIC_HEADINGS.has(normalise(line)); // "What happens next" may recur
    if (b.type === 'heading' && wordCount(line) >= 3 && repeated) {
      found.set(i, { reason: 'repeated headline', confidence: 0.95 });
    }
  });
  // A bare label ("Related stories", "Most read", "More from Politics") heads a list of other
  // stories' headlines: the headline-shaped lines right under it, whatever words they share.
  for (const i of [...found.keys()]) {
    if (!headsStoryList(lineOf(blocks[i]))) continue;
    for (let j = i + 1; j < blocks.length && blocks[j].type === 'heading' && !found.has(j); j++) {
      if (!mayBeHeadline(lineOf(blocks[j]))) break;
      found.set(j, { reason: 'listed under page furniture', confidence: 0.9 });
    }
  }
  for (const t of findTeasers(text, blocks, new Set(found.keys()))) {
    found.set(t.block, { reason: 'teaser headline', confidence: confidence(t.score), signals: t.signals });
  }
  return [...found.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([i, v]) => ({ start: blocks[i].start, end: blocks[i].end, text: lineOf(blocks[i]), ...v }));
}
