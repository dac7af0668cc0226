// Teaser headlines: other stories' headlines that a scraped page leaves among the article's lines.
// Every headline-shaped line gets a score from signals weighed together — how much of its
// vocabulary recurs in the body, whether its names occur anywhere else, numbers the body never
// mentions, a headline verb, whether it heads body text — and the line is a teaser above one
// threshold. Everything is counted once per line: linear in the length of the page.
import nlp from 'compromise';
import type { Block } from '../factsheet';
import { gazetteer, lexicons } from '../lexicons';

type Lexicon = Record<string, string | string[]>;
const LEXICON = (nlp as unknown as { model(): { one: { lexicon: Lexicon } } }).model().one.lexicon;
const tagsOf = (w: string): string[] => { const v = LEXICON[w]; return v ? String(v).split(',') : []; };
const NAME_TAGS = new Set(['Country', 'City', 'Region', 'Place', 'Demonym', 'Person', 'FirstName', 'MaleName',
  'FemaleName', 'LastName', 'Organization', 'SportsTeam', 'Company', 'ProperNoun']);
const PERSON_TAGS = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName']);

const normalise = (s: string): string => s.toLowerCase().replace(/[’]/g, "'").replace(/[\s.:!…]+$/, '').trim();
const GENERIC_HEADINGS = new Set(lexicons.boilerplateCues.headings.cues.map(normalise));
const END_MATTER = new Set(lexicons.boilerplateCues.endMatter.cues.map(normalise));
const BYLINE = new RegExp(`^(?:${lexicons.boilerplateCues.bylines.cues.join('|')})\\s+\\p{Lu}`, 'u');
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const MONTHS = new RegExp(`^${MONTH}$|^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$`, 'i');

