// (text, spans) → HTML, as displaCy renders entities: one pure function the page and the tests share.
// The rule for overlapping facts: the text is cut at every span boundary and each piece is one element that
// carries every fact covering it (`data-facts`); its colour is that of the narrowest covering fact, and a
// quote around it shows as an underline. So a name inside a quote is both, and no fact hides another.
// Pieces are per boundary, never per character: a 200 KB article with 3,000 facts is ~6,000 elements.

export interface HighlightSpan {
  start: number;
  end: number;
  /** person, organization, place, group, other, date, figure, quote, event, boilerplate */
  type: string;
  /** the fact's key in the sheet ("E7", "D3", "Q1"…), the same on every piece of its span */
  key: string;
  /** what hovering shows: the normalised value, the rule that fired */
  title?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Spans that do not slice the text (out of range, empty, reversed) are dropped, never thrown on. */
function valid(text: string, spans: HighlightSpan[]): HighlightSpan[] {
  return spans.filter(
    (s) =>
      Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end,
  );
}

export function highlight(text: string, spans: HighlightSpan[]): string {
  const ok = valid(text, spans);
  const cuts = new Set<number>([0, text.length]);
  for (const s of ok) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const opening = new Map<number, HighlightSpan[]>();
  for (const s of ok) opening.set(s.start, [...(opening.get(s.start) ?? []), s]);

  const out: string[] = [];
  let active: HighlightSpan[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    active = active.filter((s) => s.end > from).concat(opening.get(from) ?? []);
    const piece = escapeHtml(text.slice(from, to));
    if (!active.length) {
      out.push(piece);
      continue;
    }
    out.push(element(active, from, piece));
  }
  return out.join('');
}

function element(active: HighlightSpan[], from: number, piece: string): string {
  const narrowest = active.reduce(
    (a, b) => (b.end - b.start < a.end - a.start && b.type !== 'quote' ? b : a),
    active.find((s) => s.type !== 'quote') ?? active[0],
  );
  const types = [...new Set(active.map((s) => s.type))];
  const classes = ['f', `f-${narrowest.type}`, ...types.filter((t) => t !== narrowest.type).map((t) => `in-${t}`)];
  const starts = active.filter((s) => s.start === from).map((s) => s.key);
  const title = active
    .map((s) => s.title)
    .filter(Boolean)
    .join('\n');
  return (
    `<mark class="${classes.join(' ')}" data-at="${from}" data-facts="${escapeHtml(active.map((s) => s.key).join(' '))}"` +
    (starts.length ? ` data-starts="${escapeHtml(starts.join(' '))}"` : '') +
    (title ? ` title="${escapeHtml(title)}"` : '') +
    `>${piece}</mark>`
  );
}
