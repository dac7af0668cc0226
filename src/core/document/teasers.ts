// Teaser headlines: other stories' headlines that a scraped page leaves among the article's lines,
// alone or in runs, between sentences, between paragraphs, before a heading, at the end. Every
// headline-shaped line gets one score from signals weighed together (the rows below) and is a
// teaser at or above one threshold. Each line is measured once against counts made once: the
// detector is linear in the length of the page (scripts/bench-boilerplate.mjs).
import type { Block } from '../factsheet';
import {
  END_MATTER,
  GENERIC_HEADINGS,
  isContent,
  isEntry,
  isNumber,
  mayBeHeadline,
  normalise,
  numberKey,
  stem,
  words,
} from './lines';
import { type Body, type Features, features } from './teaser-signals';

export interface Weights {
  /** times the share of the line's content words the body does not use */
  unshared: number;
  /** per name (up to two) the body never mentions: "Morocco", "Kenyan" */
  unknownName: number;
  /** times the evidence of names the body also mentions (0–2) */
  knownName: number;
  /** a number the body never mentions */
  unknownNumber: number;
  /** "X Strikes Y", "markets tumble": a present-tense verb after a subject */
  headlineVerb: number;
  /** the line heads no body text: another headline-shaped line or the end follows */
  headsNothing: number;
  /** the paragraph the line heads opens with one of its words: a heading announces its section */
  echoedBelow: number;
  /** the line heads body text, has no foreign name or number, and the article has two headings of its own or more */
  sectionedArticle: number;
  threshold: number;
}

export const WEIGHTS: Weights = {
  unshared: 2,
  unknownName: 1,
  knownName: 1,
  unknownNumber: 0.5,
  headlineVerb: 0.5,
  headsNothing: 1,
  echoedBelow: 0.5,
  sectionedArticle: 1,
  threshold: 1.5,
};

export interface TeaserVerdict {
  block: number;
  score: number;
  signals: string[];
}

/** The article around a line: how many section headings of its own it has, besides this line. */
interface Around {
  otherHeadings: number;
}
interface SignalRow {
  weight: keyof Weights;
  value(f: Features, a: Around): number;
  says(f: Features, a: Around): string;
}

const SIGNALS: SignalRow[] = [
  { weight: 'unshared', value: (f) => 1 - f.shared, says: (f) => `${Math.round(f.shared * 100)}% shared vocabulary` },
  {
    weight: 'unknownName',
    value: (f) => Math.min(2, f.unknownNames.length),
    says: (f) => `names not in the article: ${f.unknownNames.join(', ')}`,
  },
  {
    weight: 'knownName',
    value: (f) => -f.knownWeight,
    says: (f) => `names in the article: ${f.knownNames.join(', ')}`,
  },
  {
    weight: 'unknownNumber',
    value: (f) => (f.unknownNumbers.length ? 1 : 0),
    says: (f) => `numbers not in the article: ${f.unknownNumbers.join(', ')}`,
  },
  { weight: 'headlineVerb', value: (f) => (f.headlineVerb ? 1 : 0), says: (f) => `headline verb: ${f.headlineVerb}` },
  { weight: 'headsNothing', value: (f) => (f.headsNothing ? 1 : 0), says: () => 'heads no body text' },
  {
    weight: 'echoedBelow',
    value: (f) => (f.echoed.length ? -1 : 0),
    says: (f) => `the paragraph below repeats: ${f.echoed.join(', ')}`,
  },
  {
    weight: 'sectionedArticle',
    value: (f, a) =>
      f.headsNothing || f.unknownNames.length || f.unknownNumbers.length ? 0 : -(a.otherHeadings >= 2 ? 1 : 0),
    says: (_f, a) => `article has ${a.otherHeadings} section heading(s)`,
  },
];

/** A line heading body text that shares most of its words with it: the article's own section heading. */
const isOwnHeading = (f: Features): boolean =>
  !f.headsNothing && f.shared >= 0.6 && !f.unknownNames.length && !f.unknownNumbers.length;

