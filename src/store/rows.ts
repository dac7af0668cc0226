// Rows ↔ API objects, the same for every engine: a sheet's facts as table rows, and rows read
// back as records and hits. No database access here.
import type { FactSheet } from '../core/factsheet';
import { normName } from './cursor';
import type { EventTable, FigureTable, QuoteTable } from './schema';
import { timexRange } from './timex-range';
import type { ArticleRecord, EventHit, FigureHit, QuoteHit } from './types';

type Row = Record<string, unknown>;
type Insert<T> = Omit<T, 'id'>;

/** The sheet as JSON text on SQLite, already parsed from JSONB on PostgreSQL. */
export const parseSheet = (v: unknown): FactSheet => (typeof v === 'string' ? JSON.parse(v) : v) as FactSheet;

export function toRecord(r: Row, versions: number[]): ArticleRecord {
  return {
    id: r.id as string,
    version: r.version as number,
    url: (r.url as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    source: (r.source as string | null) ?? null,
    publishedAt: (r.published_at as string | null) ?? null,
    extractorVersion: r.extractor_version as string,
    createdAt: r.created_at as string,
    versions,
  };
}

function provenance(r: Row) {
  return {
    articleId: r.article_id as string,
    title: (r.title as string | null) ?? null,
    publishedAt: (r.published_at as string | null) ?? null,
    start: r.start as number,
    end: r.end as number,
    sentence:
      r.sent_text == null
        ? null
        : { start: r.sent_start as number, end: r.sent_end as number, text: r.sent_text as string },
  };
}

export function toQuote(r: Row): QuoteHit {
  return {
    text: r.text as string,
    kind: r.kind as QuoteHit['kind'],
    speaker:
      r.speaker_name || r.speaker_entity
        ? { entityId: (r.speaker_entity as number | null) ?? null, name: (r.speaker_name as string | null) ?? null }
        : null,
    ...provenance(r),
  };
}

export function toFigure(r: Row): FigureHit {
  return {
    id: r.id as number,
    text: r.text as string,
    kind: r.kind as FigureHit['kind'],
    value: (r.value as number | null) ?? null,
    unit: (r.unit as string | null) ?? null,
    approximate: r.approximate === 1,
    bound: (r.bound as FigureHit['bound']) ?? null,
    low: (r.low as number | null) ?? null,
    high: (r.high as number | null) ?? null,
    subject: (r.subject as string | null) ?? null,
    ...provenance(r),
  };
}

export function toEvent(r: Row, participants: EventHit['participants']): EventHit {
  return {
    trigger: r.trigger as string,
    date: r.date_value === null || r.date_value === undefined ? null : { value: r.date_value as string },
    relation: r.relation as string,
    summary: r.summary as string,
    participants,
    ...provenance(r),
  };
}

/** The sentence a fact sits in, copied onto its row so hits need no second look-up. */
function sentenceOf(sheet: FactSheet, text: string, i: number | null) {
  const s = i === null ? undefined : sheet.document.sentences[i];
  return s
    ? { sent_start: s.start, sent_end: s.end, sent_text: text.slice(s.start, s.end) }
    : { sent_start: null, sent_end: null, sent_text: null };
}

export function quoteRows(
  articleId: string,
  text: string,
  sheet: FactSheet,
  global: Map<string, number>,
): Insert<QuoteTable>[] {
  return sheet.quotes.map((q) => ({
    article_id: articleId,
    start: q.start,
    end: q.end,
    text: q.text,
    kind: q.kind,
    speaker_entity: q.speaker?.entityId ? (global.get(q.speaker.entityId) ?? null) : null,
    speaker_name: q.speaker?.name ?? null,
    sentence: q.sentence,
    ...sentenceOf(sheet, text, q.sentence),
  }));
}

export function figureRows(articleId: string, text: string, sheet: FactSheet): Insert<FigureTable>[] {
  return sheet.figures.map((f) => ({
    article_id: articleId,
    start: f.start,
    end: f.end,
    text: f.text,
    kind: f.kind,
    value: f.value,
    unit: f.unit,
    approximate: f.approximate ? 1 : 0,
    bound: f.bound,
    low: f.low,
    high: f.high,
    subject: f.subject?.text ?? null,
    subject_norm: f.subject ? normName(f.subject.text) : null,
    sentence: f.sentence,
    ...sentenceOf(sheet, text, f.sentence),
  }));
}

export function eventRows(articleId: string, text: string, sheet: FactSheet): Insert<EventTable>[] {
  return sheet.events.map((ev) => {
    const range = timexRange(ev.date?.value);
    return {
      article_id: articleId,
      start: ev.trigger.start,
      end: ev.trigger.end,
      trigger: ev.trigger.text,
      date_value: ev.date?.value ?? null,
      date_from: range?.[0] ?? null,
      date_to: range?.[1] ?? null,
      relation: ev.relation,
      summary: ev.summary,
      sentence: ev.sentence,
      ...sentenceOf(sheet, text, ev.sentence),
    };
  });
}

/** Participants of each event, then everything named in its sentence, so "events involving X" is one indexed look-up. */
export function eventEntityRows(sheet: FactSheet, eventIds: number[], global: Map<string, number>) {
  const rows: { event_id: number; entity_id: number; role: string }[] = [];
  sheet.events.forEach((ev, i) => {
    const linked = new Set<number>();
    for (const p of ev.participants) {
      const gid = global.get(p.entityId);
      if (gid !== undefined) {
        rows.push({ event_id: eventIds[i], entity_id: gid, role: p.role });
        linked.add(gid);
      }
    }
    for (const e of sheet.entities) {
      const gid = global.get(e.id)!;
      if (linked.has(gid) || !e.mentions.some((m) => m.sentence === ev.sentence)) continue;
      rows.push({ event_id: eventIds[i], entity_id: gid, role: 'mentioned' });
      linked.add(gid);
    }
  });
  return rows;
}

export function mentionRows(articleId: string, sheet: FactSheet, global: Map<string, number>) {
  return sheet.entities.flatMap((e) =>
    e.mentions.map((m) => ({
      article_id: articleId,
      entity_id: global.get(e.id)!,
      local_id: e.id,
      start: m.start,
      end: m.end,
      sentence: m.sentence,
    })),
  );
}

/** Rows in slices small enough for any engine's bound-parameter limit (SQLite: 32,766; PostgreSQL: 65,535). */
export function* slices<T extends object>(rows: T[], maxParams = 30_000): Generator<T[]> {
  if (!rows.length) return;
  const size = Math.max(1, Math.floor(maxParams / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
