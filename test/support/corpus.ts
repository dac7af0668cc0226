// The corpus format (Duckling style) and its strict matcher, shared by the corpus runner and the
// script that fills rules and offsets into new rows (scripts/corpus-fill.ts).
//
// A positive row lists exactly the facts its section must yield: each expected fact by its text
// (entities: name), its offsets (`start`, or the only place its text occurs in the row), the rule that
// produced it, and any other field that matters. `loose: true` checks only the listed facts.
// A negative row is a text that must yield no fact of the section.
import type { FactSheet } from '../../src/core';

export const SECTIONS = ['dates', 'figures', 'entities', 'quotes', 'events', 'boilerplate'] as const;
export type CorpusSection = (typeof SECTIONS)[number];

export type Expected = Record<string, unknown>;
export interface PositiveRow {
  text: string;
  expect: Expected[];
  loose?: boolean;
  publishedAt?: string;
  note?: string;
}
export type NegativeRow = string | { text: string; publishedAt?: string; note?: string };
export interface Corpus {
  section: CorpusSection;
  publishedAt: string;
  comment?: string;
  positive: PositiveRow[];
  negative: NegativeRow[];
}

type Item = Record<string, unknown>;
const STATEMENTS = new Set(['direct', 'partial', 'indirect']);
const NAMED = new Set(['person', 'organization', 'place']);

/** Every fact of one section; `scored` marks those a strict row must account for. */
export function factsOf(section: CorpusSection, sheet: FactSheet): { item: Item; scored: boolean }[] {
  const items = sheet[section] as unknown as Item[];
  return items.map((item) => ({
    item,
    scored:
      section === 'quotes'
        ? STATEMENTS.has(item.kind as string)
        : section === 'entities'
          ? NAMED.has(item.type as string)
          : true,
  }));
}

/** What a row's expectation reads off one fact: the fields whose shape differs from a plain value. */
function field(section: CorpusSection, item: Item, key: string): unknown {
  if (section === 'entities') {
    const e = item as unknown as FactSheet['entities'][number];
    if (key === 'mentions') return e.mentions.map((m) => m.text);
    if (key === 'role') return e.roles.map((r) => r.title.toLowerCase());
    if (key === 'of') return e.roles.map((r) => r.of);
    if (key === 'text') return e.name;
  }
  if (section === 'events') {
    const ev = item as unknown as FactSheet['events'][number];
    if (key === 'text' || key === 'trigger') return ev.trigger.text;
    if (key === 'start') return ev.trigger.start;
    if (key === 'date') return ev.date?.value ?? null;
    if (key === 'participants') return ev.participants.map((p) => p.name);
  }
  if (key === 'subject') return (item.subject as { text: string } | null)?.text ?? null;
  if (key === 'speaker') return (item.speaker as { name: string | null } | null)?.name ?? null;
  // the words that name the speaker, for descriptors the text has not tied to an entity
  if (key === 'speakerText') return (item.speaker as { text: string } | null)?.text ?? null;
  return item[key];
}

const LIST_KEYS = new Set(['role', 'of']);

/** Occurrences of `needle` in `text`: where an expected fact without `start` may begin. */
function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0 && needle; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

export function matches(section: CorpusSection, rowText: string, item: Item, exp: Expected): boolean {
  for (const [k, v] of Object.entries(exp)) {
    if (k === 'note') continue;
    const got = field(section, item, k);
    if (LIST_KEYS.has(k)) {
      const want = k === 'role' ? String(v).toLowerCase() : v;
      if (!(got as unknown[]).includes(want)) return false;
    } else if (JSON.stringify(got) !== JSON.stringify(v)) return false;
  }
  // Offsets: an expected fact without `start` must sit where its text occurs in the row.
  const text = (section === 'entities' ? null : (exp.text ?? (section === 'events' ? exp.trigger : null))) as
    | string
    | null;
  if (text != null && exp.start === undefined) {
    const start = field(section, item, 'start') as number;
    if (!occurrences(rowText, text).includes(start)) return false;
  }
  return true;
}

