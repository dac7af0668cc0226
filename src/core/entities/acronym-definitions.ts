// Refiner `acronym-definition`: "United Nations (UN)", "the Government Accountability Office (GAO)":
// the acronym in brackets right after a name stands for that name, here and everywhere after.
import type { Refiner } from '../context';
import type { MentionCandidate } from './candidate';

const ACRONYM = /^(?:[A-Z][A-Za-z]?){1,}[A-Z]$|^(?:[A-Z]\.){2,}$/;

const initials = (name: string) => name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');

export const acronymDefinitions: Refiner<MentionCandidate> = {
  name: 'acronym-definition',
  refine(ctx, candidates) {
    const defined = new Map<string, MentionCandidate>();
    candidates.forEach((c, i) => {
      const prev = candidates[i - 1];
      if (!prev || !ACRONYM.test(c.text)) return;
      const between = ctx.doc.text.slice(prev.end, c.start);
      if (!/^\s*\(\s*$/.test(between)) return;
      const name = prev.canonical ?? prev.text;
      // Guard against "(Reuters)" style bylines: the letters must appear in the name's initials.
      const ini = initials(name);
      if (![...c.text.replace(/\./g, '')].every((ch) => ini.includes(ch) || name.includes(ch))) return;
      defined.set(c.text, prev);
    });
    if (!defined.size) return candidates;
    return candidates.map((c) => {
      const def = defined.get(c.text);
      if (!def) return c;
      return { ...c, type: def.type ?? c.type, canonical: undefined, expansion: def.canonical ?? def.text, rule: `${c.rule}+acronym-definition` };
    });
  },
};
