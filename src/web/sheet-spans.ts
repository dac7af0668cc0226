// What the page highlights in a fact sheet: every mention, date, figure, quote, event trigger and boilerplate
// line, with the hover text a checker needs (normalised value, the rule that fired).
import type { FactSheet } from '../core/factsheet';
import type { HighlightSpan } from './highlight';

type Sheet = Pick<FactSheet, 'entities' | 'dates' | 'figures' | 'quotes' | 'events' | 'boilerplate'>;

const figureValue = (f: FactSheet['figures'][number]): string =>
  f.low != null && f.high != null ? `${f.low}–${f.high}` : f.value == null ? '?' : String(f.value);

export function sheetSpans(sheet: Partial<Sheet>): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  for (const e of sheet.entities ?? []) {
    for (const m of e.mentions) {
      spans.push({
        start: m.start,
        end: m.end,
        type: e.type,
        key: e.id,
        title: `${e.type}: ${e.name} (rule ${m.rule})`,
      });
    }
  }
  for (const d of sheet.dates ?? []) {
    spans.push({
      start: d.start,
      end: d.end,
      type: 'date',
      key: d.id,
      title: `${d.type}: ${d.value ?? 'unresolved'} (rule ${d.rule})`,
    });
  }
  for (const f of sheet.figures ?? []) {
    const unit = f.unit ? ` ${f.unit}` : '';
    const subject = f.subject ? ` — ${f.subject.text}` : '';
    spans.push({
      start: f.start,
      end: f.end,
      type: 'figure',
      key: f.id,
      title: `${f.kind}: ${figureValue(f)}${unit}${subject} (rule ${f.rule})`,
    });
  }
  for (const q of sheet.quotes ?? []) {
    const who = q.speaker?.name ?? 'no speaker';
    spans.push({
      start: q.start,
      end: q.end,
      type: 'quote',
      key: q.id,
      title: `${q.kind} quote — ${who} (rule ${q.rule})`,
    });
  }
  for (const v of sheet.events ?? []) {
    const t = v.trigger;
    spans.push({
      start: t.start,
      end: t.end,
      type: 'event',
      key: v.id,
      title: `event: ${v.summary} — ${v.date?.value ?? 'undated'}`,
    });
  }
  (sheet.boilerplate ?? []).forEach((b, i) => {
    spans.push({
      start: b.start,
      end: b.end,
      type: 'boilerplate',
      key: `B${i + 1}`,
      title: `not article text: ${b.reason}`,
    });
  });
  return spans;
}
