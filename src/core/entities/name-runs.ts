// Rule `name-run`: runs of capitalised tokens in body text, split at titles ("Foreign Minister
// Rosa Ibáñez" → role + person), stripped of possessives, typed by classify().
import type { Context, Rule } from '../context';
import type { Token } from '../document/tokens';
import { lexicons } from '../lexicons';
import type { MentionCandidate } from './candidate';
import { orgCue, personCue, thingCue } from './person-cues';
import { classify, isCommonWord, isGivenName, lexiconKnows, personShape } from './classify';
import {
  CONNECTORS,
  FOR_HEADS,
  PLACE_PREFIXES,
  OTHER_PREFIXES,
  COUNTRY_NAMES,
  KEEPS_FINAL_DOT,
  ORG_NOUNS,
  PLACE_PREPOSITION_BEFORE,
  LATIN_EPITHET,
  NON_NAME_TAGS,
  TRAILING_AFFIX,
  WEAK_REASONS,
  CREDIT_LABELS,
  HONORIFICS,
  INTERJECTIONS,
  isGivenNameWord,
  knownName,
  lowerTitleBefore,
  NEVER_NAMES,
  ORG_HEADS,
  PLACE_HEADS,
  stripPossessive,
  TITLE_APPOSITION,
  TITLE_MODIFIERS,
  TITLES_BY_FIRST,
  UNIT_SYMBOLS,
  isCity,
  isStateTitle,
} from './words';

