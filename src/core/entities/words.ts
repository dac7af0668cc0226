// Word tables for the entity rules, derived from data/lexicons.
import { gazetteer, lexicons } from '../lexicons';
import { escapeRegExp as esc } from '../text';

const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));

export const ORG_HEADS = lower(lexicons.organizations.heads);
export const PLACE_HEADS = lower(lexicons.organizations.placeHeads);
export const EVENT_HEADS = lower(lexicons.organizations.otherHeads);
export const OF_HEADS = lower(lexicons.organizations.ofHeads);
export const HONORIFICS = lower(lexicons.titles.honorifics.map((h) => h.replace(/\.$/, '')));
export const TITLE_MODIFIERS = lower(lexicons.titles.modifiers);
/** Titles as token sequences, longest first, lower case. */
export const TITLES: string[][] = lexicons.titles.heads
  .map((h) => h.toLowerCase().replace(/\./g, '').split(/\s+/))
  .sort((a, b) => b.length - a.length);
/** Words inside a name that are not capitalised: "Bank of America", "Osama bin Laden". */
export const CONNECTORS = new Set(['of', 'de', 'del', 'della', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'da', 'dos', 'das', '&', 'y']);
/** Capitalised words that begin sentences and never begin names. */
export const NEVER_NAMES = new Set(['i', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'you', 'his', 'her', 'their', 'our', 'its', 'my', 'mr', 'but', 'and', 'or', 'if', 'when', 'while', 'though', 'although', 'despite', 'since', 'after', 'before', 'now', 'then', 'there', 'here', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'so', 'yet', 'also', 'however', 'meanwhile', 'today', 'yesterday', 'tomorrow', 'according', 'some', 'many', 'most', 'all', 'both', 'each', 'every', 'other', 'another', 'such', 'what', 'which', 'who', 'whose', 'how', 'why', 'where', 'not', 'no', 'yes', 'under', 'over', 'about', 'between', 'during', 'until', 'without', 'within', 'among', 'unlike', 'like', 'once', 'only', 'even', 'still', 'just', 'later', 'earlier', 'last', 'next', 'first', 'second', 'third', 'one', 'two', 'three', 'several', 'few', 'more', 'less', 'instead', 'because', 'unless', 'whether', 'either', 'neither', 'nor', 'following', 'including', 'regarding', 'sources', 'officials', 'analysts', 'experts', 'we', 'us', 'utc', 'gmt', 'est', 'edt', 'pst', 'pdt', 'cet', 'cest', 'bst', 'am', 'pm']);

export function stripPossessive(s: string): string {
  return s.replace(/(?:['’]s|s['’]|['’])$/u, (m) => (m.length === 2 && /^s/.test(m) ? 's' : ''));
}

export const knownName = (surface: string) => gazetteer.get(surface) ?? gazetteer.get(surface.replace(/^the\s+/i, ''));

/** ", the German chancellor," / ", a spokesman for …": an apposition that says its head is a person. */
export const TITLE_APPOSITION = new RegExp(`^,\\s+(?:(?:the|a|an|its|their)\\s+)?(?:[\\p{L}'’-]+\\s+){0,3}?(?:${TITLES.map((t) => t.map(esc).join('\\s+')).join('|')})\\b`, 'iu');

const TITLE_KEYS = new Set(TITLES.map((t) => t.join(' ')));
/** A lower-case title ending right before `at`: "defence analyst ", "senior vice president ". */
export function lowerTitleBefore(text: string, at: number): { text: string; start: number } | null {
  const m = /((?:[a-z][a-z-]*\s+){1,4})$/.exec(text.slice(Math.max(0, at - 60), at));
  if (!m) return null;
  const ws = m[1].trim().split(/\s+/);
  for (let k = 0; k < ws.length; k++) {
    const cand = ws.slice(k).join(' ');
    if (TITLE_KEYS.has(cand)) return { text: cand, start: at - (m[1].length - m[1].lastIndexOf(cand)) };
  }
  return null;
}
