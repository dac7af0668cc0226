// Refiner `speaker`: the words of an attribution → an entity. A name inside them is that
// entity ("UBS analyst David Strauss", "USAF officials"); he/she → a person named earlier in the
// sentence, else the last person named outside quotation marks;
// "the ministry", "the company", "the Russian statement" → the nearest organisation that fits
// (its name shares the head word or the modifier); chained cues take the previous speaker.
import type { Context, Refiner } from '../context';
import type { Entity, Quote, Span } from '../factsheet';
import { demonymToCountry } from '../lexicons';
import type { QuoteCandidate } from './candidate';
import { ORG_VOICE, PRONOUNS, SPEECH_NOUNS } from './cues';

/** How far (characters) a chained cue or an unattributed quote may be from the statement whose speaker it takes. */
const MAX_CHAIN_GAP = 350;

interface Located { e: Entity; start: number; end: number }

function allMentions(ctx: Context): Located[] {
  return ctx.entities.flatMap((e) => e.mentions.map((m) => ({ e, start: m.start, end: m.end }))).sort((a, b) => a.start - b.start);
}

function resolve(ctx: Context, all: Located[], sp: Span, previous: Quote['speaker'] | null, quoted: Span[]): Quote['speaker'] {
  const inside = all.filter((m) => m.start >= sp.start && m.end <= sp.end && (m.e.type === 'person' || m.e.type === 'organization' || m.e.type === 'place'));
  const pick = inside.find((m) => m.e.type === 'person') ?? inside.find((m) => m.e.type === 'organization') ?? inside[inside.length - 1];
  const as = (e: Entity | null): Quote['speaker'] => ({ name: e?.name ?? null, entityId: e?.id ?? null, start: sp.start, end: sp.end, text: sp.text });
  if (pick) return as(pick.e);
  const lower = sp.text.toLowerCase();
  const before = all.filter((m) => m.end <= sp.start);
  const pron = PRONOUNS[lower];
  if (pron) {
    // a name earlier in the same sentence comes first ("Mannion stated that he believed …")
    const s = ctx.doc.sentenceOf(sp.start);
    const inSentence = [...before].reverse().find((m) => ctx.doc.sentenceOf(m.start) === s && (pron === 'person' ? m.e.type === 'person' : m.e.type === 'organization'));
    if (inSentence) return as(inSentence.e);
    // else the last one named outside quotation marks ("Coach Jane Doe praised … “…,” she said")
    const near = [...before].reverse().find((m) => (pron === 'person' ? m.e.type === 'person' : m.e.type === 'organization') && !quoted.some((q) => m.start >= q.start && m.end <= q.end));
    if (near) return as(near.e);
    const prevE = previous?.entityId ? ctx.entities.find((e) => e.id === previous.entityId) : undefined;
    return as(prevE && (prevE.type === 'person') === (pron === 'person') ? prevE : null);
  }
  // a common noun phrase: "the ministry", "the Russian statement", "officials", "a spokesman"
  const ws = lower.replace(/^(?:the|a|an)\s+/, '').split(/\s+/);
  const head = ws[ws.length - 1];
  const mods = ws.slice(0, -1);
  const orgs = [...before].reverse().filter((m) => m.e.type === 'organization');
  const byHead = orgs.find((m) => m.e.name.toLowerCase().split(/\s+/).includes(head));
  if (byHead) return as(byHead.e);
  const modNames = mods.flatMap((w) => { const c = demonymToCountry.get(w.replace(/^\p{Ll}/u, (x) => x.toUpperCase())); return c ? [w, c.toLowerCase()] : [w]; });
  const byMod = orgs.find((m) => modNames.some((w) => m.e.name.toLowerCase().includes(w)));
  if (byMod) return as(byMod.e);
  if (SPEECH_NOUNS.has(head) || ORG_VOICE.test(head)) {
    if (previous?.entityId && ctx.entities.find((e) => e.id === previous.entityId)?.type === 'organization') return { ...previous, start: sp.start, end: sp.end, text: sp.text };
    return as(orgs[0]?.e ?? null);
  }
  return as(null);
}

export const speakers: Refiner<QuoteCandidate> = {
  name: 'speaker',
  refine(ctx, quotes) {
    const all = allMentions(ctx);
    const marks = quotes.filter((q) => q.rule.startsWith('marked'));
    let previous: Quote['speaker'] | null = null;
    let previousBlock: number | null = null;
    let previousEnd = -Infinity;
    for (const q of quotes.sort((a, b) => a.start - b.start)) {
      if (q.kind === 'scare' || q.kind === 'title') { q.speaker = null; continue; }
      const block = ctx.doc.blocks.indexOf(ctx.doc.blockOf(q.start)!);
      if (q.speakerSpan) q.speaker = resolve(ctx, all, q.speakerSpan, previous, marks);
      else if (q.sameSpeakerAsPrevious && previous && (block === previousBlock || block === (previousBlock ?? -2) + 1) && q.start - previousEnd <= MAX_CHAIN_GAP) q.speaker = previous;
      else q.speaker = null;
      if (q.speaker) { previous = q.speaker; previousBlock = block; }
      previousEnd = q.end;
    }
    return quotes;
  },
};