const FULL_DATE = new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b|\\b\\d{1,2}\\s+${MONTH}\\.?,?\\s+\\d{4}\\b`);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,&$%-]*/gu;
const words = (s: string): string[] => (s.match(WORD) ?? []).map((w) => w.replace(/[.,'’-]+$/, ''));
/** A crude stem: "recognition" ~ "recognize", "Russia's" ~ "Russian". */
const stem = (w: string): string => w.toLowerCase().replace(/['’]s$/, '').slice(0, 5);
const isContent = (w: string): boolean => /\p{L}/u.test(w) && w.length > 2 && !lexicons.stopwords.has(w.toLowerCase());
const isNumber = (w: string): boolean => /\d/.test(w);
const numberKey = (w: string): string => w.replace(/[^\d.]/g, '').replace(/\.$/, '');

/** A line of a date and nothing else ("March 01, 2008", "Tuesday, September 1, 2015"): a dateline. */
export const isDateline = (line: string): boolean => {
  const ws = words(line);
  return ws.length > 0 && ws.length <= 8 && ws.every((w) => isNumber(w) || MONTHS.test(w) || /^(?:at|on|the|of|updated|published|am|pm|gmt|utc|[ap]\.m)$/i.test(w));
};

export interface Weights {
  /** times the share of the line's content words the body never uses */
  unshared: number;
  /** per name (up to two) the body never mentions: "Morocco", "Kenyan" */
  unknownName: number;
  /** per name (up to two) the body also mentions */
  knownName: number;
  /** a number the body never mentions */
  unknownNumber: number;
  /** "X Strikes Y": a third-person present verb inside a title-case line */
  headlineVerb: number;
  /** the line heads no body text: another headline-shaped line or the end follows */
  headsNothing: number;
  /** the paragraph the line heads uses one of its words: a section heading announces its section */
  echoedBelow: number;
  /** the line heads body text, has no foreign name or number, and the article has headings of its own */
  sectionedArticle: number;
  threshold: number;
}

export const WEIGHTS: Weights = {
  unshared: 2, unknownName: 1, knownName: 1, unknownNumber: 0.5, headlineVerb: 0.5, headsNothing: 1,
  echoedBelow: 0.5, sectionedArticle: 1, threshold: 1.5,
};

export interface TeaserVerdict { block: number; score: number; signals: string[] }

interface Features {
  shared: number; sharedAtAll: number; echoed: string[]; unknownNames: string[]; knownNames: string[]; knownWeight: number; unknownNumbers: string[]; headlineVerb: string | null;
  headsNothing: boolean; personLabel: boolean;
}

/**
 * Scores every headline-shaped line (blocks of type 'heading' after the title) and returns those
 * above the threshold. `skip` holds block indices already known as boilerplate (furniture, repeats).
 */
export function findTeasers(text: string, blocks: Block[], skip: Set<number>, w: Weights = WEIGHTS): TeaserVerdict[] {
  const lineOf = (b: Block) => text.slice(b.start, b.end);
  // The lines above the first paragraph (title, standfirst, dateline, lead caption, contents) are
  // the article's own head: a teaser sits among the body's lines.
  const firstParagraph = blocks.findIndex((b, i) => (b.type === 'paragraph' || b.type === 'list-item') && !skip.has(i));
  // Lines after one ending in a colon ("The winners were:") are a list, whatever their marks.
  let inList = false;
  const candidate = blocks.map((b, i) => {
    if (skip.has(i)) return false;
    const line = lineOf(b);
    const listed = inList && b.type === 'heading';
    inList = /:\s*$/.test(line) || listed;
    // A line whose next line opens in lower case is a hard-wrapped fragment of a paragraph.
    const wrapped = /^\s*\p{Ll}/u.test(blocks[i + 1] ? lineOf(blocks[i + 1]) : '');
    return !listed && !wrapped && i > firstParagraph && firstParagraph >= 0 && b.type === 'heading' && isCandidate(line);
  });

  // The body's vocabulary and numbers: every line that is not headline-shaped.
  const vocab = new Map<string, number>();
  const numbers = new Set<string>();
  blocks.forEach((b, i) => {
    if (b.type === 'heading' || b.type === 'title' || skip.has(i)) return;
    for (const word of words(lineOf(b))) {
      if (isNumber(word)) numbers.add(numberKey(word));
      else if (isContent(word)) vocab.set(stem(word), (vocab.get(stem(word)) ?? 0) + 1);
    }
  });

  const feats = new Map<number, Features>();
  blocks.forEach((b, i) => {
    if (!candidate[i]) return;
    let next = i + 1;
    while (next < blocks.length && skip.has(next)) next++;
    // A line above an entry ("October 1: talks begin") heads a timeline, i.e. body text.
    const headsNothing = next >= blocks.length || blocks[next].type === 'title'
      || (blocks[next].type === 'heading' && !isEntry(lineOf(blocks[next])));
    // the opening words of the paragraph it heads (a long paragraph would match anything by chance)
    const below = headsNothing ? new Set<string>() : new Set(words(lineOf(blocks[next])).slice(0, 20).filter(isContent).map(stem));
    feats.set(i, features(lineOf(b), vocab, numbers, headsNothing, below));
  });
  // An article with headings of its own: lines heading body text that share most of their words
  // with it, generic ones ("Background", "What happens next") and one- or two-word ones ("The data").
  // End matter ("Sources") closes many an unsectioned report: it does not count.
  const isHeading = (f: Features) => !f.headsNothing && f.shared >= 0.6 && !f.unknownNames.length && !f.unknownNumbers.length;
  const headsBody = (i: number) => blocks[i + 1]?.type === 'paragraph' || blocks[i + 1]?.type === 'list-item';
  const structural = blocks.filter((b, i) => i > firstParagraph && b.type === 'heading' && !skip.has(i) && headsBody(i)
    && (GENERIC_HEADINGS.has(normalise(lineOf(b))) || (words(lineOf(b)).length <= 2 && !END_MATTER.has(normalise(lineOf(b)))))).length;
  const headings = [...feats.values()].filter(isHeading).length + structural;

  const out: TeaserVerdict[] = [];
  for (const [i, f] of feats) {
    if (f.personLabel) continue; // "Michael Tien of NPP": a caption naming a person, not a headline
    const signals: string[] = [];
    let score = w.unshared * (1 - f.shared);
    signals.push(`${Math.round(f.shared * 100)}% shared vocabulary`);
    const add = (weight: number, count: number, what: string) => { if (count) { score += weight * Math.min(count, 2); signals.push(what); } };
    add(w.unknownName, f.unknownNames.length, `names not in the article: ${f.unknownNames.join(', ')}`);
    if (f.knownWeight) { score -= w.knownName * f.knownWeight; signals.push(`names in the article: ${f.knownNames.join(', ')}`); }
    if (f.unknownNumbers.length) { score += w.unknownNumber; signals.push(`numbers not in the article: ${f.unknownNumbers.join(', ')}`); }
    if (f.headlineVerb) { score += w.headlineVerb; signals.push(`headline verb: ${f.headlineVerb}`); }
    if (f.headsNothing) { score += w.headsNothing; signals.push('heads no body text'); }
    if (f.echoed.length) { score -= w.echoedBelow; signals.push(`the paragraph below repeats: ${f.echoed.join(', ')}`); }
    const otherHeadings = headings - (isHeading(f) ? 1 : 0);
    if (otherHeadings && !f.headsNothing && !f.unknownNames.length && !f.unknownNumbers.length) {
      score -= w.sectionedArticle * Math.min(otherHeadings, 2) / 2; signals.push(`article has ${otherHeadings} section heading(s)`);
    }
    if (score >= w.threshold) out.push({ block: i, score, signals });
  }
  return out.sort((a, b) => a.block - b.block);
}

/**
 * Lines that are never teasers: too short, datelines, bylines, generic section headings, and
 * shapes a headline does not take — speech broken off ("girls --"), a parenthesis, two sentences
 * ("Austen, Jane. Pride and Prejudice"), a full date ("— CBC, August 15, 2008": a citation).
 */
/** An entry of a timeline or a table: "October 14: the Greens walk out", "2019 – founded", "Adams: 30". */
const DATE_LED = new RegExp(`^\\s*(?:${MONTH}\\.?\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH}\\.?|${MONTH}\\.?|(?:1[89]|20)\\d\\d)(?:,?\\s+\\d{4})?\\s*[:–—-]\\s`);
const isEntry = (line: string): boolean => DATE_LED.test(line) || /:\s*[\d.,/%–-]+\s*$/.test(line);

function isCandidate(line: string): boolean {
  const ws = words(line);
  if (ws.length < 3) return false;
  if (!/^\s*["“‘']?[\p{Lu}\p{N}]/u.test(line)) return false; // a headline opens with a capital; a verse line may not
  if (isDateline(line) || BYLINE.test(line)) return false;
  if (/(?:--|[—–-]|[,;(])\s*$|^\s*[(\[]|;/.test(line)) return false;
  if (isEntry(line)) return false; // "Dean Moss, defender: 6", "October 14: the Greens walk out"
  if (/\p{L}\p{Ll}{3,}\.\s+\S/u.test(line) || FULL_DATE.test(line)) return false;
  return !GENERIC_HEADINGS.has(normalise(line)) && !END_MATTER.has(normalise(line));
}

/**
 * How much a word the body uses counts as shared: a word the body uses once may be chance
 * ("record", "court" in a long article); the words of a section heading are the body's topic.
 */
function creditFor(vocabSize: number): (count: number) => number {
  // The larger the body's vocabulary, the likelier a chance match: one use counts 1 in a short
  // article (≤ 150 distinct words), 0.5 in a long one (≥ 450); two uses halfway; three or more 1.
  const once = 1 - 0.5 * Math.min(1, Math.max(0, (vocabSize - 150) / 300));
  return (count) => (count <= 0 ? 0 : count === 1 ? once : count === 2 ? (once + 1) / 2 : 1);
}

function features(line: string, vocab: Map<string, number>, numbers: Set<string>, headsNothing: boolean, below: Set<string>): Features {
  const ws = words(line);
  const content = ws.filter(isContent);
  const lettered = content.filter((x) => /^\p{L}/u.test(x));
  const titleCase = lettered.length > 0 && lettered.every((x) => /^\p{Lu}/u.test(x));
  // Names, as phrases: adjacent name words ("Plains of Arafat", "New Zealand") count once.
  const names: string[] = [];
  const phrases: string[][] = [];
  let persons = 0, open = false;
  ws.forEach((x, idx) => {
    const bare = x.replace(/['’]s$/, '');
    const tags = tagsOf(bare.toLowerCase());
    const isName = isContent(x) && !MONTHS.test(bare) && /^\p{Lu}/u.test(bare) && (/^\p{Lu}{2,}$/u.test(bare) || gazetteer.has(bare)
      || tags.some((t) => NAME_TAGS.has(t)) || (!titleCase && idx > 0));
    if (!isName) { if (!/^(?:of|de|the|al|von|van)$/i.test(x)) open = false; return; }
    names.push(bare);
    if (open) phrases[phrases.length - 1].push(bare); else phrases.push([bare]);
    open = true;
    if (tags.some((t) => PERSON_TAGS.has(t))) persons++;
  });
  const stems = [...new Set(content.map(stem))];
  const credit = creditFor(vocab.size);
  const shared = stems.length ? stems.reduce((sum, s) => sum + credit(vocab.get(s) ?? 0), 0) / stems.length : 1;
  const sharedAtAll = stems.length ? stems.filter((s) => vocab.has(s)).length / stems.length : 1;
  // A phrase is known when any of its words occurs in the body.
  const knownPhrases = phrases.filter((p) => p.some((n) => vocab.has(stem(n))));
  const known = knownPhrases.map((p) => p.join(' '));
  // A name the body uses once in a long article ("Europe") is weaker evidence than its protagonist.
  const knownWeight = Math.min(2, knownPhrases.reduce((sum, p) => sum + Math.max(...p.map((n) => credit(vocab.get(stem(n)) ?? 0))), 0));
  const unknown = phrases.filter((p) => !p.some((n) => vocab.has(stem(n)))).map((p) => p.join(' '));
  const unknownNumbers = ws.filter(isNumber).filter((n) => numberKey(n) && !numbers.has(numberKey(n)));
  // "X unveils Y", "Markets tumble as …": a present-tense verb after a subject, with an object after it.
  const headlineVerb = ws.find((x, k) => {
    if (k === 0 || k > ws.length - 2 || lexicons.stopwords.has(ws[k - 1].toLowerCase())) return false;
    const tags = tagsOf(x.toLowerCase());
    return (tags.includes('PresentTense') && /s$/.test(x)) || (tags.includes('Infinitive') && /\p{L}{3}s$/u.test(ws[k - 1]) && !/ss$/.test(ws[k - 1]));
  }) ?? null;
  // Only names and function words, one of them a person's first name: a photo caption, not a headline.
  const personLabel = persons > 0 && content.every((x) => names.includes(x.replace(/['’]s$/, '')) || !tagsOf(x.toLowerCase()).length);
  const echoed = stems.filter((x) => below.has(x));
  return { shared, sharedAtAll, echoed, unknownNames: unknown, knownNames: known, knownWeight, unknownNumbers, headlineVerb, headsNothing, personLabel };
}
