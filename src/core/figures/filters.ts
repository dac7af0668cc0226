// Refiner `not-a-figure`: numbers that are something else — dates and durations (the dates pass
// owns them), clock times, model and flight numbers ("Boeing 787", "Flight 447"), ratings
// ("5-star"), phone numbers, list numbering, and bare number words that do not count a noun.
import { overlapIndex, type Refiner } from '../context';
import type { FigureCandidate } from './candidate';

const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'Copula', 'Modal', 'Auxiliary', 'Date', 'Value'];
const MONTH = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/;

/**
 * Numbers the article uses as names: "Boeing 787", "Airbus 380", "Flight 447". Once a number
 * follows a capitalised name anywhere in the text, its bare uses ("the 787", "50 787s") are
 * the same model, not a count.
 */
function modelNumbers(text: string): Set<string> {
  const out = new Set<string>();
  const re = /\b\p{Lu}[\p{L}-]*[\s-]+(\d{3,4})(?:-\d+)?s?\b/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const prev = text.slice(Math.max(0, m.index - 2), m.index);
    if (!/[.!?]\s$/.test(prev) && !/^(?:In|On|By|Since|From|Until|The|About|Over|Some|Nearly|Almost|Around)\b/.test(m[0])) out.add(m[1]);
  }
  return out;
}

/**
 * "their 737 narrowbody airliner", "its 777 airliner", "the first 787 Dreamliner": a bare
 * three- or four-digit number before a singular noun (or a name) identifies one thing; a count
 * of hundreds is followed by a plural.
 */
function namesOneThing(ctx: Parameters<Refiner<FigureCandidate>['refine']>[0], end: number): boolean {
  if (!/^\s+[\p{L}]/u.test(ctx.doc.clean.slice(end, end + 3))) return false; // "to 230.", "290 + seat"
  const toks = ctx.doc.tokensIn(end, end + 80).slice(0, 6);
  if (toks[0] && /^\p{Lu}/u.test(toks[0].text) && !toks[0].tags.has('Date')) return true; // "787 Dreamliner"
  // the head of the noun phrase after the number: its last noun
  let head = null;
  for (const t of toks) {
    if (!(t.tags.has('Adjective') || t.tags.has('Noun') || t.tags.has('Gerund'))) break;
    head = t;
    if (/[,.;:!?()]/.test(t.post)) break;
  }
  return !!head && head.tags.has('Noun') && head.tags.has('Singular') && !head.tags.has('Plural') && !head.tags.has('Uncountable');
}

export const notAFigure: Refiner<FigureCandidate> = {
  name: 'not-a-figure',
  refine(ctx, figures) {
    const text = ctx.doc.clean;
    const models = modelNumbers(text);
    const onADate = overlapIndex(ctx.dates); // O(log n) per figure, not a scan of every date
    return figures.filter((f) => {
      if (onADate(f)) return false;
      // a number glued to letters is a code or a model: "777s", "3D", "150px", "7e7"
      if (/^[\p{L}\d]/u.test(text.slice(f.end, f.end + 1)) && /\d$/.test(f.text)) return false;
      if (f.kind === 'count' && models.has(f.text.replace(/^\D+/, ''))) return false;
      if (f.kind === 'count' && /^\d{3,4}$/.test(f.text) && namesOneThing(ctx, f.end)) return false;
      const after = text.slice(f.end, f.end + 12);
      const before = text.slice(Math.max(0, f.start - 24), f.start);
      // "Hugo Duro, 25, told reporters": an age in an apposition
      if (f.kind === 'count' && /^\d{1,3}$/.test(f.text) && +f.text <= 120 && /\p{Lu}[\p{L}'’-]*,\s*$/u.test(before) && /^\s*,/.test(after)) return false;
      if (/^(?::\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC))/i.test(after)) return false;
      if (/^-(?:star|point|page|member|seat|year-old)\b/i.test(after) && f.kind === 'count') return false;
      if (/^[-/]\d/.test(after) || /\d[-/.]$/.test(before)) return false; // phone numbers, "737-800"
      if (f.kind === 'count' || f.kind === 'quantity') {
        const prevWord = /([\p{L}][\p{L}\d.'’-]*)\s*$/u.exec(before)?.[1] ?? '';
        if (/^\p{Lu}/u.test(prevWord) && !MONTH.test(prevWord) && !/^(?:The|All|Some|About|Around|Nearly|Almost|Over|Up|Only|Just|At|By|From|To|Of|In|On|With|For|And|Than)$/.test(prevWord)) return false;
        if (/^(?:No|Nos|no|number|Number|Section|section|Article|article|Chapter|chapter|Rule|rule|Page|page|Flight|flight|Route|route|Highway|Gate|Room|Level)\.?$/.test(prevWord)) return false;
      }
      const block = ctx.doc.blockOf(f.start);
      if (block && block.start === f.start && /^\d{1,2}[.)]\s/.test(text.slice(f.start, f.start + 4))) return false; // list numbering
      if (f.kind === 'count' && /^\p{L}/u.test(f.text.replace(/^(?:[\p{L}]+\s+)*?(?=\p{L}+$)/u, ''))) {
        // a number word counts only what follows it: "five aircraft", "two of the engines"
        const next = ctx.doc.tokenAt(f.end + 1);
        if (!next || /[,.;:!?]/.test(text.slice(f.end, next.start))) return false;
        // compromise sometimes tags the counted noun as a verb ("Five engineers were…"): reject only function words
        if (next.normal !== 'of' && !/^(?:more|new|other|additional|extra|further)$/.test(next.normal) && FUNCTION_TAGS.some((g) => next.tags.has(g))) return false;
      }
      return true;
    });
  },
};

export const ordinalOverlap: Refiner<FigureCandidate> = {
  name: 'ordinal-overlap',
  refine(_ctx, figures) {
    const onAnother = overlapIndex(figures.filter((g) => g.kind !== 'ordinal'));
    return figures.filter((f) => f.kind !== 'ordinal' || !onAnother(f));
  },
};
