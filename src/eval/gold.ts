// Gold annotations for `factsheet evaluate`, read from three formats into one shape:
// - our gold format (README "Gold format"): one JSON object per article (a .json file, or a
//   .jsonl of them) shaped like a fact sheet, with `text` and JavaScript string offsets;
// - a Label Studio export (JSON array of tasks, our labeling config; `annotations`, else `predictions`);
// - brat standoff (.txt + .ann pairs, code-point offsets, values in AnnotatorNotes).
import fs from 'node:fs';
import path from 'node:path';
import { DATE_LABEL, ENTITY_LABEL, FIGURE_LABEL } from '../batch/exports/labels';

export interface GoldSpan {
  start: number;
  end: number;
  text: string;
  optional?: boolean;
}
export interface GoldDoc {
  id: string;
  text: string;
  publishedAt: string | null;
  /** fact types annotated exhaustively (all when absent) */
  scores: string[] | null;
  /** predictions starting at or after this offset are not scored */
  scoredUntil: number | null;
  entities: (GoldSpan & { type: string; name: string })[];
  dates: (GoldSpan & { type: string; value: string | null })[];
  figures: (GoldSpan & { kind: string; value: number | null; unit: string | null })[];
  quotes: (GoldSpan & { kind: string; speaker: string | null })[];
  events: (GoldSpan & { date: string | null })[];
}

export class GoldError extends Error {}

const invert = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const ENTITY_TYPE = invert(ENTITY_LABEL),
  DATE_TYPE = invert(DATE_LABEL),
  FIGURE_KIND = invert(FIGURE_LABEL);

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const span = (o: Obj): GoldSpan => ({
  start: Number(o.start),
  end: Number(o.end),
  text: String(o.text ?? ''),
  ...(o.optional ? { optional: true } : {}),
});

/** Our gold format; a fact sheet with `text` is valid gold too. */
export function fromGoldJson(o: Obj, fallbackId: string): GoldDoc {
  if (typeof o.text !== 'string') throw new GoldError(`${fallbackId}: a gold article needs "text"`);
  const entities = arr(o.entities).flatMap((e) =>
    arr(e.mentions).map((m) => ({
      ...span(m),
      optional: !!(m.optional ?? e.optional) || undefined,
      type: String(e.type),
      name: String(e.name ?? m.text),
    })),
  );
  const speakerName = (s: unknown): string | null =>
    typeof s === 'string' ? s : s && typeof s === 'object' ? (str((s as Obj).name) ?? str((s as Obj).text)) : null;
  return {
    id: str(o.id) ?? fallbackId,
    text: o.text,
    publishedAt: str(o.publishedAt),
    scores: Array.isArray(o.scores) ? (o.scores as string[]) : null,
    scoredUntil: typeof o.scoredUntil === 'number' ? o.scoredUntil : null,
    entities,
    dates: arr(o.dates).map((d) => ({ ...span(d), type: String(d.type ?? 'date'), value: str(d.value) })),
    figures: arr(o.figures).map((f) => ({
      ...span(f),
      kind: String(f.kind),
      value: typeof f.value === 'number' ? f.value : null,
      unit: str(f.unit),
    })),
    quotes: arr(o.quotes).map((q) => ({
      ...span(q),
      kind: String(q.kind ?? 'direct'),
      speaker: speakerName(q.speaker),
    })),
    events: arr(o.events).map((e) => {
      const trigger = e.trigger && typeof e.trigger === 'object' ? (e.trigger as Obj) : e;
      const date =
        typeof e.date === 'string' ? e.date : e.date && typeof e.date === 'object' ? str((e.date as Obj).value) : null;
      return { ...span(trigger), ...(e.optional ? { optional: true } : {}), date };
    }),
  };
}

interface Region {
  id: string;
  start: number;
  end: number;
  text: string;
  label: string;
  note: string | null;
}

/** Labeled regions + "said by" links → a gold document (shared by Label Studio and brat). */
function fromRegions(
  id: string,
  text: string,
  publishedAt: string | null,
  regions: Region[],
  links: [string, string][],
): GoldDoc {
  const doc: GoldDoc = {
    id,
    text,
    publishedAt,
    scores: null,
    scoredUntil: null,
    entities: [],
    dates: [],
    figures: [],
    quotes: [],
    events: [],
  };
  const byId = new Map(regions.map((r) => [r.id, r]));
  const speakerOf = new Map(links.map(([q, s]) => [q, byId.get(s)]));
  for (const r of regions) {
    const s = { start: r.start, end: r.end, text: r.text };
    if (ENTITY_TYPE[r.label]) doc.entities.push({ ...s, type: ENTITY_TYPE[r.label], name: r.note ?? r.text });
    else if (DATE_TYPE[r.label]) doc.dates.push({ ...s, type: DATE_TYPE[r.label], value: r.note });
    else if (FIGURE_KIND[r.label]) {
      const m = r.note ? /^(-?[\d.e+-]+)(?:\s+(.+))?$/.exec(r.note) : null;
      doc.figures.push({ ...s, kind: FIGURE_KIND[r.label], value: m ? Number(m[1]) : null, unit: m?.[2] ?? null });
    } else if (r.label === 'QUOTE') {
      const sp = speakerOf.get(r.id);
      doc.quotes.push({
        ...s,
        kind: r.note && ['direct', 'partial', 'indirect'].includes(r.note) ? r.note : 'direct',
        speaker: sp ? (sp.note ?? sp.text) : null,
      });
    } else if (r.label === 'EVENT') doc.events.push({ ...s, date: r.note });
  }
  return doc;
}

