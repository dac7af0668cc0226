// Loads the word lists in data/lexicons once, at module load. The core stays pure: extract()
// itself does no I/O; these are read-only tables, like compiled-in constants.
import fs from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(__dirname, '../../data/lexicons');
const load = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8')) as T;

type KnownType = 'person' | 'organization' | 'place' | 'group';
interface Country {
  name: string;
  official: string;
  cca2: string;
  cca3: string;
  independent: boolean;
  aliases: string[];
  demonym: string | null;
  capital: string[];
  currencies: string[];
}

export interface FigureWords {
  qualifiers: { approximate: string[]; lower: string[]; upper: string[]; other: string[] };
  directions: { up: string[]; down: string[] };
  subjectVerbs: string[];
  subjectLinks: string[];
  subjectStop: string[];
  percentWords: Record<string, string | null>;
  negative: string[];
  poundWeightCues: string[];
  poundMoneyCues: string[];
  scoreCues: string[];
  nameNumbers: string[];
  capitalisedBeforeCount: string[];
  moreWords: string[];
  lowerCaseCodes: string[];
  months: string[];
  determiners: string[];
  temperatureCues: string[];
  phrasalBeforeDirection: string[];
  titleCaseSmallWords: string[];
  oddsNouns: string[];
  ordinalSetTerms: Record<string, string[]>;
  negations: string[];
  ageVerbs: string[];
  comparisonLinks: string[];
  functionTags: string[];
  appositionLinks: string[];
  continuations: string[];
  tallyLinks: string[];
  objectChangeVerbs: string[];
  periodPrepositions: string[];
  periodWords: string[];
}

const GIVEN = load<{ names: string[]; female: string[]; male: string[] }>('given-names.json');

export const lexicons = {
  abbreviations: load<string[]>('abbreviations.json'),
  countries: load<{ countries: Country[] }>('countries.json').countries,
  places: load<{ usStates: string[]; provinces: string[]; cities: string[] }>('places.json'),
  titles: load<{ honorifics: string[]; abbreviatedTitles: string[]; heads: string[]; modifiers: string[] }>(
    'titles.json',
  ),
  organizations: load<{
    heads: string[];
    legalForms: string[];
    ofHeads: string[];
    forHeads: string[];
    placePrefixes: string[];
    otherPrefixes: string[];
    placeHeads: string[];
    otherHeads: string[];
  }>('organizations.json'),
  acronyms: load<{ acronyms: Record<string, { name: string; type: KnownType }> }>('acronyms.json').acronyms,
  known: load<{ entities: { name: string; type: KnownType; aliases?: string[] }[] }>('known-entities.json').entities,
  groups: load<{ groups: string[] }>('groups.json').groups,
  speech: load<{ reporting: string[]; framing: string[]; nouns: string[]; according: string[] }>('speech-verbs.json'),
  quoteWords:
    load<
      Record<
        | 'auxiliaries'
        | 'raising'
        | 'needsThat'
        | 'personVoices'
        | 'orgVoices'
        | 'documentVoices'
        | 'quantifiers'
        | 'adjunctHeads'
        | 'adjunctPrepositions'
        | 'determiners'
        | 'audiences'
        | 'clauseBlockers'
        | 'thatNouns'
        | 'infinitiveCues'
        | 'relatives'
        | 'postModifiers'
        | 'proceedings'
        | 'titleMinorWords'
        | 'mentionNouns'
        | 'objectCues'
        | 'namingCues'
        | 'companyVoices'
        | 'ofCues'
        | 'tellCues'
        | 'negations'
        | 'affiliations'
        | 'futureModals'
        | 'scheduledBefore'
        | 'nameJoiners'
        | 'clauseEnders'
        | 'quotingVerbs'
        | 'nounPhraseTags'
        | 'dayWords'
        | 'beForms'
        | 'objectPronouns'
        | 'timePrepositions'
        | 'objectBreakers'
        | 'modalsBefore'
        | 'cueAdverbs'
        | 'abbreviations'
        | 'mentionDeterminers'
        | 'chainWords',
        string[]
      >
    >('quote-words.json'),
  numbers: load<{
    units: Record<string, number>;
    tens: Record<string, number>;
    collectives: Record<string, number | null>;
    magnitudes: Record<string, number>;
    ordinals: Record<string, number | null>;
    fractions: Record<string, number>;
  }>('numbers.json'),
  currencies: load<{
    codes: Record<string, string>;
    symbols: Record<string, string>;
    words: Record<string, string | null>;
    subunits: Record<string, { of: string | null; factor: number }>;
  }>('currencies.json'),
  units: load<{
    dimensions: Record<string, Record<string, string[]>>;
    compounds: Record<string, Record<string, number> | string>;
    prefixes: Record<string, { unit: string; dimension: string } | string>;
  }>('units.json'),
  figures: load<FigureWords>('figures.json'),
  stopwords: new Set(load<string[]>('stopwords.json')),
  events: load<{
    nouns: string[];
    lightVerbs: string[];
    copulas: string[];
    particles: string[];
    prepositionalVerbs: string[];
    modifierParticiples: string[];
    pastVerbsReadAsNouns: string[];
    dateModifiedNouns: string[];
    settingParticiples: string[];
    cues: Record<string, string[]>;
  }>('events.json'),
  boilerplateCues:
    load<
      Record<
        | 'labels'
        | 'openers'
        | 'listHeads'
        | 'phrases'
        | 'lines'
        | 'credits'
        | 'headings'
        | 'endMatter'
        | 'bylines'
        | 'nameTags'
        | 'personTags'
        | 'nameLinks',
        { cues: string[] }
      >
    >('boilerplate-cues.json'),
  entityWords: load<{
    neverNames: string[];
    connectors: string[];
    creditLabels: string[];
    personPronouns: string[];
    personNouns: string[];
    orgNouns: string[];
    interjections: string[];
    thingNouns: string[];
    plainAcronyms: string[];
    orgPossessions: string[];
    commonSuffixes: string[];
    webDomains: string[];
    surnamePrefixes: string[];
    nonNameTags: string[];
    weakTypeReasons: string[];
    trailingAffixes: string[];
    latinEpithetEndings: string[];
    pronounBridges: string[];
    nameSuffixAbbreviations: string[];
    stateTitles: string[];
    placePrepositions: string[];
    directionPrepositions: string[];
    occupationOrgNouns: string[];
  }>('entity-words.json'),
  /** given names (data/lexicons/given-names.json, generated by scripts/gen-names-places.mjs) */
  givenNames: new Set(GIVEN.names),
  /** given names every locale that lists them gives one gender */
  femaleNames: new Set(GIVEN.female),
  maleNames: new Set(GIVEN.male),
  gender: load<Record<'female' | 'male', { honorifics: string[]; pronouns: string[] }> & { unisex: string[] }>(
    'gender.json',
  ),
  /** GeoNames cities of 15,000+ people (data/lexicons/cities.json, generated by scripts/gen-names-places.mjs) */
  cities: new Set(load<{ cities: string[] }>('cities.json').cities),
  dates: load<DatesLexicon>('dates.json'),
};

