// Pairs quotation marks into quoted spans. Typographic pairs by type (“ ” ‘ ’ « » „), straight
// quotes by position; apostrophes inside or at the end of words (don’t, Jones’, ’90s) are not
// marks; an orphan mark is skipped; a quote that opens a paragraph and is never closed runs to
// the paragraph's end, and a next paragraph opening with a mark continues it; one that opens
// after a speech verb (X said “…) and is never closed ends with its sentence.

export interface QuotedSpan {
  /** the words inside the marks, without a comma or full stop right before the closing mark */
  start: number;
  end: number;
  /** the marks themselves */
  open: number;
  close: number;
  /** closed by the end of a paragraph rather than by a mark */
  unclosed: boolean;
  /** continues the unclosed quote of the previous paragraph */
  continues: boolean;
}

type Family = 'double' | 'single' | 'guillemet';
interface Open {
  at: number;
  family: Family;
  len: number;
}

const isLetter = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /[\s([{—–-]/.test(c);

function classify(text: string, i: number): { family: Family; role: 'open' | 'close' | 'either' } | null {
  const c = text[i],
    prev = text[i - 1],
    next = text[i + 1];
  switch (c) {
    case '“':
    case '„':
      return { family: 'double', role: 'open' };
    case '”':
      return { family: 'double', role: 'close' };
    case '«':
      return { family: 'guillemet', role: 'open' };
    case '»':
      return { family: 'guillemet', role: 'close' };
    case '"':
      return {
        family: 'double',
        role: isSpace(prev) ? 'open' : isSpace(next) || /[.,;:!?]/.test(next ?? ' ') ? 'close' : 'either',
      };
    case '‘':
    case "'":
    case '’':
      if (isLetter(prev) && isLetter(next)) return null; // don’t, O’Leary
      if ((c === '’' || c === "'") && /\d/.test(next ?? '') && isSpace(prev)) return null; // ’90s
      if (c === '‘' || (isSpace(prev) && isLetter(next))) return { family: 'single', role: 'open' };
      if (!isSpace(prev) && !isLetter(next)) return { family: 'single', role: 'close' };
      return null;
    default:
      return null;
  }
}

const MARK = /[“”„«»"‘’']/g;

/**
 * The marks still open in a paragraph, innermost last, with one stack per family beside it so that
 * finding a family's innermost open mark, popping and asking "is a double mark open?" cost O(1)
 * (amortised) however many marks stay unclosed.
 */
class OpenMarks {
  private all: Open[] = [];
  private byFamily: Record<Family, Open[]> = { double: [], single: [], guillemet: [] };
  top(f: Family): Open | undefined {
    const st = this.byFamily[f];
    return st[st.length - 1];
  }
  push(o: Open): void {
    this.all.push(o);
    this.byFamily[o.family].push(o);
  }
  /** pops `o` and every mark opened after it (unclosed inner marks are dropped) */
  popTo(o: Open): void {
    for (let x = this.all.pop(); x; x = this.all.pop()) {
      this.byFamily[x.family].pop();
      if (x === o) return;
    }
  }
  has(f: Family): boolean {
    return this.byFamily[f].length > 0;
  }
  /** the outermost open mark that is not a single quote */
  outermostNonSingle(): Open | undefined {
    const d = this.byFamily.double[0],
      g = this.byFamily.guillemet[0];
    return d && g ? (d.at < g.at ? d : g) : (d ?? g);
  }
}

const SAID_BEFORE = /\b(?:said|says|stated|added|told \w+|declared|commented|wrote)\s*[:,]?\s*$/i;

export function findQuotedSpans(text: string): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let carried = false; // the previous paragraph ended inside a quote
  const finish = (o: Open, closeAt: number, unclosed: boolean, closeLen = 1) => {
    let s = o.at + o.len,
      e = closeAt;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /[\s,.]/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, open: o.at, close: closeAt + closeLen - 1, unclosed, continues: false });
  };
  // process paragraph by paragraph so nothing runs across a line break; one scan of the marks
  // over the whole text, so a paragraph without marks costs nothing
  const marks: number[] = [];
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) marks.push(m.index);
  let k = 0;
  const para = /[^\n]+/g;
  for (let p = para.exec(text); p; p = para.exec(text)) {
    const stack = new OpenMarks();
    const pStart = p.index,
      pEnd = p.index + p[0].length;
    const first = firstMarkIn(text, pStart, pEnd);
    const prevCarried = carried;
    carried = false;
    while (k < marks.length && marks[k] < pStart) k++;
    for (; k < marks.length && marks[k] < pEnd; k++) {
      const at = marks[k];
      // two apostrophes are one double mark in some archives (''…'')
      const doubled = text[at] === "'" && text[at + 1] === "'";
      const c = doubled ? classifyDoubled(text, at) : classify(text, at);
      if (doubled) k++;
      if (!c) continue;
      const top = stack.top(c.family);
      if (c.role === 'close' || (c.role === 'either' && top)) {
        if (!top) {
          // 'said," Words' — a straight mark glued to the cue's comma opens the quotation
          if (text[at] === '"' && SAID_BEFORE.test(text.slice(Math.max(0, at - 30), at)))
            stack.push({ at, family: 'double', len: 1 });
          continue; // else an orphan closing mark: an apostrophe (Jones’) or noise
        }
        stack.popTo(top);
        if (stack.has('double') && c.family === 'single') continue; // nested quote: part of the outer one
        const n = out.length;
        finish(top, at, false, doubled ? 2 : 1);
        if (out.length > n && prevCarried && top.at === first) out[n].continues = true;
      } else {
        stack.push({ at, family: c.family, len: doubled ? 2 : 1 });
      }
    }
    const opener = stack.outermostNonSingle();
    if (opener && opener.at === first) {
      const n = out.length;
      finish(opener, pEnd, true);
      if (out.length > n) out[n].continues = prevCarried;
      carried = true;
    } else if (opener && SAID_BEFORE.test(text.slice(Math.max(0, opener.at - 30), opener.at))) {
      // "X said "… and the closing mark was lost: the quotation ends with its sentence
      const end = sentenceEndAfter(text, opener.at, pEnd);
      if (end >= 0) finish(opener, end, true); // no sentence end either: an orphan, skipped
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The first . ! or ? in [from, to) followed by spaces and a capital, or by nothing but spaces. */
function sentenceEndAfter(text: string, from: number, to: number): number {
  const seg = text.slice(from, to);
  const re = /[.!?]/g;
  for (let m = re.exec(seg); m; m = re.exec(seg)) {
    let j = m.index + 1;
    while (j < seg.length && /\s/.test(seg[j])) j++;
    if (j === seg.length || (j > m.index + 1 && /\p{Lu}/u.test(seg[j]))) return from + m.index;
  }
  return -1;
}

function classifyDoubled(text: string, at: number): { family: Family; role: 'open' | 'close' | 'either' } {
  const prev = text[at - 1],
    next = text[at + 2];
  return {
    family: 'double',
    role: isSpace(prev) ? 'open' : isSpace(next) || /[.,;:!?]/.test(next ?? ' ') ? 'close' : 'either',
  };
}

/** The first non-blank character of the paragraph [from, to): bounded by the paragraph, since a
 * paragraph the cleaner blanked (boilerplate) is all spaces and the next one may be far. */
function firstMarkIn(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}
