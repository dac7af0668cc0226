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
interface Open { at: number; family: Family }

const isLetter = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /[\s([{—–-]/.test(c);

function classify(text: string, i: number): { family: Family; role: 'open' | 'close' | 'either' } | null {
  const c = text[i], prev = text[i - 1], next = text[i + 1];
  switch (c) {
    case '“': case '„': return { family: 'double', role: 'open' };
    case '”': return { family: 'double', role: 'close' };
    case '«': return { family: 'guillemet', role: 'open' };
    case '»': return { family: 'guillemet', role: 'close' };
    case '"': return { family: 'double', role: isSpace(prev) ? 'open' : isSpace(next) || /[.,;:!?]/.test(next ?? ' ') ? 'close' : 'either' };
    case '‘': case '\'': case '’':
      if (isLetter(prev) && isLetter(next)) return null;               // don’t, O’Leary
      if ((c === '’' || c === '\'') && /\d/.test(next ?? '') && isSpace(prev)) return null; // ’90s
      if (c === '‘' || (isSpace(prev) && isLetter(next))) return { family: 'single', role: 'open' };
      if (!isSpace(prev) && !isLetter(next)) return { family: 'single', role: 'close' };
      return null;
    default: return null;
  }
}

const MARK = /[“”„«»"‘’']/g;

export function findQuotedSpans(text: string): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  const stack: Open[] = [];
  let carried = false; // the previous paragraph ended inside a quote
  const finish = (o: Open, closeAt: number, unclosed: boolean) => {
    let s = o.at + 1, e = closeAt;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /[\s,.]/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, open: o.at, close: closeAt, unclosed, continues: false });
  };
  // process paragraph by paragraph so nothing runs across a line break
  const para = /[^\n]+/g;
  for (let p = para.exec(text); p; p = para.exec(text)) {
    stack.length = 0;
    const pStart = p.index, pEnd = p.index + p[0].length;
    const first = firstMarkIn(text, pStart);
    const prevCarried = carried;
    carried = false;
    MARK.lastIndex = pStart;
    for (let m = MARK.exec(text); m && m.index < pEnd; m = MARK.exec(text)) {
      const k = classify(text, m.index);
      if (!k) continue;
      const top = [...stack].reverse().find((o) => o.family === k.family);
      if (k.role === 'close' || (k.role === 'either' && top)) {
        if (!top) continue; // orphan closing mark: an apostrophe (Jones’) or noise
        while (stack.length && stack[stack.length - 1] !== top) stack.pop(); // unclosed inner marks are dropped
        stack.pop();
        if (stack.some((o) => o.family === 'double') && k.family === 'single') continue; // nested quote: part of the outer one
        const n = out.length;
        finish(top, m.index, false);
        if (out.length > n && prevCarried && top.at === first) out[n].continues = true;
      } else {
        stack.push({ at: m.index, family: k.family });
      }
    }
    const opener = stack.find((o) => o.family !== 'single');
    if (opener && opener.at === first) {
      const n = out.length;
      finish(opener, pEnd, true);
      if (out.length > n) out[n].continues = prevCarried;
      carried = true;
    } else if (opener && /\b(?:said|says|stated|added|told \w+|declared|commented|wrote)\s*[:,]?\s*$/i.test(text.slice(Math.max(0, opener.at - 30), opener.at))) {
      // "X said "… and the closing mark was lost: the quotation ends with its sentence
      const end = /[.!?](?=\s+\p{Lu}|\s*$)/u.exec(text.slice(opener.at, pEnd));
      if (end) finish(opener, opener.at + end.index, true); // no sentence end either: an orphan, skipped
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function firstMarkIn(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}
