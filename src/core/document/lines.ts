// Words and shapes of single lines, for the boilerplate detector: which lines could be a headline
// at all (datelines, bylines, timeline entries, citations and verse never are).
import { lexicons } from '../lexicons';
import { alternation, normaliseLine } from '../text';

const cues = lexicons.boilerplateCues;
export const normalise = normaliseLine;
export const GENERIC_HEADINGS = new Set(cues.headings.cues.map(normalise));
export const END_MATTER = new Set(cues.endMatter.cues.map(normalise));
const BYLINE = new RegExp(`^(?:${alternation(cues.bylines.cues)})\\s+\\p{Lu}`, 'u');

// month names from the dates lexicon, each also as its three-letter abbreviation ("Jan", "Sept" too)
const MONTH_NAMES = Object.keys(lexicons.dates.months).map((m) => m[0].toUpperCase() + m.slice(1));
const MONTH = `(?:${[...MONTH_NAMES, ...MONTH_NAMES.map((m) => m.slice(0, 3)), 'Sept'].sort((a, b) => b.length - a.length).join('|')})`;
export const MONTHS = new RegExp(`^${MONTH}$|^(?:${Object.keys(lexicons.dates.weekdays).join('|')})$`, 'i');
/** "August 15, 2008", "15 Aug 2008": a citation carries one, a headline does not. */
const FULL_DATE = new RegExp(
  `\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b|\\b\\d{1,2}\\s+${MONTH}\\.?,?\\s+\\d{4}\\b`,
);
/** "October 14: …", "2019 – …": a line led by a date and a separator. */
const DATE_LED = new RegExp(
  `^\\s*(?:${MONTH}\\.?\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH}\\.?|${MONTH}\\.?|(?:1[89]|20)\\d\\d)(?:,?\\s+\\d{4})?\\s*[:–—-]\\s`,
);
const DATELINE_WORD = /^(?:at|on|the|of|updated|published|am|pm|gmt|utc|[ap]\.m)$/i;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,&$%-]*/gu;
export const words = (s: string): string[] => (s.match(WORD) ?? []).map((w) => w.replace(/[.,'’-]+$/, ''));
/** A crude stem: "recognition" ~ "recognize", "Russia's" ~ "Russian". */
export const stem = (w: string): string =>
  w
    .toLowerCase()
    .replace(/['’]s$/, '')
    .slice(0, 5);
export const isContent = (w: string): boolean =>
  /\p{L}/u.test(w) && w.length > 2 && !lexicons.stopwords.has(w.toLowerCase());
export const isNumber = (w: string): boolean => /\d/.test(w);
export const numberKey = (w: string): string => w.replace(/[^\d.]/g, '').replace(/\.$/, '');

/** A line of a date and nothing else ("April 02, 2011", "Thursday, March 5, 2020"): a dateline. */
export function isDateline(line: string): boolean {
  const ws = words(line);
  return ws.length > 0 && ws.length <= 8 && ws.every((w) => isNumber(w) || MONTHS.test(w) || DATELINE_WORD.test(w));
}

/** An entry of a timeline or a table: "October 14: the Greens walk out", "2019 – founded", "Adams: 30". */
export const isEntry = (line: string): boolean => DATE_LED.test(line) || /:\s*[\d.,/%–-]+\s*$/.test(line);

/**
 * Could this headline-shaped line be another story's headline? Not when it is too short, a
 * dateline, a byline, an entry, a generic section heading or end matter, or takes a shape a
 * headline does not: a lower-case opening (verse), speech broken off ("girls --"), a parenthesis,
 * two sentences ("Austen, Jane. Pride and Prejudice"), a full date ("— CBC, August 15, 2008").
 */
export function mayBeHeadline(line: string): boolean {
  if (words(line).length < 3) return false;
  if (!/^\s*["“‘']?[\p{Lu}\p{N}]/u.test(line)) return false;
  if (isDateline(line) || BYLINE.test(line) || isEntry(line)) return false;
  if (/(?:--|[—–-]|[,;(])\s*$|^\s*[(\[]|;/.test(line)) return false;
  if (/\p{L}\p{Ll}{3,}\.\s+\S/u.test(line) || FULL_DATE.test(line)) return false;
  return !GENERIC_HEADINGS.has(normalise(line)) && !END_MATTER.has(normalise(line));
}
