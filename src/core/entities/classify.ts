// Decides the type of a proper-name span from lexicons, head words and compromise's tags.
import type { Token } from '../document/tokens';
import type { EntityType } from '../factsheet';
import { knownName, OF_HEADS, ORG_HEADS } from './words';

export interface Classification { type: EntityType | null; canonical?: string; reason: string }

const hasTag = (ts: Token[], tag: string) => ts.some((t) => t.tags.has(tag));
const isAcronym = (s: string) => /^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$/.test(s);

export function classify(tokens: Token[], text: string): Classification {
  const known = knownName(text);
  if (known) return { type: known.type, canonical: known.name, reason: 'lexicon' };
  const words = text.split(/\s+/);
  const last = words[words.length - 1].replace(/\.$/, '').toLowerCase();
  if (words.length > 1 && (ORG_HEADS.has(last) || ORG_HEADS.has(last + '.'))) return { type: 'organization', reason: 'org-head' };
  if (words.length > 2 && OF_HEADS.has(words[0].toLowerCase()) && words[1] === 'of') return { type: 'organization', reason: 'of-head' };
  if (words.length > 1 && knownName(words[0])?.type === 'place' && !knownName(words[words.length - 1])) {
    // "Qatar Airways", "Air France" style: a place name inside a longer unknown name
    return { type: 'organization', reason: 'place-inside-name' };
  }
  if (hasTag(tokens, 'Organization')) return { type: 'organization', reason: 'compromise' };
  if (tokens.every((t) => t.tags.has('Place'))) return { type: 'place', reason: 'compromise' };
  if (hasTag(tokens, 'Person') || hasTag(tokens, 'FirstName') || hasTag(tokens, 'LastName') || hasTag(tokens, 'MaleName') || hasTag(tokens, 'FemaleName')) {
    return { type: 'person', reason: 'compromise' };
  }
  if (hasTag(tokens, 'Place')) return { type: 'place', reason: 'compromise' };
  if (isAcronym(text)) return { type: 'organization', reason: 'acronym' };
  if (hasTag(tokens, 'Demonym')) return { type: 'group', reason: 'compromise' };
  return { type: null, reason: 'unknown' };
}
