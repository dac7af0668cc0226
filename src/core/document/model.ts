// The document model every extractor reads: blocks, sentences, teaser lines and tokens, all
// with offsets into the original text. Built once per extract() call.
import type { Block, Boilerplate, Sentence } from '../factsheet';
import { splitBlocks } from './blocks';
import { findBoilerplate } from './boilerplate';
import { sentenceAt, splitSentences } from './sentences';
import { firstFrom, spanIndexAt } from '../text';
import { tokenize, type Token } from './tokens';

export interface DocumentModel {
  text: string;
  /** the text with teaser lines blanked to spaces: same length, so offsets are shared */
  clean: string;
  blocks: Block[];
  sentences: Sentence[];
  boilerplate: Boilerplate[];
  tokens: Token[];
  sentenceOf(offset: number): number | null;
  blockOf(offset: number): Block | null;
  /** tokens whose start lies in [start, end) */
  tokensIn(start: number, end: number): Token[];
  tokenAt(offset: number): Token | null;
}

export function buildDocument(text: string): DocumentModel {
  const allBlocks = splitBlocks(text);
  const boilerplate = findBoilerplate(text, allBlocks);
  const parts: string[] = [];
  let at = 0;
  for (const b of boilerplate) {
    parts.push(text.slice(at, b.start), ' '.repeat(b.end - b.start));
    at = b.end;
  }
  parts.push(text.slice(at));
  const clean = parts.join('');
  const teaserStarts = new Set(boilerplate.map((b) => b.start));
  const blocks = allBlocks.filter((b) => !teaserStarts.has(b.start));
  const sentences = splitSentences(text, blocks);
  return documentModel({ text, clean, blocks, sentences, boilerplate, tokens: tokenize(clean) });
}

/** The model's look-ups over parts already built (tokens sorted by start): binary searches, no copies of the text. */
export function documentModel(
  parts: Pick<DocumentModel, 'text' | 'clean' | 'blocks' | 'sentences' | 'boilerplate' | 'tokens'>,
): DocumentModel {
  const { blocks, sentences, tokens } = parts;
  return {
    ...parts,
    sentenceOf: (at) => sentenceAt(sentences, at),
    blockOf: (at) => {
      const i = spanIndexAt(blocks, at);
      return i === null ? null : blocks[i];
    },
    tokensIn: (s, e) => tokens.slice(firstFrom(tokens, s), firstFrom(tokens, e)),
    tokenAt: (at) => {
      const i = firstFrom(tokens, at + 1) - 1;
      const t = tokens[i];
      return t && at >= t.start && at < t.end ? t : null;
    },
  };
}
