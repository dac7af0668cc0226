// The one compromise tagging pass. Every extractor reads these tokens; nobody calls nlp() again.
import nlp from 'compromise';
import { lexicons } from '../lexicons';
import { chunkEnds } from './chunks';

export interface Token {
  /** the surface text, exactly as in the input */
  text: string;
  start: number;
  end: number;
  /** compromise's normalised form (lower case, no punctuation) */
  normal: string;
  tags: Set<string>;
  /** punctuation that follows the token in the input (`,` `”` `’s`…) */
  post: string;
  pre: string;
  index: number;
}

/**
 * "Ms. Ferreira said", "Sen. Ana Ruiz": the full stop of an honorific or abbreviated title before a name ends no
 * sentence or clause, so it is not kept as the token's punctuation (the sentence splitter agrees).
 */
// (only forms the lexicon writes with a full stop, as written: "Lord." and "miss." end sentences)
const NAME_ABBREVIATIONS = new Set([
  ...lexicons.titles.honorifics.filter((h) => h.endsWith('.')).map((h) => h.slice(0, -1)),
  ...lexicons.titles.abbreviatedTitles,
]);
const abbreviationDot = (text: string, post: string, after: string) =>
  post.startsWith('.') && NAME_ABBREVIATIONS.has(text) && /^\.\s+\p{Lu}/u.test(after);

let extended = false;
/** Teach compromise our lexicons once (titles, speech verbs), so its tags agree with our rules. */
function extendOnce(): void {
  if (extended) return;
  extended = true;
  const words: Record<string, string> = {};
  for (const h of lexicons.titles.heads) if (!/\s|\./.test(h)) words[h.toLowerCase()] = 'Actor';
  nlp.addWords(words);
}

/**
 * compromise's tokenizer and tagger grow quadratically on very long sentences and chunks (a
 * 100 KB paragraph without a full stop takes seconds), so it never sees more than this at once.
 */
export const MAX_CHUNK = 5000;

/**
 * Tags `text` once (chunk by chunk, see MAX_CHUNK) and aligns every term back to the input by
 * searching its surface form forward from the previous term, so offsets survive compromise's
 * own normalisation.
 */
export function tokenize(text: string): Token[] {
  extendOnce();
  const out: Token[] = [];
  let from = 0;
  for (const end of chunkEnds(text, MAX_CHUNK)) {
    tokenizeChunk(text.slice(from, end), from, out);
    from = end;
  }
  return out;
}

function tokenizeChunk(chunk: string, base: number, out: Token[]): void {
  const doc = nlp(chunk);
  let cursor = 0;
  for (const sentence of doc.document as {
    text: string;
    pre: string;
    post: string;
    normal: string;
    tags: Set<string>;
  }[][]) {
    for (const term of sentence) {
      if (!term.text) continue; // implicit terms of contractions ("don’t" → "do" + "not")
      const at = chunk.indexOf(term.text, cursor);
      if (at < 0 || at - cursor > 200) continue;
      cursor = at + term.text.length;
      out.push({
        text: term.text,
        start: base + at,
        end: base + cursor,
        normal: term.normal ?? term.text.toLowerCase(),
        tags: term.tags,
        post:
          term.post?.startsWith('.') && abbreviationDot(term.text, term.post, chunk.slice(cursor, cursor + 4))
            ? (term.post ?? '').slice(1)
            : (term.post ?? ''),
        pre: term.pre ?? '',
        index: out.length,
      });
    }
  }
}
