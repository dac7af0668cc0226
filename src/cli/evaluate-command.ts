// `factsheet evaluate GOLD…`: extraction quality on your own annotations (our gold format, a
// Label Studio export or brat standoff): P/R/F1 per fact type, value and speaker accuracy.
import { readGold, GoldError } from '../eval/gold';
import {
  emptyCounts,
  FACT_TYPES,
  scoreDoc,
  summarise,
  type Counts,
  type FactType,
  type Miss,
  type TypeScore,
} from '../eval/score';
import { extractArticle } from '../services/run-article';
import { UsageError } from './extract-command';

export interface EvaluateResult {
  documents: number;
  scores: Record<FactType, TypeScore>;
  misses: Miss[];
}

export function evaluate(inputs: string[], publishedAt?: string): EvaluateResult {
  let docs;
  try {
    docs = readGold(inputs);
  } catch (e) {
    if (e instanceof GoldError) throw new UsageError(e.message);
    throw e;
  }
  if (!docs.length) throw new UsageError(`no gold documents in ${inputs.join(', ')}`);
  const counts = Object.fromEntries(FACT_TYPES.map((t) => [t, emptyCounts()])) as Record<FactType, Counts>;
  const misses: Miss[] = [];
  for (const doc of docs) {
    const sheet = extractArticle({ text: doc.text, publishedAt: doc.publishedAt ?? publishedAt });
    for (const t of FACT_TYPES) {
      const m: Miss[] = [];
      scoreDoc(doc, sheet, t, counts[t], m);
      misses.push(...m.map((x) => ({ ...x, type: t })));
    }
  }
  const scores = Object.fromEntries(FACT_TYPES.map((t) => [t, summarise(counts[t])])) as Record<FactType, TypeScore>;
  return { documents: docs.length, scores, misses };
}

const f3 = (n: number | null) => (n === null ? '   -' : n.toFixed(3).replace(/^0/, ' '));

export function formatScores(r: EvaluateResult): string {
  const head = ['type', 'gold', 'pred', 'P', 'R', 'F1', 'P exact', 'R exact', 'F1 exact', 'value acc', 'speaker acc'];
  const rows = FACT_TYPES.filter((t) => r.scores[t].gold || r.scores[t].predicted).map((t) => {
    const s = r.scores[t];
    return [
      t,
      String(s.gold),
      String(s.predicted),
      f3(s.overlap.precision),
      f3(s.overlap.recall),
      f3(s.overlap.f1),
      f3(s.exact.precision),
      f3(s.exact.recall),
      f3(s.exact.f1),
      f3(s.valueAccuracy),
      f3(s.speakerAccuracy),
    ];
  });
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (xs: string[]) => xs.map((x, i) => (i ? x.padStart(w[i]) : x.padEnd(w[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

export function formatMisses(r: EvaluateResult, type: string): string {
  return r.misses
    .filter((m) => (m as Miss & { type: string }).type === type)
    .map(
      (m) =>
        `${m.kind.padEnd(8)} ${m.doc} ${m.start}-${m.end} "${m.text.replace(/\s+/g, ' ')}"${m.detail ? ` (${m.detail})` : ''}`,
    )
    .join('\n');
}
