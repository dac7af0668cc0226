// Salience 0–1: how central an entity is to the article. Mentions count most; being named in
// the title zone or the lead sentence adds to it.
import type { Context } from '../context';
import type { Entity } from '../factsheet';

export function scoreSalience(ctx: Context, entities: Entity[]): void {
  const max = Math.max(1, ...entities.map((e) => e.mentions.length));
  const titleEnd = ctx.doc.blocks.find((b) => b.type === 'paragraph' || b.type === 'list-item')?.start ?? 0;
  const leadEnd = ctx.doc.sentences.find((s) => s.start >= titleEnd)?.end ?? titleEnd;
  const len = Math.max(1, ctx.doc.text.length);
  for (const e of entities) {
    const first = e.mentions[0]?.start ?? len;
    const inTitle = e.mentions.some((m) => m.start < titleEnd) ? 1 : 0;
    const inLead = e.mentions.some((m) => m.start >= titleEnd && m.start < leadEnd) ? 1 : 0;
    const s = 0.5 * (e.mentions.length / max) + 0.2 * inTitle + 0.15 * inLead + 0.15 * (1 - first / len);
    e.salience = Math.round(Math.min(1, s) * 1000) / 1000;
  }
}
