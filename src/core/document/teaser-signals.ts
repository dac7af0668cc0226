// What the teaser score weighs, measured on one line against the article body: shared
// vocabulary, names and numbers the body does or does not use, a headline verb, what the line heads.
import nlp from 'compromise';
import { gazetteer, lexicons } from '../lexicons';
import { isContent, isNumber, MONTHS, numberKey, stem, words } from './lines';

type Lexicon = Record<string, string | string[]>;
const LEXICON = (nlp as unknown as { model(): { one: { lexicon: Lexicon } } }).model().one.lexicon;
const tagsOf = (w: string): string[] => {
  const v = LEXICON[w];
  return v ? String(v).split(',') : [];
};
// compromise's tags that mark a word as (part of) a name, and the small words that join one name's parts
const NAME_TAGS = new Set(lexicons.boilerplateCues.nameTags.cues);
const PERSON_TAGS = new Set(lexicons.boilerplateCues.personTags.cues);
const NAME_LINKS = new Set(lexicons.boilerplateCues.nameLinks.cues);

/** The article body, counted once: stem → uses, and the numbers it mentions. */
export interface Body {
  vocab: Map<string, number>;
  numbers: Set<string>;
}

export interface Features {
  /** share of the line's content words the body uses, weighted by how often (see creditFor) */
  shared: number;
  unknownNames: string[];
  knownNames: string[];
  /** the known names' evidence, 0–2: a protagonist counts 1, a name used once in a long article less */
  knownWeight: number;
  unknownNumbers: string[];
  headlineVerb: string | null;
  /** another headline-shaped line or the end follows */
  headsNothing: boolean;
  /** the line's words that the opening of the paragraph below repeats */
  echoed: string[];
  /** only names and function words, one a person's first name: "Nora Vail of PRP", a caption */
  personLabel: boolean;
}

/**
 * How much a word the body uses counts as shared. The larger the body's vocabulary, the likelier
 * a chance match ("record", "court" in a long article): one use counts 1 in a short article
 * (≤ 150 distinct words), 0.5 in a long one (≥ 450); two uses halfway; three or more 1.
 */
function creditFor(vocabSize: number): (count: number) => number {
  const once = 1 - 0.5 * Math.min(1, Math.max(0, (vocabSize - 150) / 300));
  return (count) => (count <= 0 ? 0 : count === 1 ? once : count === 2 ? (once + 1) / 2 : 1);
}

/** Names as phrases: adjacent name words ("Vale of Ardmor", "New Zealand") count once. */
function namePhrases(ws: string[], titleCase: boolean): { phrases: string[][]; names: Set<string>; persons: number } {
  const phrases: string[][] = [];
  const names = new Set<string>();
  let persons = 0,
    open = false;
  ws.forEach((x, k) => {
    const bare = x.replace(/['’]s$/, '');
    const tags = tagsOf(bare.toLowerCase());
    // In a title-case line every word is capitalised: only the lexicons say which are names.
    const isName =
      isContent(x) &&
      !MONTHS.test(bare) &&
      /^\p{Lu}/u.test(bare) &&
      (/^\p{Lu}{2,}$/u.test(bare) ||
        gazetteer.has(bare) ||
        tags.some((t) => NAME_TAGS.has(t)) ||
        (!titleCase && k > 0));
    if (!isName) {
      if (!NAME_LINKS.has(x.toLowerCase())) open = false;
      return;
    }
    names.add(bare);
    if (open) phrases[phrases.length - 1].push(bare);
    else phrases.push([bare]);
    open = true;
    if (tags.some((t) => PERSON_TAGS.has(t))) persons++;
  });
  return { phrases, names, persons };
}

/** "X unveils Y", "Markets tumble as …": a present-tense verb after a subject, with words after it. */
function headlineVerb(ws: string[]): string | null {
  return (
    ws.find((x, k) => {
      if (k === 0 || k > ws.length - 2 || lexicons.stopwords.has(ws[k - 1].toLowerCase())) return false;
      const tags = tagsOf(x.toLowerCase());
      const pluralSubject = /\p{L}{3}s$/u.test(ws[k - 1]) && !/ss$/.test(ws[k - 1]);
      return (tags.includes('PresentTense') && /s$/.test(x)) || (tags.includes('Infinitive') && pluralSubject);
    }) ?? null
  );
}

export function features(line: string, body: Body, headsNothing: boolean, below: Set<string>): Features {
  const ws = words(line);
  const content = ws.filter(isContent);
  const lettered = content.filter((x) => /^\p{L}/u.test(x));
  const titleCase = lettered.length > 0 && lettered.every((x) => /^\p{Lu}/u.test(x));
  const { phrases, names, persons } = namePhrases(ws, titleCase);
  const uses = (w: string) => body.vocab.get(stem(w)) ?? 0;
  const credit = creditFor(body.vocab.size);

  const stems = [...new Set(content.map(stem))];
  const shared = stems.length ? stems.reduce((sum, s) => sum + credit(body.vocab.get(s) ?? 0), 0) / stems.length : 1;
  const known = phrases.filter((p) => p.some((n) => uses(n) > 0));
  const unknown = phrases.filter((p) => !p.some((n) => uses(n) > 0));
  return {
    shared,
    unknownNames: unknown.map((p) => p.join(' ')),
    knownNames: known.map((p) => p.join(' ')),
    knownWeight: Math.min(
      2,
      known.reduce((sum, p) => sum + Math.max(...p.map((n) => credit(uses(n)))), 0),
    ),
    unknownNumbers: ws.filter(isNumber).filter((n) => numberKey(n) && !body.numbers.has(numberKey(n))),
    headlineVerb: headlineVerb(ws),
    headsNothing,
    echoed: stems.filter((x) => below.has(x)),
    personLabel:
      persons > 0 && content.every((x) => names.has(x.replace(/['’]s$/, '')) || !tagsOf(x.toLowerCase()).length),
  };
}
