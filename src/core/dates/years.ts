// Rule `year`: a bare year ("in 1979", "since 2021", "the 2022 deal"). Four digits alone are a
// year only where the context says so: not "1,979 troops", "$2021", "Boeing 787", "2021-22".
import type { Context, Rule } from '../context';
import { dateCandidate, matches, type DateCandidate } from './candidate';

const YEAR = /(?<![\d,.$£€#/-])(1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|-\d|\/\d|[\p{L}])/gu;
const TEMPORAL_BEFORE = /(?:\b(?:in|since|by|from|until|till|to|of|before|after|during|and|between|through|early|late|mid|year|years|summer|winter|spring|autumn|fall|season|end|start|beginning|as of|circa|c\.|around|—|–|-)\s*|[(,]\s*|^)$/i;
const NOT_A_YEAR_AFTER = /^\s*(?:troops|people|soldiers|jobs|workers|employees|units|cars|planes|aircraft|passengers|votes|seats|points|feet|metres|meters|miles|km|kg|tonnes|tons|dollars|euros|pounds|percent|per\s?cent)\b/i;

export const years: Rule<DateCandidate> = {
  name: 'year',
  find(ctx: Context) {
    const out: DateCandidate[] = [];
    const text = ctx.doc.clean;
    for (const m of matches(ctx, YEAR)) {
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      const after = text.slice(m.index + 4, m.index + 24);
      if (NOT_A_YEAR_AFTER.test(after)) continue;
      const prevWord = /([\p{L}\d]+)[^\p{L}\d]*$/u.exec(before)?.[1] ?? '';
      // "Boeing 787", "Airbus 2000": a capitalised name right before the number makes it a model
      if (/^\p{Lu}/u.test(prevWord) && !TEMPORAL_BEFORE.test(before) && !/^(?:January|February|March|April|May|June|July|August|September|October|November|December|Q[1-4])$/.test(prevWord)) continue;
      const y = +m[1];
      if (y > 2100) continue;
      out.push(dateCandidate(ctx, m.index, m.index + 4, 'date', m[1], 'year'));
    }
    return out;
  },
};

/** Rule `decade`: "the 1990s" → 199, "the '90s" → 199, "the 2000s" → 200. */
const DECADE = /\b(?:(1[5-9]\d|20\d)0s|['’](\d)0s)\b/g;
export const decades: Rule<DateCandidate> = {
  name: 'decade',
  find(ctx) {
    const out: DateCandidate[] = [];
    for (const m of matches(ctx, DECADE)) {
      const value = m[1] ?? (+m[2] >= 3 ? `19${m[2]}` : `20${m[2]}`);
      out.push(dateCandidate(ctx, m.index, m.index + m[0].length, 'date', value, 'decade'));
    }
    return out;
  },
};