/** "the broadcaster Anna Lim": organisation nouns that also name what a person does */
const OCCUPATION_ORG_NOUNS = new Set(lexicons.entityWords.occupationOrgNouns);
const BREAK_AFTER = /[,;:.!?()[\]"“”‘’«»—–]|\n|\s-\s/;
const BREAK_BEFORE = /[([\]"“‘«]/;

/** Types read from a name's shape or compromise's guess, which evidence in the text overrides. */
export { WEAK_REASONS };

/** "2-1", "3–0": a match score (not a range of years or a date) */
const SCORE = /(?:^|[\s(])\d{1,2}\s?[-–]\s?\d{1,2}(?=[\s,.;)]|$)/;

export const isCapitalised = (t: Token): boolean => /^[\p{Lu}]/u.test(t.text);
const isPossessive = (t: Token) => /(?:['’]s|s['’])$/u.test(t.text) || /^['’]s?\b/.test(t.post);
const isCalendarWord = (t: Token) => (t.tags.has('Month') || t.tags.has('WeekDay')) && !knownName(t.text);
/** "Jan van der Berg", "April Ryan": a month that is a given name, before a name and not a number. */
const monthAsGivenName = (t: Token, next: Token | undefined) =>
  t.tags.has('Month') &&
  !!next &&
  /^\s+$/.test(t.post) &&
  ((isGivenNameWord(t.text) && isCapitalised(next)) || (CONNECTORS.has(next.normal) && next.normal !== 'of')) &&
  !next.tags.has('Month') &&
  !next.tags.has('Date');
/** "Graham P. Whitfield": a middle initial's full stop does not end the name it sits inside. */
const initialDot = (t: Token, next: Token | undefined) =>
  /^\p{Lu}\.?$/u.test(t.text) &&
  /^\.?\s+$/.test(t.post) &&
  /\.$/.test(t.text + t.post.trim()) &&
  !!next &&
  /^\p{Lu}\p{Ll}/u.test(next.text);
/** "I'm", "We'll", "They've": a pronoun with its verb, capitalised at a sentence start. */
const isContraction = (t: Token) => {
  const m = /^(\p{L}+)['’]\p{L}{1,2}$/u.exec(t.text);
  return !!m && NEVER_NAMES.has(m[1].toLowerCase());
};
/** "Image:", "Photo:": the label of a credit or caption. */
const isCreditLabel = (t: Token) => CREDIT_LABELS.has(t.normal) && /^\s*:/.test(t.post);
/** "d'Ettorre", "l'Aquila": an elided particle before a capitalised name. */
const isElidedParticle = (t: Token) => /^[dl]['’]\p{Lu}/u.test(t.text);
const isNameToken = (t: Token | undefined): t is Token =>
  !!t &&
  (isCapitalised(t) || isElidedParticle(t)) &&
  t.text !== 'I' &&
  !isCalendarWord(t) &&
  !/[$€£¥#%]/.test(t.text) &&
  !isContraction(t) &&
  !isCreditLabel(t);
/** "Wai-ching", "Jong-un": the lower-case part of a hyphenated given name continues the name. */
const continuesHyphen = (prev: Token | undefined, t: Token) =>
  !!prev && prev.post === '-' && /^\p{Ll}+$/u.test(t.text) && isCapitalised(prev);

export function titleAt(tokens: Token[], i: number): number {
  const n = oneTitleAt(tokens, i);
  // "Lt. Gen. Mark Hertling", "Det. Insp. Clara Holm": ranks stack, and all of them are the title
  if (n > 0 && i + n < tokens.length && !BREAK_AFTER.test(tokens[i + n - 1].post)) {
    const more = oneTitleAt(tokens, i + n);
    if (more > 0 && !HONORIFICS.has(tokens[i + n].normal.replace(/\./g, ''))) return n + more;
  }
  return n;
}

function oneTitleAt(tokens: Token[], i: number): number {
  // returns how many tokens from i form a title (modifiers* head), 0 if none; modifiers may
  // themselves start a title ("Chief Executive"), so every split point is tried, longest first
  let jmax = i;
  while (jmax < tokens.length && TITLE_MODIFIERS.has(tokens[jmax].normal) && !BREAK_AFTER.test(tokens[jmax].post))
    jmax++;
  for (let j = jmax; j >= i; j--) {
    if (j >= tokens.length) continue;
    for (const title of TITLES_BY_FIRST.get(tokens[j].normal.replace(/\./g, '')) ?? []) {
      if (j + title.length > tokens.length) continue;
      // (the title's last word may carry a possessive: "the Secretary of State's office")
      if (title.every((w, k) => tokens[j + k].normal.replace(/\./g, '').replace(/['’]s$/, '') === w))
        return j + title.length - i;
    }
  }
  const honorific = tokens[i] && HONORIFICS.has(tokens[i].normal.replace(/\./g, ''));
  return honorific ? 1 : 0;
}

export function sentenceInitial(ctx: Context, tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const s = ctx.doc.sentenceOf(t.start);
  // a sentence start, after a list bullet or an opening quote
  if (s !== null && /^[\s\-*•–—▪◦\d.)("“‘']*$/.test(ctx.doc.text.slice(ctx.doc.sentences[s].start, t.start)))
    return true;
  const prev = tokens[i - 1];
  if (!prev) return true;
  return /[“"‘:—–]\s*$/.test(prev.post) || /[.!?]["”’]?\s*$/.test(prev.post) || /\n/.test(prev.post);
}

/** "flavus", "lutea", "sapiens": a lower-case Latin epithet that English does not know. */
const isGenus = (t: Token) => /^\p{Lu}\p{Ll}{2,}$/u.test(t.text) && !NEVER_NAMES.has(t.normal);
const isEpithet = (t: Token | undefined) =>
  !!t && LATIN_EPITHET.test(t.text) && !isCommonWord(t.text) && !t.tags.has('Verb') && !lexiconKnows(t.normal);

function flush(ctx: Context, run: Token[], firstIndex: number, all: Token[], out: MentionCandidate[]) {
  let toks = run.slice();
  const after = all[firstIndex + run.length];
  // "Co-author", "Anti-war": a capitalised prefix of a lower-case compound noun ("EADS-led" keeps its name)
  if (
    run.length === 1 &&
    run[0].post === '-' &&
    /^\p{Ll}/u.test(after?.text ?? '') &&
    !after.tags.has('Verb') &&
    !TRAILING_AFFIX.test('-' + after.text)
  )
    return;
  // "Lasius flavus", "Homo sapiens": a genus and its species name a kind of living thing (type other)
  if (
    run.length === 1 &&
    isGenus(run[0]) &&
    /^\s$/.test(run[0].post) &&
    !isPossessive(run[0]) &&
    isEpithet(after) &&
    !knownName(run[0].text) &&
    !isGivenName(run[0]) &&
    !isGivenNameWord(run[0].text) &&
    !run[0].tags.has('Person') &&
    !run[0].tags.has('Place')
  ) {
    out.push({
      start: run[0].start,
      end: after.end,
      text: ctx.doc.text.slice(run[0].start, after.end),
      type: 'other',
      rule: 'name-run/species',
    });
    return;
  }
  while (toks.length && (CONNECTORS.has(toks[toks.length - 1].normal) || toks[toks.length - 1].normal === 'the'))
    toks.pop();
  // "Norlandair Flight 212": the flight number is not part of the airline's name
  if (
    toks.length > 1 &&
    /^(?:Flight|Route|No)$/.test(toks[toks.length - 1].text) &&
    /^\s*\d/.test(ctx.doc.clean.slice(toks[toks.length - 1].end, toks[toks.length - 1].end + 3))
  )
    toks.pop();
  toks = dropLeadingNonNames(ctx, toks, run, firstIndex, all);
  if (!toks.length) return;
  // "Troy Patterson of Slate Magazine", "Mira Castell of the Harbour Greens": a person, then where they belong
  const of = toks.findIndex((t, k) => k >= 2 && t.normal === 'of');
  if (
    of > 0 &&
    of < toks.length - 1 &&
    personShape(toks.slice(0, of)) &&
    !knownName(ctx.doc.text.slice(toks[0].start, toks[toks.length - 1].end))
  ) {
    emit(ctx, toks.slice(0, of), out);
    emit(
      ctx,
      toks.slice(of + 1).filter((t, k) => !(k === 0 && t.normal === 'the')),
      out,
    );
    return;
  }
  // "Independent Nora Vail", "Pro-reform Chan Ka-wing": a describing word before a full personal name;
  // "Reuters Dana Okoro": an organisation before one (a credit)
  const at = toks.length > 2 && continuesHyphen(toks[0], toks[1]) ? 2 : 1;
  if (
    toks.length > at + 1 &&
    toks[at - 1].post !== '-' &&
    !titleAt(toks, 0) &&
    !isGivenName(toks[0]) &&
    personShape(toks.slice(at))
  ) {
    const head = toks.slice(0, at),
      headText = ctx.doc.text.slice(head[0].start, head[at - 1].end);
    const known = knownName(headText);
    const describing =
      !known &&
      (at === 2 ||
        isCommonWord(headText) ||
        toks[0].tags.has('Adjective') ||
        (toks[0] === run[0] &&
          sentenceInitial(ctx, all, firstIndex) &&
          personShape(toks.slice(at), { unknownWords: false })));
    if (describing || known?.type === 'organization') {
      if (known) emit(ctx, head, out);
      emit(ctx, toks.slice(at), out);
      return;
    }
  }
  const lastWord = stripPossessive(toks[toks.length - 1].text)
    .replace(/\.$/, '')
    .toLowerCase();
  // "Dr Anna Berg of Oslo University": a title opening the run, a name, then "of" and an organisation is a
  // person and where they belong, not one organisation's name; "CEO of Norvale Rail Systems": a title and
  // its affiliation, no name at all
  // (a royal or state title before "of" often names an institution: "Prince of Wales Hospital", "Queen of Peace Church")
  const n0 = titleAt(toks, 0);
  const opensAt =
    n0 > 0 &&
    isStateTitle(
      toks
        .slice(0, n0)
        .map((t) => t.normal)
        .join(' '),
    )
      ? n0 + 1
      : n0;
  const titledThenOf = n0 > 0 && toks.some((t, k) => k >= opensAt && t.normal === 'of');
  const isOrgName = toks.length > 1 && ORG_HEADS.has(lastWord) && !titledThenOf;
  if (!isOrgName) {
    for (let i = 0; i < toks.length; i++) {
      const n = titleAt(toks, i);
      if (!n) continue;
      splitAtTitle(ctx, toks, i, n, out);
      return;
    }
  }
  emit(ctx, toks, out);
}

/** Words that open a run without belonging to the name: "The", "However", a sentence-initial common word. */
function dropLeadingNonNames(ctx: Context, toks: Token[], run: Token[], firstIndex: number, all: Token[]): Token[] {
  while (toks.length) {
    const t = toks[0];
    // "512 GB of storage", "a 40 MW wind farm": a unit's symbol right after a number measures it
    // (not "1101 K Street", "in 2019 MP Jess Phillips": a one-letter symbol, a capitalised word after it or a year
    // before it make it part of a name)
    const before = all[firstIndex - 1];
    const nextWord = all[firstIndex + 1];
    if (
      UNIT_SYMBOLS.has(t.text) &&
      t.text.length > 1 &&
      before &&
      /\d$/.test(before.text) &&
      !/^(?:1[5-9]|20)\d\d$/.test(before.text) &&
      /^\s*$/.test(before.post) &&
      !(nextWord && toks.length > 1 && isCapitalised(nextWord))
    ) {
      toks = toks.slice(1);
      firstIndex++;
      continue;
    }
    if (INTERJECTIONS.has(t.normal)) {
      toks = toks.slice(1);
      firstIndex++;
      continue;
    } // "Hey Marta"
    // "Distributor Neon bought …": a common noun of organisations opening a sentence describes the name after it
    if (
      toks.length > 1 &&
      ORG_NOUNS.has(t.normal) &&
      !ORG_HEADS.has(t.normal) &&
      t === run[0] &&
      sentenceInitial(ctx, all, firstIndex)
    ) {
      toks = toks.slice(1);
      firstIndex++;
      continue;
    }
    if (t.post === '-' && toks[1] && isCapitalised(toks[1])) break; // "Jean-Marie": the first half of a name
    if (titleAt(toks, 0)) break; // a title opens the run: "Secretary of the Navy Dana Whitford"
    // "Storm Ciara", "River Severn", "Mount Kenya": the common word says what kind of name follows
    if (toks.length > 1 && (PLACE_PREFIXES.has(t.normal) || OTHER_PREFIXES.has(t.normal))) break;
    const initial = t === run[0] && sentenceInitial(ctx, all, firstIndex);
    // "Harbour Rail cancelled …": a word the tagger read as an imperative opens a name when a capitalised noun and
    // then a finite verb follow — an imperative takes an object ("Harbour the ships"), not a verb
    const after = all[firstIndex + toks.length];
    if (
      initial &&
      toks.length >= 2 &&
      t.tags.has('Verb') &&
      !t.tags.has('PastTense') &&
      !t.tags.has('Gerund') &&
      !NEVER_NAMES.has(t.normal) &&
      toks[1].tags.has('Noun') &&
      /^\s+$/.test(t.post) &&
      after?.tags.has('Verb') &&
      (after.tags.has('PastTense') || after.tags.has('PresentTense')) &&
      !after.tags.has('Gerund') &&
      /^\s+$/.test(toks[toks.length - 1].post)
    )
      break;
    const bare = t.text.toLowerCase();
    if (/^\p{Lu}{2,}$/u.test(t.text) && knownName(t.text)) break; // "US" is not "us"
    if (NEVER_NAMES.has(bare) && toks.length === 1) {
      toks = [];
      break;
    }
    // a common word alone is not a name, but it can open one: "Air Canada", "Royal Air Force"
    const common =
      NEVER_NAMES.has(bare) ||
      (isCommonWord(t.text) && toks.length === 1) ||
      NON_NAME_TAGS.some(
        (g) => t.tags.has(g) && !t.tags.has('ProperNoun') && !t.tags.has('Person') && !t.tags.has('Place'),
      );
    // an unknown word alone at a sentence start is a name unless English knows it ("Northwind" yes, "Protesters" no)
    const lonelyCommon =
      initial &&
      toks.length === 1 &&
      !knownName(stripPossessive(t.text)) &&
      !t.tags.has('ProperNoun') &&
      !t.tags.has('Person') &&
      !t.tags.has('Place') &&
      !t.tags.has('Organization') &&
      !t.tags.has('Acronym') &&
      (isCommonWord(t.text) ||
        t.tags.has('Plural') ||
        !t.tags.has('Noun') ||
        modifiesNextNoun(all, firstIndex, ctx.doc.blockOf(t.start)?.type === 'list-item')) &&
      !TITLE_APPOSITION.test(ctx.doc.clean.slice(t.end, t.end + 80));
    // an organisation head word opening a longer run names it: "Air Canada", "Bank of Ghana";
    // a common noun before "of" does not: "Shares of Voltra" is about Voltra
    // "Met Office", "Open University": a short run that ends in an organisation head names it whole
    const opensOrgName =
      toks.length > 1 &&
      (ORG_HEADS.has(bare) ||
        (toks.length <= 3 &&
          ORG_HEADS.has(stripPossessive(toks[toks.length - 1].text).toLowerCase()) &&
          !NEVER_NAMES.has(bare) &&
          t.normal !== 'the'));
    if (
      initial &&
      !opensOrgName &&
      toks[1]?.normal === 'of' &&
      (isCommonWord(t.text) || t.tags.has('Plural')) &&
      !knownName(t.text)
    ) {
      toks = toks.slice(2);
      firstIndex += 2;
      continue;
    }
    // the text capitalises it mid-sentence elsewhere ("… Arif Santoso …. Santoso told reporters")
    const confirmed = !NEVER_NAMES.has(bare) && namesInText(ctx).has(stripPossessive(t.text));
    if (
      (initial || t.normal === 'the') &&
      !knownName(stripPossessive(t.text)) &&
      !opensOrgName &&
      !confirmed &&
      (common || lonelyCommon)
    ) {
      toks = toks.slice(1);
      firstIndex++;
      continue;
    }
    if (t.normal === 'the' || (CONNECTORS.has(t.normal) && !isCapitalised(t) && !opensWithParticle(ctx, t, toks[1]))) {
      toks = toks.slice(1);
      firstIndex++;
      continue;
    }
    break;
  }
  return toks;
}

/** A title inside a run: what precedes it, the person it introduces, and an "of …" affiliation. */
function splitAtTitle(ctx: Context, toks: Token[], i: number, n: number, out: MentionCandidate[]): void {
  const before = toks.slice(0, i),
    after = toks.slice(i + n);
  if (before.length) emit(ctx, before, out);
  const title = toks.slice(i, i + n);
  // "Dr", "Mr", "Prof": an honorific says a person, not a role; a title before it still counts ("meteorologist Dr …")
  if (
    n === 1 &&
    HONORIFICS.has(title[0].normal.replace(/\./g, '')) &&
    !TITLES_BY_FIRST.has(title[0].normal.replace(/\./g, ''))
  ) {
    const of = after.findIndex((t, k) => k > 0 && t.normal === 'of');
    const name = of > 0 && of < after.length - 1 ? after.slice(0, of) : after;
    // "Mr. President": a title after the honorific addresses someone without naming them
    if (name.length && titleAt(name, 0) === name.length) return;
    if (name.length) emit(ctx, name, out, undefined, title[0].start);
    if (name !== after)
      emit(
        ctx,
        after.slice(of + 1).filter((t, k) => !(k === 0 && t.normal === 'the')),
        out,
      );
    return;
  }
  const role = {
    title: ctx.doc.text.slice(title[0].start, title[title.length - 1].end).replace(/\.$/, ''),
    start: title[0].start,
    end: title[title.length - 1].end,
    of: null,
  };
  // "Secretary of the Navy Dana Whitford": affiliation first, the name at the end
  let given = after.findIndex((t, k) => k > 1 && isGivenName(t));
  // no known given name: the affiliation ends at its head word ("… Harbour District Elena Ruiz")
  if (given < 0 && after[0]?.normal === 'of') {
    const head = after.findLastIndex(
      (t, k) => k > 1 && k < after.length - 1 && (ORG_HEADS.has(t.normal) || PLACE_HEADS.has(t.normal)),
    );
    if (head > 0 && after.length - head - 1 <= 3) given = head + 1;
  }
  if (after.length && after[0].normal === 'of' && given > 1) {
    const org = after.slice(1, given).filter((t, k) => !(k === 0 && t.normal === 'the'));
    if (org.length) emit(ctx, org, out, undefined, undefined, true);
    emit(ctx, after.slice(given), out, {
      ...role,
      of: stripPossessive(ctx.doc.text.slice(org[0].start, org[org.length - 1].end)),
    });
    return;
  }
  // "Mayor Ana Costa of Lima": the name ends at "of"; what follows is the affiliation
  const of = after.findIndex((t, k) => k > 0 && t.normal === 'of');
  if (of > 0 && of < after.length - 1) {
    const place = after.slice(of + 1).filter((t, k) => !(k === 0 && t.normal === 'the'));
    emit(ctx, after.slice(0, of), out, {
      ...role,
      of: stripPossessive(ctx.doc.text.slice(place[0].start, place[place.length - 1].end)),
    });
    emit(ctx, place, out);
    return;
  }
  // "CEO of Norvale Rail Systems": no name follows the title, only its affiliation
  if (after[0]?.normal === 'of') {
    emit(ctx, after, out, undefined, undefined, true);
    return;
  }
  if (after.length) emit(ctx, after, out, role);
}

/**
 * `honorific`: where an honorific before the name starts ("Dr Kenji Watanabe"): the name is a person's.
 * `affiliation`: the name is what a title or a person belongs to ("Secretary of the Navy Dana Whitford"), so not a
 * person, whatever compromise made of the run it read as one name.
 */
function emit(
  ctx: Context,
  toks: Token[],
  out: MentionCandidate[],
  role?: MentionCandidate['role'],
  honorific?: number,
  affiliation = false,
) {
  // "of the" left over from a title split; a surname's particle stays ("del Pozo Cruz")
  while (toks.length && !isCapitalised(toks[0]) && !opensWithParticle(ctx, toks[0], toks[1])) toks = toks.slice(1);
  if (!toks.length) return;
  if (givenNamesTaken(ctx).has(toks[0].start)) return; // "Austen, [Jane]": the given name of the name before
  // "Mr. President", "Thank you, Minister": a title alone addresses someone without naming them
  if (role && titleAt(toks, 0) === toks.length) return;
  const start = toks[0].start;
  let text = ctx.doc.text.slice(start, toks[toks.length - 1].end);
  text = stripPossessive(text)
    .replace(TRAILING_AFFIX, '')
    .replace(/[.,;:]+$/, (m) => (KEEPS_FINAL_DOT.test(text) ? m : ''));
  if (!text || !/\p{Lu}/u.test(text)) return;
  const c = classify(toks, text, ctx.doc.tokenAt(start + text.length + 1));
  // a dateline: "SAN JOSE, California (Wire) —" opens a paragraph with a place in capitals
  // "BRUSSELS (Reuters) —": one word in capitals too, when an agency in brackets and a dash follow it
  const dateline =
    /^\s*(?:,|\()/.test(ctx.doc.clean.slice(start + text.length, start + text.length + 3)) &&
    (/\s/.test(text) ||
      /^\s*\([^()\n]{2,40}\)\s*[-–—]/.test(ctx.doc.clean.slice(start + text.length, start + text.length + 50)));
  if (/^[\p{Lu}][\p{Lu} .'-]+$/u.test(text) && dateline && ctx.doc.blockOf(start)?.start === start) {
    c.type = 'place';
    c.reason = 'dateline';
  }
  // "Castleford City beat Ashby Town 2-1": a team named after its town, in a sentence that gives a score
  if (
    !role &&
    (c.reason === 'place-head' || c.reason === 'city' || (c.reason === 'compromise' && c.type === 'place')) &&
    /\s/.test(text)
  ) {
    const s = ctx.doc.sentenceOf(start);
    const sentence = s === null ? '' : ctx.doc.clean.slice(ctx.doc.sentences[s].start, ctx.doc.sentences[s].end);
    if (SCORE.test(sentence)) {
      c.type = 'organization';
      c.reason = 'team-with-score';
    }
  }
  if (!role && (c.reason === 'name-shape' || c.reason === 'unknown' || c.reason === 'common-word')) {
    const cue = orgCue(ctx, start, start + text.length);
    // "the broadcaster Anna Lim", "Arthur Miller's play": a given name and a surname outweigh a noun or a possessive
    const before = ctx.doc.tokensIn(Math.max(0, start - 30), start).pop();
    const occupation = !!before && (before.tags.has('Actor') || OCCUPATION_ORG_NOUNS.has(before.normal));
    const given = /\s/.test(text) && isGivenNameWord(text.split(/\s+/)[0]) && occupation;
    if (cue && !(given && (cue === 'org-noun-before' || cue === 'possessive-of-person'))) {
      c.type = 'organization';
      c.reason = cue;
    }
  }
  if (!role && c.reason !== 'lexicon' && thingCue(ctx, start)) {
    c.type = 'other';
    c.reason = 'thing-noun-before';
  }
  // "Austen, Jane. Pride and Prejudice", "Marx, Karl and Engels, Friedrich": a surname, then its given name
  const inverted = /^,\s+(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}+)?(?=\s*(?:[.;)]|\s+and\s|$))/u.exec(
    ctx.doc.clean.slice(start + text.length, start + text.length + 40),
  );
  if (
    !role &&
    !/\s/.test(text) &&
    inverted &&
    isGivenNameWord(inverted[1]) &&
    !knownName(inverted[1]) &&
    !COUNTRY_NAMES.has(c.canonical ?? '')
  ) {
    c.type = 'person';
    c.reason = 'inverted-name';
    c.canonical = undefined;
    givenNamesTaken(ctx).add(start + text.length + inverted[0].indexOf(inverted[1]));
  }
  if (!role && (!c.type || WEAK_REASONS.has(c.reason))) {
    const cue = personCue(ctx, start, start + text.length);
    if (cue) {
      c.type = 'person';
      c.reason = cue;
    }
  }
  if (honorific !== undefined && c.reason !== 'lexicon') {
    c.type = 'person';
    c.reason = 'honorific';
  }
  if (!role && (!c.type || c.reason === 'unknown' || c.type === 'person')) {
    // "analyst Omar Whitlow", "vice president Kenji Aramaki": a lower-case title right before
    // "its artistic director, Tricia Tuttle,", "Poland's deputy interior minister, Maciej Duszczyk,": a title in
    // apposition before the name, closed by a comma after it
    const appositive = /,\s*$/.exec(ctx.doc.clean.slice(Math.max(0, start - 3), start));
    const closed = /^\s*,/.test(ctx.doc.clean.slice(start + text.length, start + text.length + 3));
    const t =
      lowerTitleBefore(ctx.doc.clean, honorific ?? start) ??
      (honorific === undefined && appositive && closed
        ? titleEndingAt(ctx.doc.clean, start - appositive[0].length)
        : null);
    if (t) {
      c.type = 'person';
      c.reason = 'title-before';
      role = { title: t.text, start: t.start, end: t.start + t.text.length, of: null };
    }
  }
  // "in Capel Curig", "near Frankwell": an unknown name after a preposition of location, with no other evidence
  if (
    !role &&
    (!c.type || c.reason === 'unknown') &&
    !/^\s*\d/.test(ctx.doc.clean.slice(start + text.length, start + text.length + 3)) &&
    !TITLE_APPOSITION.test(ctx.doc.clean.slice(start + text.length, start + text.length + 80)) &&
    PLACE_PREPOSITION_BEFORE.test(ctx.doc.clean.slice(Math.max(0, start - 10), start)) &&
    // one unknown word after "in" is as often a company ("a stake in Voltrane"): it needs two words or "near"
    (/\s/.test(text) || !/\bin\s+$/.test(ctx.doc.clean.slice(Math.max(0, start - 4), start)))
  ) {
    c.type = 'place';
    c.reason = 'place-preposition';
  }
  if (!c.type && TITLE_APPOSITION.test(ctx.doc.clean.slice(start + text.length, start + text.length + 80))) {
    c.type = 'person';
    c.reason = 'apposition';
  }
  // “Carmen”, "Barber of Seville": a name alone inside quotation marks is the title of a work
  if (
    !role &&
    honorific === undefined &&
    c.reason !== 'lexicon' &&
    /[“"‘]$/.test(ctx.doc.clean.slice(Math.max(0, start - 1), start)) &&
    /^,?[”"’]/.test(ctx.doc.clean.slice(start + text.length, start + text.length + 2))
  ) {
    c.type = 'other';
    c.reason = 'quoted-title';
  }
  if (affiliation && c.type === 'person' && WEAK_REASONS.has(c.reason)) {
    c.type = 'organization';
    c.reason = 'affiliation';
  }
  out.push({
    start,
    end: start + text.length,
    text,
    type: role && c.reason !== 'lexicon' && c.reason !== 'org-head' ? 'person' : c.type,
    canonical: c.canonical,
    role,
    rule: `name-run/${c.reason}`,
  });
}

/** A lower-case title whose last word ends at `at` ("its artistic director|, Tricia Tuttle"). */
function titleEndingAt(text: string, at: number): { text: string; start: number } | null {
  const base = Math.max(0, at - 60);
  const t = lowerTitleBefore(text.slice(base, at) + ' ', at - base + 1);
  return t && { text: t.text, start: t.start + base };
}

export const nameRuns: Rule<MentionCandidate> = {
  name: 'name-run',
  find(ctx) {
    const out: MentionCandidate[] = [];
    for (const b of ctx.doc.blocks) {
      if (b.type === 'title' || b.type === 'heading') continue;
      const toks = ctx.doc.tokensIn(b.start, b.end);
      let run: Token[] = [],
        first = 0;
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i];
        // "… in the U.S. Later …": an abbreviation's dot can end the sentence, and the name with it
        const prev = run[run.length - 1];
        if (
          prev &&
          /\.$/.test(prev.text) &&
          (NEVER_NAMES.has(t.normal) || ctx.doc.sentenceOf(t.start) !== ctx.doc.sentenceOf(prev.start))
        ) {
          flush(ctx, run, first, toks, out);
          run = [];
        }
        if (
          (isNameToken(t) ||
            (!run.length && (monthAsGivenName(t, toks[i + 1]) || opensWithParticle(ctx, t, toks[i + 1])))) &&
          !(run.length && BREAK_BEFORE.test(t.pre))
        ) {
          if (!run.length) first = i;
          run.push(t);
        } else if (
          (run.length > 1 && continuesHyphen(run[run.length - 1], t)) ||
          // "Ji-ho Park", "Sung-min Cho": a hyphenated given name opens the run, a surname follows
          (run.length === 1 &&
            continuesHyphen(run[0], t) &&
            /^\s+$/.test(t.post) &&
            isNameToken(toks[i + 1]) &&
            !lexiconKnows(t.normal) &&
            !isCommonWord(t.text) &&
            // "Pro-reform Leo Hartmann": a given name after it makes the hyphenated word a description
            !isGivenName(toks[i + 1]) &&
            !isGivenNameWord(toks[i + 1].text))
        ) {
          // a given name's second half ("Lo Mei-ling"); a run's first word is not one ("Co-author")
          run.push(t);
        } else if (
          run.length &&
          !BREAK_AFTER.test(t.post) &&
          ((CONNECTORS.has(t.normal) &&
            (isNameToken(toks[i + 1]) ||
              (toks[i + 1]?.normal === 'the' && isNameToken(toks[i + 2])) ||
              // "von der Leyen", "van der Merwe": two particles
              (CONNECTORS.has(toks[i + 1]?.normal ?? '') &&
                !/[,;:.]/.test(toks[i + 1].post) &&
                isNameToken(toks[i + 2])))) ||
            // "Office for National Statistics", "Society for the Protection of Birds": "for" after an institution's head
            (t.normal === 'for' &&
              FOR_HEADS.has(run[run.length - 1].normal) &&
              isCapitalised(run[run.length - 1]) &&
              !isGivenNameWord(toks[i + 1]?.text ?? '') && // "asked the Court for Ana Ruiz to be freed"
              (isNameToken(toks[i + 1]) || (toks[i + 1]?.normal === 'the' && isNameToken(toks[i + 2])))) ||
            (t.normal === 'the' && /^(?:of|for)$/.test(run[run.length - 1].normal) && isNameToken(toks[i + 1])) ||
            (t.normal === 'and' && andJoinsHeadedName(ctx, run, toks, i)))
        ) {
          run.push(t);
        } else if (run.length) {
          flush(ctx, run, first, toks, out);
          run = [];
          if (isNameToken(t)) {
            first = i;
            run.push(t);
          }
        }
        // "Dr. Rajesh Iyer": an honorific's dot does not end the name it opens
        const honorificDot =
          (HONORIFICS.has(t.normal) && /^\.\s+$/.test(t.post) && isNameToken(toks[i + 1])) ||
          (run.length > 1 && initialDot(t, toks[i + 1]));
        const inside = isPossessive(t) && possessiveInsideName(run, toks, i);
        if (
          run.length &&
          !honorificDot &&
          (BREAK_AFTER.test(t.post) || (isPossessive(t) && !inside) || TRAILING_AFFIX.test(t.text))
        ) {
          flush(ctx, run, first, toks, out);
          run = [];
        }
      }
      if (run.length) flush(ctx, run, first, toks, out);
    }
    return out;
  },
};

/**
 * "Museum of Arts and Crafts", "Harbour Tiles and Glass Works": "and" inside one name, when
 * the words after it end in a head word and the words before it name nothing on their own.
 */
function andJoinsHeadedName(ctx: Context, run: Token[], toks: Token[], i: number): boolean {
  let j = i + 1;
  // (an acronym in brackets after the name is not part of it: "Securities and Exchange Commission (SEC)")
  while (j < toks.length && isNameToken(toks[j]) && !(j > i + 1 && BREAK_BEFORE.test(toks[j].pre)) && j - i < 5) {
    if (BREAK_AFTER.test(toks[j].post)) {
      j++;
      break;
    }
    j++;
  }
  const last = toks[j - 1];
  if (j - 1 <= i + 1 || !isNameToken(last)) return false;
  const head = last.text.toLowerCase(),
    ownHead = run[run.length - 1].text.toLowerCase();
  if (ownHead === head) return false; // "Kestrel Airlines and Veltro Airlines": two names of one kind
  if (!ORG_HEADS.has(head) && !PLACE_HEADS.has(head)) return false;
  const before = ctx.doc.text.slice(run[0].start, run[run.length - 1].end);
  // "Northwind Europe and Martin Air": a place ending the first name, a given name opening the second
  if (knownName(run[run.length - 1].text) || isGivenName(toks[i + 1]) || isGivenNameWord(toks[i + 1].text))
    return false;
  return (
    run.length <= 4 &&
    !knownName(before) &&
    !knownName(toks[i + 1].text) &&
    !personShape(run) &&
    !run.some((t) => {
      const k = knownName(t.text);
      return k && k.type !== 'place';
    })
  );
}

/**
 * "Alzheimer's Research UK", "Children's Hospital Trust": a possessive inside one name — one unknown word owns a
 * common word or two that end in an organisation head or a country's initials ("Poland's Foreign Ministry" stays
 * two names: Poland is known; "Ana's Café" is a person's).
 */
function possessiveInsideName(run: Token[], toks: Token[], i: number): boolean {
  const t = toks[i];
  if (run.length !== 1 || run[0] !== t || !/^\s+$/.test(t.post) || BREAK_AFTER.test(t.post)) return false;
  const owner = stripPossessive(t.text);
  if (knownName(owner) || isGivenName(t) || isGivenNameWord(owner)) return false;
  let j = i + 1;
  while (j < toks.length && j - i <= 3 && isNameToken(toks[j]) && !isPossessive(toks[j])) {
    if (BREAK_AFTER.test(toks[j].post)) {
      j++;
      break;
    }
    j++;
  }
  const words = toks.slice(i + 1, j);
  if (!words.length || !words.slice(0, -1).every((w) => isCommonWord(w.text) || lexiconKnows(w.normal))) return false;
  const last = words[words.length - 1];
  return ORG_HEADS.has(last.normal) || (/^\p{Lu}{2,3}$/u.test(last.text) && knownName(last.text)?.type === 'place');
}

/** "Joint efforts …" at a sentence start: a capitalised word before a lower-case noun modifies it. */
function modifiesNextNoun(all: Token[], i: number, inList: boolean): boolean {
  const next = all[i + 1];
  if (!next || /[,;:.!?]/.test(all[i].post) || !/^\p{Ll}/u.test(next.text)) return false;
  // compromise reads some plural nouns as verbs ("- Joint patrols"); only list items, which open with
  // noun phrases, risk that reading — in prose "Northwind builds" is a name and its verb
  return (
    (next.tags.has('Noun') && !next.tags.has('Verb')) ||
    (inList && next.tags.has('PresentTense') && /[^s]s$/.test(next.normal))
  );
}

/** "… Borja del Pozo Cruz … del Pozo Cruz said": a lower-case particle opens a surname the text gave in full. */
function opensWithParticle(ctx: Context, t: Token, next: Token | undefined): boolean {
  return (
    !!next &&
    /^\p{Ll}/u.test(t.text) &&
    CONNECTORS.has(t.normal) &&
    t.normal !== 'of' &&
    /^\s+$/.test(t.post) &&
    particleSurnames(ctx).has(`${t.normal} ${next.text}`)
  );
}

const PARTICLE_SURNAMES = new WeakMap<object, Set<string>>();
/** "del Pozo", "van der": a particle and the word after it, where the text writes them inside a capitalised name. */
function particleSurnames(ctx: Context): Set<string> {
  let set = PARTICLE_SURNAMES.get(ctx.doc);
  if (set) return set;
  set = new Set();
  const toks = ctx.doc.tokens;
  for (let i = 1; i + 1 < toks.length; i++) {
    const t = toks[i];
    if (
      CONNECTORS.has(t.normal) &&
      t.normal !== 'of' &&
      /^\p{Ll}/u.test(t.text) &&
      isCapitalised(toks[i - 1]) &&
      /^\s+$/.test(toks[i - 1].post) &&
      /^\s+$/.test(t.post) &&
      (isCapitalised(toks[i + 1]) || CONNECTORS.has(toks[i + 1].normal))
    )
      set.add(`${t.normal} ${toks[i + 1].text}`);
  }
  PARTICLE_SURNAMES.set(ctx.doc, set);
  return set;
}

const GIVEN_TAKEN = new WeakMap<object, Set<number>>();
/** Offsets of given names that belong to the inverted name before them ("Austen, Jane"). */
function givenNamesTaken(ctx: Context): Set<number> {
  let s = GIVEN_TAKEN.get(ctx.doc);
  if (!s) {
    s = new Set();
    GIVEN_TAKEN.set(ctx.doc, s);
  }
  return s;
}

const NAMES_IN_TEXT = new WeakMap<object, Set<string>>();
/** Capitalised words the text uses inside sentences, in body paragraphs: names by their position. */
function namesInText(ctx: Context): Set<string> {
  let names = NAMES_IN_TEXT.get(ctx.doc);
  if (names) return names;
  names = new Set();
  for (const b of ctx.doc.blocks) {
    if (b.type !== 'paragraph' && b.type !== 'list-item') continue;
    const toks = ctx.doc.tokensIn(b.start, b.end);
    toks.forEach((t, i) => {
      if (i > 0 && isCapitalised(t) && !sentenceInitial(ctx, toks, i) && !t.tags.has('Pronoun'))
        names!.add(stripPossessive(t.text));
      // "Brightlane Holdings lost …": the first word of an organisation's name, wherever it stands
      const next = toks[i + 1];
      // (not a describing or common word: "Royal Bank" does not make "Royal visits" a name, nor "Capital Group"
      // "Capital spending")
      if (
        isCapitalised(t) &&
        !t.tags.has('Adjective') &&
        !lexiconKnows(t.normal) &&
        !isCommonWord(t.text) &&
        !knownName(t.text) &&
        !isCity(t.text) &&
        next &&
        /^\s+$/.test(t.post) &&
        isCapitalised(next) &&
        ORG_HEADS.has(next.normal)
      )
        names!.add(t.text);
    });
  }
  NAMES_IN_TEXT.set(ctx.doc, names);
  return names;
}
