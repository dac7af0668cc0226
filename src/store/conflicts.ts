// Figures that disagree across articles: same kind and unit, about the same subject, whose
// values cannot both be right given their approximation ("roughly $9 billion" vs "$7 billion").
import { lexicons } from '../core/lexicons';
import type { FigureConflict, FigureHit } from './types';

/** How far an exact figure and an approximate one ("roughly", "about") may be from the true value. */
const EXACT_TOLERANCE = 0.005;
const APPROX_TOLERANCE = 0.1;

const subjectWords = (s: string) =>
  (s.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [])
    .filter((w) => w.length > 2 && !lexicons.stopwords.has(w))
    .map((w) => w.replace(/(?:'s|’s)$/, '').replace(/(?<=[^s])s$/, ''));

function interval(f: FigureHit): [number, number] | null {
  if (f.low !== null && f.high !== null) return [f.low, f.high];
  if (f.value === null) return null;
  const tol = Math.abs(f.value) * (f.approximate ? APPROX_TOLERANCE : EXACT_TOLERANCE);
  if (f.bound === 'lower') return [f.value, Infinity];
  if (f.bound === 'upper') return [-Infinity, f.value];
  return [f.value - tol, f.value + tol];
}

/** Two subjects are the same when they share the head noun and one's words contain the other's. */
function sameSubject(a: string[], b: string[]): boolean {
  if (!a.length || !b.length || a[a.length - 1] !== b[b.length - 1]) return false;
  const [small, big] = a.length <= b.length ? [a, b] : [b, a];
  return small.every((w) => big.includes(w));
}

export function conflictsIn(figures: FigureHit[]): FigureConflict[] {
  const groups: { key: string[]; kind: string; unit: string | null; figures: FigureHit[] }[] = [];
  for (const f of figures) {
    if (!f.subject) continue;
    const key = subjectWords(f.subject);
    const g = groups.find((x) => x.kind === f.kind && x.unit === f.unit && sameSubject(x.key, key));
    if (g) {
      g.figures.push(f);
      if (key.length > g.key.length) g.key = key;
    } else groups.push({ key, kind: f.kind, unit: f.unit, figures: [f] });
  }
  const out: FigureConflict[] = [];
  for (const g of groups) {
    const disagreeing = new Set<FigureHit>();
    const reasons: string[] = [];
    for (let i = 0; i < g.figures.length; i++) {
      for (let j = i + 1; j < g.figures.length; j++) {
        const a = g.figures[i],
          b = g.figures[j];
        if (a.articleId === b.articleId) continue;
        const ia = interval(a),
          ib = interval(b);
        if (!ia || !ib || (ia[0] <= ib[1] && ib[0] <= ia[1])) continue;
        disagreeing.add(a);
        disagreeing.add(b);
        reasons.push(`“${a.text}” (${a.articleId}) vs “${b.text}” (${b.articleId})`);
      }
    }
    if (disagreeing.size) {
      out.push({
        subject: g.figures.find((f) => subjectWords(f.subject!).length === g.key.length)?.subject ?? g.key.join(' '),
        kind: g.kind as FigureConflict['kind'],
        unit: g.unit,
        figures: [...disagreeing],
        reason: `values disagree beyond their approximation: ${reasons.join('; ')}`,
      });
    }
  }
  return out;
}