interface DatesLexicon {
  weekdays: Record<string, number>;
  units: Record<string, string>;
  timeUnits: string[];
  seasons: Record<string, string>;
  quarterWords: Record<string, number>;
  halfWords: Record<string, number>;
  centuryOrdinals: Record<string, number>;
  decadeWords: Record<string, number>;
  periodModifiers: Record<string, string>;
  references: Record<string, string>;
  anchoredDays: Record<string, number | string>;
  anchoredPeriods: Record<string, string>;
  temporalBefore: string[];
  notAYearAfter: string[];
  measuredContent: { nouns: string[] };
  namedDays: { prefixes: string[] };
  vagueQuantifiers: string[];
  businessContext: { words: string[] };
  scheduledVerbs: { words: string[] };
  months: Record<string, number>;
  monthsAlsoWords: { words: string[] };
  singleUnits: { words: string[] };
  namedDates: { dates: Record<string, string> };
  notAYearBefore: string[];
  holidays: { fixed: Record<string, string>; thanksgiving: string[]; nounsAfter: string[] };
  futureCues: { words: string[]; modals: string[] };
  appointmentVerbs: { words: string[] };
  genericAfterOf: { words: string[] };
  sportsSeasons: { words: string[] };
  cues: Record<string, string[]>;
  approximators: { words: string[] };
  seasonOrder: Record<string, [number, number]>;
  sets: { units: Record<string, string>; adverbs: Record<string, string> };
}

export interface GazetteerEntry {
  name: string;
  type: KnownType;
  country?: string;
}

/**
 * Surface form → canonical entry, for every name the lexicons know: countries (common, official,
 * aliases), capitals, places, acronyms, known entities, demonyms (as groups pointing at their country).
 */
function buildGazetteer(): Map<string, GazetteerEntry> {
  const g = new Map<string, GazetteerEntry>();
  const put = (surface: string, e: GazetteerEntry, override = false) => {
    if (override || !g.has(surface)) g.set(surface, e);
  };
  for (const c of lexicons.countries) {
    const e = { name: c.name, type: 'place' as const };
    put(c.name, e);
    put(c.official, e);
    for (const a of c.aliases) put(a, e);
    for (const cap of c.capital)
      put(cap.replace(/ D\.C\.$/, ''), { name: cap.replace(/ D\.C\.$/, ''), type: 'place', country: c.name });
    if (c.demonym) put(c.demonym, { name: c.demonym, type: 'group', country: c.name });
  }
  for (const list of [lexicons.places.usStates, lexicons.places.provinces, lexicons.places.cities]) {
    for (const p of list) put(p, { name: p, type: 'place' });
  }
  for (const grp of lexicons.groups) put(grp, { name: grp, type: 'group' });
  for (const k of lexicons.known) {
    put(k.name, { name: k.name, type: k.type }, true);
    for (const a of k.aliases ?? []) put(a, { name: k.name, type: k.type }, true);
  }
  for (const [acr, e] of Object.entries(lexicons.acronyms)) put(acr, { name: e.name, type: e.type }, true);
  return g;
}

export const gazetteer = buildGazetteer();

/** "French" → "France": several territories share a demonym; the independent country wins. */
export const demonymToCountry = new Map(
  [...lexicons.countries]
    .sort((a, b) => Number(a.independent) - Number(b.independent))
    .filter((c) => c.demonym)
    .map((c) => [c.demonym as string, c.name]),
);
