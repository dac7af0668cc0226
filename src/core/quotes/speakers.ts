// Refiner `speaker`: the words of an attribution → an entity. A name inside them is that
// entity ("Kestrel analyst Omar Whitlow", "USAF officials"); he/she → a person named earlier in the
// sentence, else the last person named outside quotation marks;
// "the ministry", "the company", "the Russian statement" → the nearest organisation that fits
// (its name shares the head word or the modifier); chained cues take the previous speaker.
import type { Context, Refiner } from '../context';
import { alternation, firstFrom } from '../text';
import type { Entity, Quote, Span } from '../factsheet';
import { demonymToCountry } from '../lexicons';
import type { QuoteCandidate } from './candidate';
import { lexicons } from '../lexicons';
import { agrees, pronounGender } from './gender';
import { isPersonVoice, isSourceNoun, POSSESSIVES, PRONOUNS, speakerHead, speaksFor } from './cues';

const FALLBACK_VOICES = new Set(lexicons.quoteWords.companyVoices);
/** between a name and a pronoun: "X, who he said", "X, whom she described" */
const RELATIVE_GAP = new RegExp(`^,?\\s+(?:${alternation(lexicons.quoteWords.relatives)}|whom)\\s+$`, 'i');

/** How far (characters) a chained cue or an unattributed quote may be from the statement whose speaker it takes. */
const MAX_CHAIN_GAP = 350;

/** How many mentions back a pronoun or a descriptor may look for its entity: keeps each look-up bounded. */
const MAX_LOOKBACK = 400;

interface Located {
  e: Entity;
  start: number;
  end: number;
  quoted: boolean;
}

/** Every mention, sorted by start, marked when it lies inside quotation marks (one sweep over both lists). */
function allMentions(ctx: Context, quoted: Span[]): Located[] {
  const all = ctx.entities
    .flatMap((e) => e.mentions.map((m) => ({ e, start: m.start, end: m.end, quoted: false })))
    .sort((a, b) => a.start - b.start);
  const qs = [...quoted].sort((a, b) => a.start - b.start);
  let j = 0,
    reach = -1; // reach: the furthest end of the quotes that start before the mention
  for (const m of all) {
    while (j < qs.length && qs[j].start <= m.start) reach = Math.max(reach, qs[j++].end);
    m.quoted = m.end <= reach;
  }
  return all;
}

/** The mentions ending before `at`, nearest first, at most MAX_LOOKBACK of them. */
function* backFrom(all: Located[], at: number): Generator<Located> {
  for (let i = firstFrom(all, at) - 1, n = 0; i >= 0 && n < MAX_LOOKBACK; i--, n++) if (all[i].end <= at) yield all[i];
}

function find<T>(it: Iterable<T>, pred: (x: T) => boolean): T | undefined {
  for (const x of it) if (pred(x)) return x;
  return undefined;
}

