// Refiner `subject`: the noun phrase a figure measures, with offsets; conflict queries group figures by it.
// Tried in order, first hit wins:
//   linked after by "of": "40 percent of voters", "holds 40 litres of fuel"
//   named before a verb:  "sales plunged by 45%", "a budget that grew to $95 million", "its budget was cut to $80m",
//                         "Revenue for the quarter ended September 30 rose 22%"; a change's object: "reduced deaths by 23%"
//   linked after:         "$4 billion in frozen reserves"
//   linked before:        "a budget of $95 million", "put the cost at $4 million"
//   modified after:       "a $120 million budget", "a 776-foot tower", "789 dealerships", "five engineers"
// Leading determiners and possessives are dropped: "the budget" and "its budget" are both "budget".
import type { Context, Refiner } from '../context';
import type { Token } from '../document/tokens';
import type { Span } from '../factsheet';
import type { FigureCandidate } from './candidate';
import { alternation } from '../text';
import { FIGURE_WORDS, wordSet } from './words';

const MAX_NP = 5;
const LINK_AFTER = /^\s*(?:,\s*)?(?:in|of|for|on|worth\s+of)\s+/i;
const LINK_BEFORE = new Set(['of', 'at']);
const SUBJECT_VERBS = wordSet([
  ...FIGURE_WORDS.subjectVerbs,
  ...FIGURE_WORDS.directions.up,
  ...FIGURE_WORDS.directions.down,
]);
const SUBJECT_LINKS = wordSet(FIGURE_WORDS.subjectLinks);
const SUBJECT_STOP = wordSet(FIGURE_WORDS.subjectStop);
const COMPARISON = wordSet(FIGURE_WORDS.comparisonLinks);
const APPOSITION_LINKS = wordSet(FIGURE_WORDS.appositionLinks);
const OBJECT_CHANGE_VERBS = wordSet(FIGURE_WORDS.objectChangeVerbs);
const PERIOD_WORDS = wordSet(FIGURE_WORDS.periodWords);
/** prepositions of a reporting period between a subject and its verb: "Revenue for the quarter … rose" */
const PERIOD_PREPOSITIONS = wordSet(FIGURE_WORDS.periodPrepositions);

const isNP = (t: Token) =>
  (t.tags.has('Noun') || t.tags.has('Adjective') || t.tags.has('ProperNoun') || t.tags.has('Possessive')) &&
  !t.tags.has('Pronoun') &&
  !t.tags.has('Date') &&
  !t.tags.has('Value');
const DETERMINERS = wordSet(FIGURE_WORDS.determiners);
const isDet = (t: Token) => t.tags.has('Determiner') || DETERMINERS.has(t.normal);

// compromise reads a plural noun after a number as a verb at times ("Five engineers were hurt")
const pluralAsVerb = (t: Token) =>
  t.tags.has('PresentTense') && /[^s]s$/.test(t.normal) && !t.tags.has('Copula') && !t.tags.has('Auxiliary');

const misreadHead = (np: Token[]) => {
  const t = np[np.length - 1];
  return pluralAsVerb(t) || t.tags.has('Imperative');
};

