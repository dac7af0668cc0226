// Refiner `acronym-definition`: "United Nations (UN)", "the Government Accountability Office (GAO)",
// "the International Astronomical Union, or IAU,": the acronym in brackets (or after ", or") right after a
// name stands for that name, here and everywhere after.
import type { Refiner } from '../context';
import type { MentionCandidate } from './candidate';

const ACRONYM = /^(?:[A-Z][A-Za-z]?){1,}[A-Z]$|^(?:[A-Z]\.){2,}$/;

function isAbbreviationOf(acr: string, name: string): boolean {
  const n = name.toLowerCase(),
    a = acr.toLowerCase();
  if (n[0] !== a[0]) return false;
  let at = 0;
  for (const ch of a) {
    at = n.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

export const acronymDefinitions: Refiner<MentionCandidate> = {
  name: 'acronym-definition',
  refine(ctx, candidates) {
    const defined = new Map<string, MentionCandidate>();
    candidates.forEach((c, i) => {
      const prev = candidates[i - 1];
      if (!prev || !ACRONYM.test(c.text)) return;
      const between = ctx.doc.text.slice(prev.end, c.start);
      const bracket = /^\s*\(\s*$/.test(between);
      // ", or" also offers an alternative ("Voltra, or its rival,"): there the letters must spell the name
      const or = /^,\s+or\s+$/.test(between) && /^\s*[,.;)]/.test(ctx.doc.text.slice(c.end, c.end + 2));
      if (!bracket && !or) return;
      const name = prev.canonical ?? prev.text;
      // Guard against "(AP)"-style credits after a single word: the letters should spell the name,
      // unless the name is a multi-word organisation or place (acronyms of translated names: "German
      // Weather Service (DWD)")
      const multiword = /\s/.test(name) && (prev.type === 'organization' || prev.type === 'place');
      if (!isAbbreviationOf(c.text.replace(/\./g, ''), name) && (!multiword || or)) return;
      defined.set(c.text, prev);
    });
    if (!defined.size) return candidates;
    return candidates.map((c) => {
      const def = defined.get(c.text);
      if (!def) return c;
      return {
        ...c,
        type: def.type ?? c.type,
        canonical: undefined,
        expansion: def.canonical ?? def.text,
        rule: `${c.rule}+acronym-definition`,
      };
    });
  },
};
