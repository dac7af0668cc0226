// Page furniture: lines a scraper keeps from the page around the article ("Read more: …",
// "Advertisement", "Photo: Reuters", cookie notices). Each rule is a row {reason, confidence, test};
// the cue words are data (data/lexicons/boilerplate-cues.json), the patterns are built from them.
import { lexicons } from '../lexicons';
import { alternation, normaliseLine } from '../text';
import { wordCount } from './blocks';

const cues = lexicons.boilerplateCues;
const anyOf = alternation;
const normalise = normaliseLine;

const LABEL = new RegExp(`^(?:${anyOf(cues.labels.cues)})(?:\\s*[:|»›>–—-]|\\s*$)`, 'i');
const OPENER = new RegExp(`^(?:${anyOf(cues.openers.cues)})(?![\\p{L}])`, 'iu');
const PHRASE = new RegExp(`(?:${anyOf(cues.phrases.cues)})`, 'i');
const LINES = new Set(cues.lines.cues.map(normalise));
const CREDIT = anyOf(cues.credits.cues);
/** "Photo: Reuters", "Photograph: Tom Jamieson/AFP": a credit line. */
const CREDIT_LINE = new RegExp(`^(?:${CREDIT})\\s*[:/]\\s*\\S`, 'i');
/** "… in Kabul. (AP Photo/Rahmat Gul)", "… Photograph: Jane Doe/Getty Images": a caption ending in its credit. */
// case-sensitive: "the picture: bleak" is prose
const CREDIT_END = new RegExp(`(?:\\((?:${CREDIT})\\b[^()]{0,60}\\)|\\b(?:${CREDIT})\\s*:\\s*[^.:;!?]{1,60})\\s*$`);

/** Lines this long are article text even when they open with a cue word. */
const MAX_WORDS = 30;

export interface FurnitureRule {
  reason: string;
  confidence: number;
  test(line: string): boolean;
}

export const FURNITURE_RULES: FurnitureRule[] = [
  { reason: 'furniture line', confidence: 0.98, test: (l) => LINES.has(normalise(l)) },
  { reason: 'furniture label', confidence: 0.95, test: (l) => LABEL.test(l) && wordCount(l) <= MAX_WORDS },
  { reason: 'call to action', confidence: 0.9, test: (l) => OPENER.test(l) && wordCount(l) <= MAX_WORDS },
  { reason: 'site notice', confidence: 0.85, test: (l) => PHRASE.test(l) && wordCount(l) <= MAX_WORDS },
  { reason: 'photo credit', confidence: 0.9, test: (l) => CREDIT_LINE.test(l) && wordCount(l) <= 12 },
  { reason: 'photo caption', confidence: 0.8, test: (l) => CREDIT_END.test(l) && wordCount(l) <= 60 },
];

const LIST_HEAD = new RegExp(`^(?:${anyOf(cues.listHeads.cues)})(?![\\p{L}])`, 'iu');
/** "Related stories", "More from Politics": a bare label over a list of other stories' headlines. */
export const headsStoryList = (line: string): boolean => LIST_HEAD.test(line) && wordCount(line) <= 4;

/** The first furniture rule a line meets, or null. */
export const furnitureRule = (line: string): FurnitureRule | null => FURNITURE_RULES.find((r) => r.test(line)) ?? null;
