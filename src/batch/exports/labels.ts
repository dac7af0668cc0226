// The labels a fact sheet exports to annotation tools, shared by Label Studio and brat.
import type { PartialFactSheet as FactSheet } from '../../core/factsheet';

export const ENTITY_LABEL: Record<string, string> = {
  person: 'PERSON',
  organization: 'ORG',
  place: 'PLACE',
  group: 'GROUP',
  other: 'MISC',
};
export const DATE_LABEL: Record<string, string> = { date: 'DATE', time: 'TIME', duration: 'DURATION', set: 'SET' };
export const FIGURE_LABEL: Record<string, string> = {
  money: 'MONEY',
  percent: 'PERCENT',
  count: 'COUNT',
  quantity: 'QUANTITY',
  ordinal: 'ORDINAL',
};
const ENTITY_LABELS = new Set(Object.values(ENTITY_LABEL));
export const ALL_LABELS = [
  ...new Set([
    ...Object.values(ENTITY_LABEL),
    ...Object.values(DATE_LABEL),
    ...Object.values(FIGURE_LABEL),
    'QUOTE',
    'EVENT',
    'SPEAKER',
  ]),
];

export interface LabeledSpan {
  key: string;
  start: number;
  end: number;
  text: string;
  label: string;
  note?: string;
}
export interface SpeakerLink {
  quote: string;
  speaker: string;
}

/** Every span of a sheet with its label, plus quote → speaker-mention links. */
export function labeledSpans(sheet: FactSheet): { spans: LabeledSpan[]; links: SpeakerLink[] } {
  const spans: LabeledSpan[] = [];
  for (const e of sheet.entities ?? [])
    e.mentions.forEach((m, i) =>
      spans.push({
        key: `${e.id}.${i}`,
        start: m.start,
        end: m.end,
        text: m.text,
        label: ENTITY_LABEL[e.type],
        note: e.name,
      }),
    );
  for (const d of sheet.dates ?? [])
    spans.push({
      key: d.id,
      start: d.start,
      end: d.end,
      text: d.text,
      label: DATE_LABEL[d.type],
      note: d.value ?? undefined,
    });
  for (const f of sheet.figures ?? [])
    spans.push({
      key: f.id,
      start: f.start,
      end: f.end,
      text: f.text,
      label: FIGURE_LABEL[f.kind],
      note: f.value === null ? undefined : `${f.value}${f.unit ? ' ' + f.unit : ''}`,
    });
  for (const ev of sheet.events ?? [])
    spans.push({
      key: ev.id,
      start: ev.trigger.start,
      end: ev.trigger.end,
      text: ev.trigger.text,
      label: 'EVENT',
      note: ev.date?.value ?? undefined,
    });
  const links: SpeakerLink[] = [];
  for (const q of sheet.quotes ?? []) {
    if (q.kind === 'scare' || q.kind === 'title') continue;
    spans.push({ key: q.id, start: q.start, end: q.end, text: q.text, label: 'QUOTE', note: q.kind });
    if (!q.speaker) continue;
    const sp = q.speaker;
    // the speaker is an entity mention inside the attribution ("Port director [Jan Smit]") when one is there;
    // otherwise a SPEAKER span (a pronoun, "the ministry"), which is not an entity mention
    let target =
      spans.find((s) => s.start === sp.start && s.end === sp.end && s.label !== 'QUOTE') ??
      spans.find(
        (s) => s.start >= sp.start && s.end <= sp.end && ENTITY_LABELS.has(s.label) && (!sp.name || s.note === sp.name),
      );
    if (!target) {
      target = {
        key: `${q.id}.speaker`,
        start: sp.start,
        end: sp.end,
        text: sp.text,
        label: 'SPEAKER',
        note: sp.name ?? undefined,
      };
      spans.push(target);
    }
    links.push({ quote: q.id, speaker: target.key });
  }
  return { spans, links };
}
