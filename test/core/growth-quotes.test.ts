// Growth tests for the quotes pass: on adversarial shapes (a liveblog without full stops, "said"
// before long runs of blanks or commas, unbalanced curly quotes) the pass must grow linearly.
// We assert time(200 KB) / time(25 KB) ≤ 16 (linear is 8), never a wall-clock time.
//
// The quotes pass is isolated from compromise (whose tagger is quadratic on one very long
// sentence and is bounded elsewhere): each input is a unit repeated, so the document model is
// built by tagging a dozen units once and repeating the tokens and entity mentions of a middle
// unit at every period. Blocks and sentences come from the real splitters.
import type { Context } from '../../src/core/context';
import { splitBlocks } from '../../src/core/document/blocks';
import { buildDocument, documentModel, type DocumentModel } from '../../src/core/document/model';
import { splitSentences } from '../../src/core/document/sentences';
import type { Token } from '../../src/core/document/tokens';
import { extractEntities } from '../../src/core/entities';
import type { Entity } from '../../src/core/factsheet';
import { extractQuotes } from '../../src/core/quotes';
import { growth, GROWTH_LIMIT, LARGE, SMALL } from '../support/growth';

const SAMPLE_UNITS = 12;
const MIDDLE = 6;

function periodicContext(unit: string, size: number): Context {
  const reps = Math.ceil(size / unit.length);
  const text = unit.repeat(reps);
  const sample = buildDocument(unit.repeat(SAMPLE_UNITS));
  const sampleCtx: Context = { doc: sample, publishedAt: null, entities: [], dates: [], figures: [], quotes: [] };
  const sampleEntities = extractEntities(sampleCtx);
  const a = MIDDLE * unit.length,
    b = a + unit.length;
  const unitTokens = sample.tokens.filter((t) => t.start >= a && t.start < b);
  const tokens: Token[] = [];
  for (let r = 0; r < reps; r++) {
    const shift = r * unit.length - a;
    for (const t of unitTokens) {
      if (t.end + shift > text.length) break;
      tokens.push({ ...t, start: t.start + shift, end: t.end + shift, index: tokens.length });
    }
  }
  const entities: Entity[] = sampleEntities
    .map((e) => {
      const ms = e.mentions.filter((m) => m.start >= a && m.start < b);
      const mentions = [];
      for (let r = 0; r < reps; r++) {
        const shift = r * unit.length - a;
        for (const m of ms)
          if (m.end + shift <= text.length) mentions.push({ ...m, start: m.start + shift, end: m.end + shift });
      }
      return { ...e, mentions };
    })
    .filter((e) => e.mentions.length > 0);
  const blocks = splitBlocks(text);
  const sentences = splitSentences(text, blocks);
  const doc = documentModel({ text, clean: text, blocks, sentences, boilerplate: [], tokens });
  return { doc, publishedAt: null, entities, dates: [], figures: [], quotes: [] };
}

const blanks = (n: number) => ' \t\u00a0,'.repeat(n);

const FAMILIES: Record<string, string> = {
  'liveblog: "X said:", "said" and dashes, no full stop':
    'Jane Doe said: the plan is late, said Tom Lee — the council said the roads close and Mayor Smith said ',
  'liveblog with quotes and pronouns, no full stop':
    'Jane Doe told reporters in Paris that “the plan is late,” she said — officials said the ministry claimed that ',
  '"said" before long runs of spaces, tabs, NBSP and commas': `Officials said${blanks(60)}that${blanks(40)}`,
  '"said" before a run of NBSP': `The minister said${'\u00a0'.repeat(300)}`,
  '"said" before a run of commas and spaces': `Analysts said${', '.repeat(200)}`,
  'according to, repeated in one sentence': 'according to Jane Doe the plan is late and, according to the ministry, ',
  'object, infinitive and that-noun cues, no full stop':
    'the senator denied the charges and urged lawmakers to vote and repeated the claim that the mayor lied and called it a farce and ',
  'unbalanced opening curly quotes': '“the plan is late and ‘the roads ',
  'unbalanced closing curly quotes': 'the plan is late” he said, the roads’ close» ',
  'unclosed quotes after said, one per paragraph': 'Officials said “the plan is late and the roads close\n',
  'paragraphs without marks, then marks': 'the council met and the roads closed\n\n',
  'repeated headline lines without marks, then marks':
    'Storm Closes Roads Across The County As Council Warns Drivers\n',
  // the cleaner blanks repeated (boilerplate) lines to spaces: each paragraph is all blanks
  'blanked lines, then marks': `${' '.repeat(60)}\n`,
};

describe('the quotes pass grows linearly on adversarial input', () => {
  for (const [name, unit] of Object.entries(FAMILIES)) {
    test(name, () => {
      const small = periodicContext(unit, SMALL);
      const large = periodicContext(unit, LARGE);
      if (/without marks, then marks/.test(name)) large.doc = withMarkAtEnd(large.doc);
      const fresh = (size: number): Context => ({ ...(size === SMALL ? small : large) });
      // below 3 ms the noise of a shared machine (GC, other processes) dominates the ratio
      expect(growth(extractQuotes, fresh, { runs: 7, floorMs: 3 })).toBeLessThanOrEqual(GROWTH_LIMIT);
    });
  }
});

/** The same model whose last characters are a quoted word: a mark far from every earlier paragraph. */
function withMarkAtEnd(doc: DocumentModel): DocumentModel {
  const text = `${doc.text.slice(0, -8)}“late” `;
  return { ...doc, text, clean: text };
}