function span(ctx: Context, np: Token[]): Span | null {
  while (np.length && isDet(np[0])) np.shift();
  while (np.length && !np[np.length - 1].tags.has('Noun') && !misreadHead(np)) np.pop();
  if (!np.length || SUBJECT_STOP.has(np[np.length - 1].normal)) return null;
  const start = np[0].start;
  const text = ctx.doc.text.slice(start, np[np.length - 1].end).replace(/['’]s$/, '');
  return { start, end: start + text.length, text };
}

/** the words between two figures of one change: " to ", " from ", ", up ", " or " */
const CONTINUES = new RegExp(`^\\s*,?\\s*(?:(?:${alternation(FIGURE_WORDS.continuations)})\\s+){1,2}$`, 'i');
const CHANGES = wordSet([...FIGURE_WORDS.directions.up, ...FIGURE_WORDS.directions.down]);
/** " votes to Holloway's ", " seats against Labour's ": a rival's tally after one's own */
const TALLY = new RegExp(
  `^\\s+(?:[\\p{L}-]+\\s+){0,2}(?:${alternation(FIGURE_WORDS.tallyLinks)})\\.?\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*)?['’]s\\s+$`,
  'iu',
);

/**
 * the noun phrase starting at `from`; `modifier`: the figure sits between a determiner and this phrase
 * ("a $2bn contract", "a 4.99% rise"), so its first word is a noun whatever compromise read ("contract" as a verb)
 */
function nounPhraseAfter(ctx: Context, from: number, afterCount = false, modifier = false): Span | null {
  const np: Token[] = [];
  const toks = ctx.doc.tokensIn(from, from + 120);
  const first = toks[0];
  if (modifier && first && first.tags.has('Verb') && !first.tags.has('PastTense') && !first.tags.has('Gerund')) {
    // "a 4.99% rise in council tax": a change names what changed after "in" or "of"
    const link = CHANGES.has(first.normal)
      ? /^\s+(?:in|of)\s+/i.exec(ctx.doc.clean.slice(first.end, first.end + 6))
      : null;
    const changed = link ? nounPhraseAfter(ctx, first.end + link[0].length) : null;
    if (changed) return changed;
    if (/[,.;:!?()"“”\n]/.test(first.post) || !toks[1] || !isNP(toks[1]))
      return { start: first.start, end: first.end, text: first.text };
  }
  for (const [i, t] of toks.entries()) {
    if (i === 0 && isDet(t) && !/^(?:no|all|each)$/.test(t.normal)) {
      np.push(t);
      continue;
    }
    if (i === 0 && afterCount && pluralAsVerb(t)) {
      np.push(t);
      t.tags.add('Noun');
      break;
    }
    // "19 of the 27 member states": the number of the whole is not part of its name
    if (t.tags.has('Value') && np.every(isDet) && /^\d/.test(t.text)) continue;
    // "47 flood warnings": compromise reads a noun modifier as a verb before the plural it modifies
    const next = toks[i + 1];
    if (
      afterCount &&
      np.length === 0 &&
      t.tags.has('Verb') &&
      next?.tags.has('Plural') &&
      next.tags.has('Noun') &&
      t.post === ' '
    ) {
      np.push(t);
      continue;
    }
    // "its streaming rights": a gerund modifying the noun after it
    if (
      t.tags.has('Gerund') &&
      next &&
      (next.tags.has('Noun') || pluralAsVerb(next)) &&
      t.post === ' ' &&
      np.length < MAX_NP
    ) {
      np.push(t);
      continue;
    }
    // "for its North American rights": a plural head compromise read as a verb (not the verb after a plural
    // head: "homes lacks", "pupils is")
    const pluralHead = np.length > 0 && np[np.length - 1].tags.has('Plural');
    if (
      np.some((x) => !isDet(x)) &&
      pluralAsVerb(t) &&
      !pluralHead &&
      !t.tags.has('Copula') &&
      !t.tags.has('Auxiliary') &&
      np.length < MAX_NP
    ) {
      np.push(t);
      break;
    }
    if (!isNP(t) || np.length >= MAX_NP) break;
    // an adjective follows no noun inside an English noun phrase ("votes against", read as an adjective), unless
    // it modifies a noun after it ("20 NHS mental health trusts")
    const modifiesNext =
      !!next && next.tags.has('Noun') && !next.tags.has('ProperNoun') && !next.tags.has('Possessive');
    if (
      t.tags.has('Adjective') &&
      !t.tags.has('Noun') &&
      !modifiesNext &&
      np.some((x) => x.tags.has('Noun') && !isDet(x))
    )
      break;
    np.push(t);
    if (/[,.;:!?()"“”\n]/.test(t.post)) break;
  }
  return span(ctx, np);
}

/** the noun phrase ending just before token `j` (inclusive), read backwards */
function nounPhraseBefore(ctx: Context, toks: Token[], j: number, beforeVerb = false): Span | null {
  const np: Token[] = [];
  const ends = (t: Token) => np.length > 0 && /[,.;:\n]/.test(t.post);
  // before a change verb compromise misreads some nouns as verbs: "bonds lost 0.4%", "Oil rose $2" (heads),
  // "House prices rose" (a modifier)
  const misread = (t: Token) =>
    np.length === 0
      ? beforeVerb && (pluralAsVerb(t) || (t.tags.has('Imperative') && /^\p{Lu}/u.test(t.text)))
      : t.tags.has('Imperative');
  while (
    j >= 0 &&
    (isNP(toks[j]) ||
      misread(toks[j]) ||
      (np.length && isDet(toks[j])) ||
      // "operating profit", "housing costs": a gerund modifying the head
      (np.length && toks[j].tags.has('Gerund') && toks[j].post === ' ') ||
      // "pre-tax profit", "year-on-year growth": the first half of a hyphenated modifier
      (np.length && toks[j].post === '-')) &&
    np.length < MAX_NP &&
    !ends(toks[j])
  ) {
    np.unshift(toks[j]);
    const det = isDet(toks[j--]);
    // "shares of the bank", "unemployment in the region": a head noun before "of" or "in" belongs to the phrase
    if (j > 0 && /^(?:of|in)$/.test(toks[j].normal) && toks[j - 1].tags.has('Noun') && !ends(toks[j]))
      np.unshift(toks[j--]);
    else if (det) break;
  }
  return np.length && (np[np.length - 1].tags.has('Noun') || misreadHead(np)) ? span(ctx, np) : null;
}

/** "sales plunged by 45%", "a budget that grew to $95 million", "its budget was cut to $80 million" */
function namedBeforeVerb(ctx: Context, toks: Token[]): Span | null {
  let i = toks.length - 1;
  let verb = false;
  for (let skipped = 0; i >= 0 && skipped < 5; i--, skipped++) {
    const t = toks[i];
    if (/[,.;:\n]/.test(t.post) && skipped > 0) return null;
    // "The storm's cost was put at £250m": once a verb is found, a word read as a noun ("cost") is the head
    if (SUBJECT_VERBS.has(t.normal) && !(verb && t.tags.has('Noun') && !t.tags.has('Verb'))) {
      verb = true;
      continue;
    }
    if (
      SUBJECT_LINKS.has(t.normal) ||
      (verb && (t.tags.has('Adverb') || t.tags.has('Auxiliary') || t.tags.has('Copula')))
    )
      continue;
    break;
  }
  if (!verb) return null;
  const np = nounPhraseBefore(ctx, toks, i, true);
  // "Output during the second half grew 6%": the period is not what grew
  const period = !np || PERIOD_WORDS.has(np.text.split(/\s+/).pop()!.toLowerCase());
  return (period ? beforePeriodPhrase(ctx, toks, i) : null) ?? np;
}

/**
 * "Revenue for the quarter ended September 30 rose 22%": a phrase naming the reporting period stands between the
 * subject and its verb; the subject is the noun phrase before the phrase's preposition.
 */
function beforePeriodPhrase(ctx: Context, toks: Token[], i: number): Span | null {
  let period = false;
  for (let j = i; j > 0 && i - j < 10; j--) {
    const t = toks[j];
    if (/[,.;:\n]/.test(t.post) && j !== i) return null;
    if (PERIOD_WORDS.has(t.normal) || t.tags.has('Date')) period = true;
    if (PERIOD_PREPOSITIONS.has(t.normal)) {
      if (!period) return null;
      // "Imports from China in the third quarter": the head before a phrase of its own
      const np = nounPhraseBefore(ctx, toks, j - 1, true);
      const at = np ? toks.findIndex((x) => x.start === np.start) : -1;
      if (np && at > 1 && toks[at - 1].tags.has('Preposition') && !/[,.;:]/.test(toks[at - 2].post)) {
        const gerund = toks[at - 2].tags.has('Gerund') ? toks[at - 2] : null; // "Spending on defence"
        const head = nounPhraseBefore(ctx, toks, at - 2, true) ?? (gerund && { start: gerund.start });
        if (head) return { start: head.start, end: np.end, text: ctx.doc.text.slice(head.start, np.end) };
      }
      return np;
    }
  }
  return null;
}

/** "The drug reduced deaths by 23 percent", "cut costs and jobs by a tenth": the object of a change verb, before "by" */
function objectOfChange(ctx: Context, toks: Token[]): Span | null {
  const last = toks.length - 1;
  if (last < 2 || toks[last].normal !== 'by' || /[,.;:]/.test(toks[last - 1].post)) return null;
  // (a plural head may read as a verb: "strokes")
  const np = nounPhraseBefore(ctx, toks, last - 1, true);
  if (!np) return null;
  let k = toks.findIndex((t) => t.start === np.start) - 1;
  while (k >= 0 && isDet(toks[k])) k--;
  // "heart attacks and strokes": a coordinated object
  let start = np.start;
  if (k > 0 && toks[k].normal === 'and') {
    const first = nounPhraseBefore(ctx, toks, k - 1);
    if (first) {
      start = first.start;
      k = toks.findIndex((t) => t.start === first.start) - 1;
      while (k >= 0 && isDet(toks[k])) k--;
    }
  }
  if (k < 0 || !OBJECT_CHANGE_VERBS.has(toks[k].normal)) return null;
  return { start, end: np.end, text: ctx.doc.text.slice(start, np.end) };
}

/** "a budget of $95 million", "put the cost at $4 million" */
function linkedBefore(ctx: Context, toks: Token[]): Span | null {
  const last = toks.length - 1;
  if (!toks[last] || !LINK_BEFORE.has(toks[last].normal) || /[,.;:]/.test(toks[last - 1]?.post ?? '')) return null;
  return nounPhraseBefore(ctx, toks, last - 1);
}

/** "The highest gust, 143km/h, was recorded": a figure set off by commas after the noun it measures */
function appositive(ctx: Context, f: FigureCandidate, toks: Token[]): Span | null {
  // "The deal, worth $5 billion, closed", "The house, valued at £2m,": up to two linking words after the comma
  let j = toks.length - 1;
  const lead = toks.length && toks[j].end + toks[j].post.length === f.start ? j : -1;
  while (j >= 0 && j > lead - 2 && APPOSITION_LINKS.has(toks[j].normal) && !/,\s*$/.test(toks[j].post)) j--;
  const last = toks[j];
  if (lead < 0 || !last || !/,\s*$/.test(last.post) || (j === lead && last.end + last.post.length !== f.start))
    return null;
  if (!/^\s*(?:[,;.]|$)/.test(ctx.doc.clean.slice(f.end, f.end + 2))) return null;
  return nounPhraseBefore(ctx, toks, j);
}

export const subjects: Refiner<FigureCandidate> = {
  name: 'subject',
  refine(ctx, figures) {
    // figures whose subject may come from an "in"/"on"/"for" phrase after them ("$183.40 in early trading")
    const placeLinked = new Set<FigureCandidate>();
    for (const f of figures) {
      if (f.kind === 'score' || f.dimension === 'age') continue;
      const before = ctx.doc.tokensIn(Math.max(0, f.start - 80), f.start);
      // "up 27% on the same period": after a change, "on"/"over" names the base compared with, not the subject
      const found = LINK_AFTER.exec(ctx.doc.clean.slice(f.end, f.end + 14));
      const link = found && f.direction && COMPARISON.has(found[0].trim().toLowerCase()) ? null : found;
      // "holds 40 litres of fuel": what the figure is made of beats who holds it
      const linked = link ? nounPhraseAfter(ctx, f.end + link[0].length) : null;
      if (linked && !/\bof\s+$/i.test(link![0])) placeLinked.add(f);
      // "$3.50 a gallon", "$2 per barrel" is a rate: the gallon is not what the money measures
      const modifier = before.length > 0 && isDet(before[before.length - 1]);
      const modified = () =>
        /^[\s-]+\S/.test(ctx.doc.clean.slice(f.end, f.end + 2)) &&
        !/^\s+(?:an?|per)\s/i.test(ctx.doc.clean.slice(f.end, f.end + 5))
          ? nounPhraseAfter(ctx, f.end + 1, true, modifier)
          : null;
      // "The museum holds about 4,000 paintings": a count counts the noun right after it, not who holds them
      const counted = f.kind === 'count' ? modified() : null;
      const named = namedBeforeVerb(ctx, before) ?? objectOfChange(ctx, before);
      f.subject =
        (link && /\bof\s+$/i.test(link[0]) ? linked : null) ??
        counted ??
        named ??
        linked ??
        linkedBefore(ctx, before) ??
        appositive(ctx, f, before) ??
        (f.kind === 'count' ? null : modified());
    }
    // "rose to £31.2m from £24.9m", "rose 6.3% to 845p", "£412m, up 8%": a figure continuing a change measures
    // what the figure before it measured
    const ordered = [...figures].sort((a, b) => a.start - b.start);
    for (let k = 1; k < ordered.length; k++) {
      const f = ordered[k],
        prev = ordered[k - 1];
      // "rose 7 percent to $183.40 in early trading": the change's subject beats a phrase of when or where
      const weak = f.subject && placeLinked.has(f) && f.subject.start > f.end;
      if ((f.subject && !weak) || !prev.subject || f.kind === 'score' || f.start - prev.end > 24) continue;
      const between = ctx.doc.clean.slice(prev.end, f.start);
      if (CONTINUES.test(between) || (f.kind === prev.kind && TALLY.test(between))) f.subject = prev.subject;
    }
    return figures;
  },
};
