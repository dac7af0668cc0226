// Whether a pronoun can stand for a person: "she" never for a man the text has called "Mr", or whose given
// name is only ever a man's. Unknown stays compatible with both: a name without evidence is never excluded.
import type { Context } from '../context';
import type { Entity } from '../factsheet';
import { lexicons } from '../lexicons';

export type Gender = 'female' | 'male';

const G = lexicons.gender;
const HONORIFIC = new Map<string, Gender>([
  ...G.female.honorifics.map((h) => [h.toLowerCase(), 'female'] as const),
  ...G.male.honorifics.map((h) => [h.toLowerCase(), 'male'] as const),
]);
const PRONOUN = new Map<string, Gender>([
  ...G.female.pronouns.map((p) => [p, 'female'] as const),
  ...G.male.pronouns.map((p) => [p, 'male'] as const),
]);

const UNISEX = new Set(G.unisex);

export const pronounGender = (word: string): Gender | null => PRONOUN.get(word.toLowerCase()) ?? null;

const known = new WeakMap<Entity, Gender | null>();

/** A person's gender from an honorific before any mention ("Ms Cole"), else from the given name. */
export function genderOf(ctx: Context, e: Entity): Gender | null {
  if (known.has(e)) return known.get(e) ?? null;
  let g: Gender | null = null;
  for (const m of e.mentions) {
    // capitalised: "miss" and "count" before a name are verbs ("fans will miss Tom Lee")
    const before = /(\p{Lu}[\p{L}.]*)\s+$/u.exec(ctx.doc.clean.slice(Math.max(0, m.start - 12), m.start));
    g = (before && HONORIFIC.get(before[1].toLowerCase())) ?? null;
    if (g) break;
  }
  if (!g) {
    const first = e.name.split(/\s+/)[0] ?? '';
    g = UNISEX.has(first)
      ? null
      : lexicons.femaleNames.has(first)
        ? 'female'
        : lexicons.maleNames.has(first)
          ? 'male'
          : null;
  }
  known.set(e, g);
  return g;
}

/** Whether a pronoun of gender `g` may refer to person `e`. */
export const agrees = (ctx: Context, e: Entity, g: Gender | null): boolean => {
  if (!g || e.type !== 'person') return true;
  const eg = genderOf(ctx, e);
  return !eg || eg === g;
};