function resolve(
  ctx: Context,
  all: Located[],
  byId: Map<string, Entity>,
  sp: Span,
  previous: Quote['speaker'] | null,
): Quote['speaker'] {
  const head = sp.text.toLowerCase().split(/\s+/).pop() ?? '';
  const inside: Located[] = [];
  for (let i = firstFrom(all, sp.start); i < all.length && all[i].start < sp.end; i++) {
    const m = all[i];
    // "Jonas' sister", "Tully's lawyer": a person's possessive names someone else; but "Grant's office",
    // "Tully's spokesman" speak for the possessor, and "Airbus's chief executive" for Airbus
    const possessor = /^['’]s?\s+\S/.test(ctx.doc.clean.slice(m.end, sp.end));
    // a place speaks for its government only as the whole phrase ("Moscow said"), not as a modifier ("the
    // Boston-based company", "the Paris prosecutor")
    // ("Ukraine’s defence ministry said": the country's body — the place is named as its owner)
    const rest = ctx.doc.clean.slice(m.end, sp.end);
    const placeVoice = m.e.type === 'place' && (!/[\p{L}\d]/u.test(rest) || /^['’]s?\s/u.test(rest));
    if (
      m.end <= sp.end &&
      !(possessor && m.e.type === 'person' && !speaksFor(head)) &&
      (m.e.type === 'person' || m.e.type === 'organization' || placeVoice)
    )
      inside.push(m);
  }
  const pick =
    inside.find((m) => m.e.type === 'person') ??
    inside.find((m) => m.e.type === 'organization') ??
    inside[inside.length - 1];
  const mention = { start: sp.start, end: sp.end, text: sp.text };
  const as = (e: Entity | null): Quote['speaker'] => ({
    name: e?.name ?? null,
    entityId: e?.id ?? null,
    ...mention,
    mention,
    kind: e
      ? 'entity'
      : !PRONOUNS[sp.text.toLowerCase()] &&
          (sp.text.split(/\s+/).some(isSourceNoun) ||
            ctx.doc.tokensIn(sp.start, sp.end).some((t) => t.tags.has('Actor')))
        ? 'descriptor'
        : 'unresolved',
  });
  // "lawyers for the men", "relatives of Ana Ruiz": the people the head names, not those the phrase names
  // (but "Secretary of State Antony Blinken": a title, then the person it names)
  const modified = speakerHead(sp.text);
  const between = pick ? ctx.doc.clean.slice(sp.start, pick.start).split(/\s+/).filter(Boolean) : [];
  const titled = !!pick && pick.e.type === 'person' && /^\p{Lu}/u.test(between[between.length - 1] ?? '');
  if (modified.postModified && !titled && !speaksFor(modified.head) && isSourceNoun(modified.head)) return as(null);
  if (pick) return as(pick.e);
  const lower = sp.text.toLowerCase();
  const pron = PRONOUNS[lower] ?? PRONOUNS[POSSESSIVES[lower] ?? ''];
  if (pron) {
    const gender = pronounGender(lower);
    const fits = (m: Located) =>
      pron === 'person' ? m.e.type === 'person' && agrees(ctx, m.e, gender) : m.e.type === 'organization';
    // a name earlier in the same sentence comes first ("Reinholt stated that he believed …")
    const s = ctx.doc.sentenceOf(sp.start);
    const sStart = s === null ? sp.start : ctx.doc.sentences[s].start;
    // (never a name inside the quotation itself: “I met Tom Lee,” she said)
    // (nor the antecedent of a relative pronoun right before it: "X, who he said had …" is not X speaking)
    const antecedent = (m: Located) => RELATIVE_GAP.test(ctx.doc.clean.slice(m.end, sp.start));
    const inSentence = find(
      backFrom(all, sp.start),
      (m) => m.start >= sStart && fits(m) && !m.quoted && !antecedent(m),
    );
    if (inSentence) return as(inSentence.e);
    // else the last one named outside quotation marks ("Coach Jane Doe praised … “…,” she said")
    const near = find(backFrom(all, sp.start), (m) => fits(m) && !m.quoted && !antecedent(m));
    if (near) return as(near.e);
    const prevE = previous?.entityId ? byId.get(previous.entityId) : undefined;
    return as(prevE && (prevE.type === 'person') === (pron === 'person') && agrees(ctx, prevE, gender) ? prevE : null);
  }
  // a common noun phrase: "the ministry", "the Russian statement", "officials", "a spokesman"
  const ws = lower.replace(/^(?:the|a|an)\s+/, '').split(/\s+/);
  const mods = ws.slice(0, -1);
  // "the minister", "the coach": the nearest person whose role has that title; "the 45-year-old":
  // the nearest person named outside quotation marks (an age only ever describes someone just named)
  const definite = /^the\s/.test(lower) || /\bthe\s+$/i.test(ctx.doc.clean.slice(Math.max(0, sp.start - 4), sp.start));
  if (definite && isPersonVoice(head) && ws.length <= 3) {
    const titled = find(
      backFrom(all, sp.start),
      (m) => m.e.type === 'person' && m.e.roles.some((r) => r.title.toLowerCase().split(/\s+/).includes(head)),
    );
    if (titled) return as(titled.e);
    if (/^\d+-year-old$/.test(head)) {
      const near = find(backFrom(all, sp.start), (m) => m.e.type === 'person' && !m.quoted);
      if (near) return as(near.e);
    }
  }
  const back = [...backFrom(all, sp.start)];
  const orgs = back.filter((m) => m.e.type === 'organization');
  // "the festival" → "Berlin Film Festival" even when the entity is typed as an event, not a body
  const byHead = back.find(
    (m) => (m.e.type === 'organization' || m.e.type === 'other') && m.e.name.toLowerCase().split(/\s+/).includes(head),
  );
  if (byHead) return as(byHead.e);
  const modNames = mods.flatMap((w) => {
    const c = demonymToCountry.get(w.replace(/^\p{Ll}/u, (x) => x.toUpperCase()));
    return c ? [w, c.toLowerCase()] : [w];
  });
  const byMod = orgs.find((m) => modNames.some((w) => m.e.name.toLowerCase().includes(w)));
  if (byMod) return as(byMod.e);
  // "the company said", "a spokesman said": the organisation the story is about; other heads ("the
  // league", "police") name a body of their own, which the nearest organisation rarely is
  // "a police spokesman", "a club statement": the modifier names a body of its own, which the text has
  // not tied to a name (byMod above) — a descriptor, not the story's organisation
  if (mods.some((w) => isSourceNoun(w) && !FALLBACK_VOICES.has(w))) return as(null);
  if (FALLBACK_VOICES.has(head)) {
    if (previous?.entityId && byId.get(previous.entityId)?.type === 'organization')
      return { ...previous, ...mention, mention };
    // the nearest organisation that acts in its sentence, not one named inside a phrase ("Brackwell beat forecasts,
    // according to analysts polled by LSEG. The company also said …" is Brackwell; "The FCA opened an inquiry. The
    // agency said" is the FCA)
    const acts = orgs.slice(0, 8).find((m) => actsInSentence(ctx, m));
    return as((acts ?? orgs[0])?.e ?? null);
  }
  return as(null);
}

/** A mention that opens its sentence or is followed by its verb: the subject, not a name inside a phrase. */
function actsInSentence(ctx: Context, m: Located): boolean {
  const before = ctx.doc.tokensIn(Math.max(0, m.start - 30), m.start).pop();
  if (before?.tags.has('Preposition') && !/[.;:!?]/.test(before.post)) return false;
  const s = ctx.doc.sentenceOf(m.start);
  if (s !== null && !/[\p{L}\d]/u.test(ctx.doc.clean.slice(ctx.doc.sentences[s].start, m.start))) return true;
  const next = ctx.doc.tokensIn(m.end, m.end + 30)[0];
  return !!next && next.tags.has('Verb') && !next.tags.has('Gerund') && !next.tags.has('Participle');
}

export const speakers: Refiner<QuoteCandidate> = {
  name: 'speaker',
  refine(ctx, quotes) {
    const all = allMentions(
      ctx,
      quotes.filter((q) => q.rule.startsWith('marked')),
    );
    const byId = new Map(ctx.entities.map((e) => [e.id, e]));
    const blockIndex = new Map(ctx.doc.blocks.map((b, i) => [b, i]));
    const blockOf = (q: QuoteCandidate) => {
      const b = ctx.doc.blockOf(q.start);
      return b ? (blockIndex.get(b) ?? -1) : -1;
    };
    const sorted = quotes.sort((a, b) => a.start - b.start);
    const statements = sorted.filter((q) => q.kind !== 'scare' && q.kind !== 'title');
    for (const q of sorted) if (q.kind === 'scare' || q.kind === 'title') q.speaker = null;
    let previous: Quote['speaker'] | null = null;
    let previousBlock: number | null = null;
    let previousEnd = -Infinity;
    statements.forEach((q, k) => {
      const block = blockOf(q);
      if (q.speakerSpan) q.speaker = resolve(ctx, all, byId, q.speakerSpan, previous);
      else if (q.sameSpeakerAsPrevious) q.speaker = followOn(q, k, block);
      else q.speaker = null;
      if (q.speaker) {
        previous = q.speaker;
        previousBlock = block;
      }
      previousEnd = q.end;
    });
    return quotes;

    /**
     * A statement without a cue of its own: the speaker of the attribution next to it in the same
     * paragraph (the previous one first, then the next: “…” “…,” X said.), else of the previous
     * paragraph's last statement (a paragraph that continues a quotation).
     */
    function followOn(q: QuoteCandidate, k: number, block: number): Quote['speaker'] {
      if (previous && block === previousBlock && q.start - previousEnd <= MAX_CHAIN_GAP) return previous;
      const next = statements[k + 1];
      // the next one only when it is a quotation right after this one: “…” “…,” X said.
      if (
        next?.speakerSpan &&
        next.rule.startsWith('marked') &&
        blockOf(next) === block &&
        !/[\p{L}\d]/u.test(ctx.doc.clean.slice(q.end, next.start))
      ) {
        return resolve(ctx, all, byId, next.speakerSpan, previous);
      }
      if (previous && block === (previousBlock ?? -2) + 1 && q.start - previousEnd <= MAX_CHAIN_GAP) return previous;
      return null;
    }
  },
};
