// Roles of people: the title before the name ("Russian Ambassador Dmitry Zhirnov") with its
// affiliation (a possessive, a demonym or an organisation right before the title), and
// appositions after it ("Putin, the Russian president,", "Jane Doe, chief executive of Acme,").
import type { Context } from '../context';
import type { Entity, Role } from '../factsheet';
import { demonymToCountry } from '../lexicons';
import type { MentionCandidate } from './candidate';
import { TITLES } from './words';

const TITLE_WORDS = new Set(TITLES.flat());

function affiliationBefore(ctx: Context, at: number, candidates: MentionCandidate[], owner: Map<MentionCandidate, Entity>): string | null {
  const prev = candidates.filter((c) => c.end <= at).pop();
  if (!prev) return null;
  const gap = ctx.doc.text.slice(prev.end, at);
  if (!/^(?:['’]s?)?\s*$/.test(gap)) return null;
  const e = owner.get(prev);
  if (!e) return null;
  if (e.type === 'group') return demonymToCountry.get(e.name) ?? e.name;
  return e.name;
}

const APPOSITION = /^,\s+(?:the\s+|a\s+|an\s+)?((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+(?:\s+[\p{L}-]+)?)(?:\s+(?:of|at|for)\s+(?:the\s+)?([\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*))?\s*[,.;]/u;

export function assignRoles(ctx: Context, entities: Entity[], candidates: MentionCandidate[]): void {
  const owner = new Map<MentionCandidate, Entity>();
  const byStart = new Map(entities.flatMap((e) => e.mentions.map((m) => [m.start, e] as const)));
  for (const c of candidates) { const e = byStart.get(c.start); if (e) owner.set(c, e); }
  for (const c of candidates) {
    const e = owner.get(c);
    if (!e || e.type !== 'person') continue;
    if (c.role) {
      add(e, { title: c.role.title, of: affiliationBefore(ctx, c.role.start, candidates, owner), start: c.role.start, end: c.role.end, text: ctx.doc.text.slice(c.role.start, c.role.end) });
    }
    const m = APPOSITION.exec(ctx.doc.text.slice(c.end, c.end + 160));
    if (m) {
      const titleText = m[2];
      const head = titleText.toLowerCase().split(/\s+/).pop()!;
      if (!TITLE_WORDS.has(head)) continue;
      const mods = m[1].trim().split(/\s+/).filter(Boolean);
      const demonym = mods.find((w) => demonymToCountry.has(w));
      const of = m[3] ?? (demonym ? demonymToCountry.get(demonym)! : null);
      const start = c.end + m[0].indexOf(titleText);
      add(e, { title: titleText.replace(/^\p{Ll}/u, (x) => x.toUpperCase()), of, start, end: start + titleText.length, text: titleText });
    }
  }
}

function add(e: Entity, r: Role) {
  if (!e.roles.some((x) => x.start === r.start)) e.roles.push(r);
}
