// Precision / recall / F1 of fact sheets against gold, per fact type, with spans matched by
// overlap and exactly (as TempEval-3 scores time expressions), plus the accuracy of values and
// speakers on matched facts. Matching is one-to-one, exact matches first.
import type { PartialFactSheet } from '../core/factsheet';
import type { GoldDoc, GoldSpan } from './gold';

export const FACT_TYPES = ['entities', 'dates', 'events', 'quotes', 'figures'] as const;
export type FactType = (typeof FACT_TYPES)[number];

interface Item extends GoldSpan {
  key: string;
  type?: string;
  value?: string | number | null;
  unit?: string | null;
  speaker?: string | null;
}
export interface Miss {
  doc: string;
  kind: 'missed' | 'spurious' | 'value' | 'speaker';
  start: number;
  end: number;
  text: string;
  detail?: string;
}
export interface Counts {
  gold: number;
  predicted: number;
  overlap: number;
  exact: number;
  valueChecked: number;
  valueRight: number;
  speakerChecked: number;
  speakerRight: number;
}
export interface TypeScore {
  gold: number;
  predicted: number;
  overlap: { precision: number; recall: number; f1: number };
  exact: { precision: number; recall: number; f1: number };
  valueAccuracy: number | null;
  speakerAccuracy: number | null;
}

const STATEMENTS = new Set(['direct', 'partial', 'indirect']);
const norm = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

function goldItems(doc: GoldDoc, type: FactType): Item[] {
  switch (type) {
    case 'entities':
      return doc.entities.map((e) => ({ ...e, key: e.type, type: e.type }));
    case 'dates':
      return doc.dates.map((d) => ({ ...d, key: '', value: d.value }));
    case 'events':
      return doc.events.map((e) => ({ ...e, key: '', value: e.date }));
    case 'quotes':
      return doc.quotes.filter((q) => STATEMENTS.has(q.kind)).map((q) => ({ ...q, key: '', speaker: q.speaker }));
    case 'figures':
      return doc.figures.map((f) => ({ ...f, key: '', value: f.value, unit: f.unit }));
  }
}

function predictedItems(sheet: PartialFactSheet, type: FactType): Item[] {
  switch (type) {
    case 'entities':
      return (sheet.entities ?? []).flatMap((e) =>
        e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, key: e.type, type: e.type })),
      );
    case 'dates':
      return (sheet.dates ?? []).map((d) => ({ start: d.start, end: d.end, text: d.text, key: '', value: d.value }));
    case 'events':
      return (sheet.events ?? []).map((e) => ({ ...e.trigger, key: '', value: e.date?.value ?? null }));
    case 'quotes':
      return (sheet.quotes ?? [])
        .filter((q) => STATEMENTS.has(q.kind))
        .map((q) => ({
          start: q.start,
          end: q.end,
          text: q.text,
          key: '',
          speaker: q.speaker ? (q.speaker.name ?? q.speaker.text) : null,
        }));
    case 'figures':
      return (sheet.figures ?? []).map((f) => ({
        start: f.start,
        end: f.end,
        text: f.text,
        key: '',
        value: f.value,
        unit: f.unit,
      }));
  }
}

const overlaps = (a: Item, b: Item) => a.start < b.end && b.start < a.end && a.key === b.key;
const same = (a: Item, b: Item) => a.start === b.start && a.end === b.end && a.key === b.key;

function valueAgrees(type: FactType, g: Item, p: Item): boolean | null {
  if (type === 'figures') {
    if (g.value === null || g.value === undefined) return null;
    const gv = Number(g.value),
      pv = Number(p.value);
    return p.value !== null && Math.abs(gv - pv) <= Math.abs(gv) * 0.005 && norm(g.unit) === norm(p.unit);
  }
  if (type === 'dates' || type === 'events')
    return g.value === null || g.value === undefined ? null : g.value === p.value;
  return null;
}

/** Scores one document for one type; misses are listed for --show. */
export function scoreDoc(doc: GoldDoc, sheet: PartialFactSheet, type: FactType, counts: Counts, misses: Miss[]): void {
  if (doc.scores && !doc.scores.includes(type)) return;
  const gold = goldItems(doc, type);
  const pred = predictedItems(sheet, type).filter((p) => doc.scoredUntil === null || p.start < doc.scoredUntil);
  const pairs: [Item, Item][] = [];
  const usedG = new Set<Item>(),
    usedP = new Set<Item>();
  for (const test of [same, overlaps]) {
    for (const g of gold) {
      if (usedG.has(g)) continue;
      const p = pred.find((x) => !usedP.has(x) && test(g, x));
      if (p) {
        usedG.add(g);
        usedP.add(p);
        pairs.push([g, p]);
      }
    }
  }
  const required = gold.filter((g) => !g.optional);
  counts.gold += required.length;
  // a prediction matched to an optional gold fact is neither right nor wrong
  const scoredPairs = pairs.filter(([g]) => !g.optional);
  counts.predicted += pred.length - (pairs.length - scoredPairs.length);
  counts.overlap += scoredPairs.length;
  counts.exact += scoredPairs.filter(([g, p]) => same(g, p)).length;
  for (const [g, p] of scoredPairs) {
    const v = valueAgrees(type, g, p);
    if (v !== null) {
      counts.valueChecked++;
      if (v) counts.valueRight++;
      else
        misses.push({
          doc: doc.id,
          kind: 'value',
          start: g.start,
          end: g.end,
          text: g.text,
          detail: `gold ${g.value}${g.unit ? ' ' + g.unit : ''}, got ${p.value}${p.unit ? ' ' + p.unit : ''}`,
        });
    }
    if (type === 'quotes' && g.speaker) {
      counts.speakerChecked++;
      if (norm(g.speaker) === norm(p.speaker)) counts.speakerRight++;
      else
        misses.push({
          doc: doc.id,
          kind: 'speaker',
          start: g.start,
          end: g.end,
          text: g.text,
          detail: `gold ${g.speaker}, got ${p.speaker ?? 'none'}`,
        });
    }
  }
  for (const g of required)
    if (!usedG.has(g))
      misses.push({ doc: doc.id, kind: 'missed', start: g.start, end: g.end, text: g.text, detail: g.type });
  for (const p of pred)
    if (!usedP.has(p))
      misses.push({ doc: doc.id, kind: 'spurious', start: p.start, end: p.end, text: p.text, detail: p.type });
}

const ratio = (a: number, b: number) => (b ? a / b : 0);
function prf(hit: number, predicted: number, gold: number) {
  const precision = predicted ? hit / predicted : gold ? 0 : 1,
    recall = gold ? hit / gold : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export const emptyCounts = (): Counts => ({
  gold: 0,
  predicted: 0,
  overlap: 0,
  exact: 0,
  valueChecked: 0,
  valueRight: 0,
  speakerChecked: 0,
  speakerRight: 0,
});

export function summarise(c: Counts): TypeScore {
  return {
    gold: c.gold,
    predicted: c.predicted,
    overlap: prf(c.overlap, c.predicted, c.gold),
    exact: prf(c.exact, c.predicted, c.gold),
    valueAccuracy: c.valueChecked ? ratio(c.valueRight, c.valueChecked) : null,
    speakerAccuracy: c.speakerChecked ? ratio(c.speakerRight, c.speakerChecked) : null,
  };
}