export interface RowResult {
  missing: Expected[];
  unexpected: Item[];
  unnamedRules: Expected[];
}

/** One-to-one match of expected facts against the sheet (first fitting fact in document order). */
export function checkRow(section: CorpusSection, row: PositiveRow, sheet: FactSheet): RowResult {
  const facts = factsOf(section, sheet);
  const used = new Set<number>();
  const missing: Expected[] = [];
  for (const exp of row.expect) {
    const i = facts.findIndex((f, j) => !used.has(j) && matches(section, row.text, f.item, exp));
    if (i < 0) missing.push(exp);
    else used.add(i);
  }
  const unexpected = row.loose ? [] : facts.filter((f, j) => f.scored && !used.has(j)).map((f) => f.item);
  const hasRules = section !== 'entities' && section !== 'boilerplate';
  const unnamedRules = row.loose || !hasRules ? [] : row.expect.filter((e) => e.rule === undefined);
  return { missing, unexpected, unnamedRules };
}

/** Facts of a negative row: only those a strict row would have to account for. */
export function negativeFacts(section: CorpusSection, sheet: FactSheet): Item[] {
  return factsOf(section, sheet)
    .filter((f) => f.scored)
    .map((f) => f.item);
}

/** A compact view of a fact for failure messages. */
export function brief(section: CorpusSection, item: Item): Record<string, unknown> {
  const keys = ['text', 'name', 'type', 'kind', 'value', 'unit', 'rule', 'start', 'end', 'reason'];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (item[k] !== undefined) out[k] = item[k];
  if (section === 'quotes') out.speaker = field(section, item, 'speaker');
  if (section === 'figures') out.subject = field(section, item, 'subject');
  if (section === 'entities') out.mentions = field(section, item, 'mentions');
  if (section === 'events')
    Object.assign(out, { trigger: field(section, item, 'trigger'), date: field(section, item, 'date') });
  return out;
}

/**
 * Fills in what a new row may leave out: the rule of each expected fact, and its `start` where its text occurs
 * more than once. Only facts that match exactly one way are filled; the rest are left for a person to decide.
 */
export function fillRow(section: CorpusSection, row: PositiveRow, sheet: FactSheet, adopt = false): PositiveRow {
  const facts = factsOf(section, sheet).map((f) => f.item);
  const expect = row.expect.map((exp) => {
    const { rule: _r, start: _s, ...rest } = exp;
    const fits = facts.filter((it) => matches(section, row.text, it, rest) || matches(section, row.text, it, exp));
    if (fits.length !== 1) return exp;
    const it = fits[0];
    const out: Expected = { ...exp };
    if (section !== 'entities' && section !== 'boilerplate' && typeof it.rule === 'string') out.rule = it.rule;
    const text = (exp.text ?? exp.trigger) as string | undefined;
    if (text && section !== 'entities' && occurrences(row.text, text).length > 1)
      out.start = field(section, it, 'start');
    return out;
  });
  if (!adopt || row.loose) return { ...row, expect };
  // Adopting writes the facts the row does not list into it: for a person to confirm or to move to the backlog.
  const { unexpected } = checkRow(section, { ...row, expect }, sheet);
  return { ...row, expect: [...expect, ...unexpected.map((it) => adopted(section, row.text, it))] };
}

function adopted(section: CorpusSection, rowText: string, it: Item): Expected {
  const keys: Record<CorpusSection, string[]> = {
    dates: ['text', 'type', 'value', 'rule'],
    figures: ['text', 'kind', 'value', 'unit', 'rule'],
    entities: ['name', 'type', 'mentions'],
    quotes: ['text', 'kind', 'speaker', 'rule'],
    events: ['trigger', 'date', 'rule'],
    boilerplate: ['text', 'reason'],
  };
  const out: Expected = {};
  for (const k of keys[section]) out[k] = field(section, it, k);
  const text = (out.text ?? out.trigger) as string | undefined;
  if (text && section !== 'entities' && occurrences(rowText, text).length > 1) out.start = field(section, it, 'start');
  return out;
}