/**
 * Scores every headline-shaped line below the first paragraph and returns those at or above the
 * threshold. `skip` holds block indices already known as boilerplate (furniture, repeats).
 */
export function findTeasers(text: string, blocks: Block[], skip: Set<number>, w: Weights = WEIGHTS): TeaserVerdict[] {
  const lineOf = (i: number) => text.slice(blocks[i].start, blocks[i].end);
  const kept = (i: number) => i < blocks.length && !skip.has(i);
  // The lines above the first paragraph (title, standfirst, dateline, lead caption, contents) are
  // the article's own head: a teaser sits among the body's lines.
  const first = blocks.findIndex((b, i) => (b.type === 'paragraph' || b.type === 'list-item') && kept(i));
  if (first < 0) return [];

  const candidates: number[] = [];
  let inList = false; // lines after one ending in a colon ("The winners were:") are a list, whatever their marks
  blocks.forEach((b, i) => {
    if (!kept(i)) return;
    const listed = inList && b.type === 'heading';
    inList = /:\s*$/.test(lineOf(i)) || listed;
    // A line followed by one opening in lower case is a hard-wrapped fragment of a paragraph.
    const wrapped = i + 1 < blocks.length && /^\s*\p{Ll}/u.test(lineOf(i + 1));
    if (i > first && b.type === 'heading' && !listed && !wrapped && mayBeHeadline(lineOf(i))) candidates.push(i);
  });

  const body: Body = { vocab: new Map(), numbers: new Set() };
  blocks.forEach((b, i) => {
    if (b.type === 'heading' || b.type === 'title' || !kept(i)) return;
    for (const word of words(lineOf(i))) {
      if (isNumber(word)) body.numbers.add(numberKey(word));
      else if (isContent(word)) body.vocab.set(stem(word), (body.vocab.get(stem(word)) ?? 0) + 1);
    }
  });

  const feats = candidates.map((i) => {
    let next = i + 1;
    while (next < blocks.length && skip.has(next)) next++;
    // A line above an entry ("October 1: talks begin") heads a timeline, i.e. body text.
    const headsNothing =
      next >= blocks.length ||
      blocks[next].type === 'title' ||
      (blocks[next].type === 'heading' && !isEntry(lineOf(next)));
    // only the opening words of the paragraph below: a long paragraph would repeat anything by chance
    const below = new Set(headsNothing ? [] : words(lineOf(next)).slice(0, 20).filter(isContent).map(stem));
    return features(lineOf(i), body, headsNothing, below);
  });

  // The article's own structure: strong headings, generic ones ("Background", "What happens next")
  // and one- or two-word ones ("The data") above body text. End matter ("Sources") closes many an
  // unsectioned report: it does not count.
  const headsBody = (i: number) => blocks[i + 1]?.type === 'paragraph' || blocks[i + 1]?.type === 'list-item';
  const structural = blocks.filter((b, i) => {
    if (i <= first || b.type !== 'heading' || !kept(i) || !headsBody(i)) return false;
    const key = normalise(lineOf(i));
    return GENERIC_HEADINGS.has(key) || (words(lineOf(i)).length <= 2 && !END_MATTER.has(key));
  }).length;
  const headings = feats.filter(isOwnHeading).length + structural;

  const out: TeaserVerdict[] = [];
  feats.forEach((f, k) => {
    if (f.personLabel) return;
    const around = { otherHeadings: headings - (isOwnHeading(f) ? 1 : 0) };
    let score = 0;
    const signals: string[] = [];
    for (const row of SIGNALS) {
      const v = row.value(f, around);
      if (v === 0 && row.weight !== 'unshared') continue;
      score += w[row.weight] * v;
      signals.push(row.says(f, around));
    }
    if (score >= w.threshold) out.push({ block: candidates[k], score, signals });
  });
  return out;
}