/** A Label Studio export: the newest annotation of each task, or its predictions when nobody annotated it. */
export function fromLabelStudio(tasks: Obj[], file: string): GoldDoc[] {
  return tasks.map((t, i) => {
    const data = (t.data ?? {}) as Obj;
    if (typeof data.text !== 'string') throw new GoldError(`${file}: task ${i + 1} has no data.text`);
    const annotations = arr(t.annotations).filter((a) => !a.was_cancelled);
    const source = annotations.length ? annotations[annotations.length - 1] : arr(t.predictions)[0];
    const results = arr(source?.result);
    const regions: Region[] = results
      .filter((r) => r.type === 'labels')
      .map((r) => {
        const v = r.value as Obj;
        const meta = (r.meta ?? {}) as Obj;
        const note = Array.isArray(meta.text) ? str(meta.text[0]) : null;
        return {
          id: String(r.id),
          start: Number(v.start),
          end: Number(v.end),
          text: String(v.text ?? ''),
          label: String((v.labels as string[] | undefined)?.[0] ?? ''),
          note,
        };
      });
    const links = results
      .filter((r) => r.type === 'relation')
      .map((r) => [String(r.from_id), String(r.to_id)] as [string, string]);
    return fromRegions(
      str(data.id) ?? `${path.basename(file)}#${i + 1}`,
      data.text,
      str(data.publishedAt),
      regions,
      links,
    );
  });
}

/** Code-point offset → UTF-16 offset. */
function utf16Offsets(text: string): (cp: number) => number {
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    map.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  map.push(text.length);
  return (cp) => map[cp] ?? text.length;
}

/** One brat document: `name.txt` and `name.ann`; a discontinuous span counts from its first to its last fragment. */
export function fromBrat(txtFile: string, annFile: string): GoldDoc {
  const text = fs.readFileSync(txtFile, 'utf8');
  const u = utf16Offsets(text);
  const regions = new Map<string, Region>();
  const links: [string, string][] = [];
  const notes = new Map<string, string>();
  for (const line of fs.readFileSync(annFile, 'utf8').split('\n')) {
    const [id, body, note] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const m = /^(\S+) (.+)$/.exec(body);
      if (!m) continue;
      const nums = m[2].split(/[ ;]/).map(Number);
      const start = u(nums[0]),
        end = u(nums[nums.length - 1]);
      regions.set(id, { id, start, end, text: text.slice(start, end), label: m[1], note: null });
    } else if (id.startsWith('R')) {
      const m = /^\S+ Arg1:(\S+) Arg2:(\S+)/.exec(body);
      if (m) links.push([m[1], m[2]]);
    } else if (id.startsWith('#')) {
      const m = /^AnnotatorNotes (\S+)$/.exec(body);
      if (m && note !== undefined) notes.set(m[1], note);
    }
  }
  for (const [t, note] of notes) {
    const r = regions.get(t);
    if (r) r.note = note;
  }
  return fromRegions(path.basename(txtFile, '.txt'), text, null, [...regions.values()], links);
}

/** Files and directories → gold documents, whatever their format. */
export function readGold(inputs: string[]): GoldDoc[] {
  const docs: GoldDoc[] = [];
  const visit = (p: string) => {
    if (!fs.existsSync(p)) throw new GoldError(`no such file or directory: ${p}`);
    if (fs.statSync(p).isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        const child = path.join(p, name);
        if (fs.statSync(child).isDirectory() || /\.(?:json|jsonl|ann)$/i.test(name)) visit(child);
      }
      return;
    }
    if (/\.ann$/i.test(p)) {
      const txt = p.replace(/\.ann$/i, '.txt');
      if (!fs.existsSync(txt)) throw new GoldError(`${p}: no ${path.basename(txt)} beside it`);
      docs.push(fromBrat(txt, p));
    } else if (/\.txt$/i.test(p) && fs.existsSync(p.replace(/\.txt$/i, '.ann'))) {
      docs.push(fromBrat(p, p.replace(/\.txt$/i, '.ann')));
    } else if (/\.jsonl$/i.test(p)) {
      fs.readFileSync(p, 'utf8')
        .split('\n')
        .forEach((l, i) => {
          if (l.trim()) docs.push(fromGoldJson(parse(l, `${p}:${i + 1}`) as Obj, `${path.basename(p)}:${i + 1}`));
        });
    } else {
      const v = parse(fs.readFileSync(p, 'utf8'), p);
      if (Array.isArray(v)) docs.push(...fromLabelStudio(v as Obj[], p));
      else docs.push(fromGoldJson(v as Obj, path.basename(p, path.extname(p))));
    }
  };
  for (const p of inputs) visit(p);
  return docs;
}

function parse(s: string, where: string): unknown {
  try {
    return JSON.parse(s);
  } catch (e) {
    throw new GoldError(`${where}: not valid JSON (${(e as Error).message})`);
  }
}
