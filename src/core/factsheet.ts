// The fact-sheet contract. These zod schemas are the single source of the TypeScript types,
// of response validation in tests and of openapi.yaml (see src/http/openapi.ts).
import { z } from 'zod';

const offset = z.number().int().nonnegative();

/** A stretch of the input text. `text === input.slice(start, end)` always holds. */
export const Span = z.object({ start: offset, end: offset, text: z.string() }).meta({ id: 'Span' });
export type Span = z.infer<typeof Span>;

/** Every fact says which rule produced it and which sentence holds it (provenance). */
const provenance = {
  rule: z.string().describe('name of the rule that produced this fact'),
  sentence: z.number().int().nonnegative().nullable().describe('index into sentences[]'),
};

export const EntityType = z.enum(['person', 'organization', 'place', 'group', 'other']);
export type EntityType = z.infer<typeof EntityType>;

export const Mention = Span.extend({ rule: z.string(), sentence: provenance.sentence }).meta({ id: 'Mention' });
export type Mention = z.infer<typeof Mention>;

export const Role = Span.extend({
  title: z.string().describe('"Foreign Minister"'),
  of: z.string().nullable().describe('affiliation: "Afghanistan", "Russia"'),
}).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;

export const Entity = z
  .object({
    id: z.string(),
    name: z.string().describe('canonical name: the fullest proper form'),
    type: EntityType,
    aliases: z.array(z.string()),
    roles: z.array(Role),
    salience: z.number().min(0).max(1),
    mentions: z.array(Mention),
  })
  .meta({ id: 'Entity' });
export type Entity = z.infer<typeof Entity>;

export const DateType = z.enum(['date', 'time', 'duration', 'set']);
export const DateFact = Span.extend({
  id: z.string(),
  type: DateType,
  value: z.string().nullable().describe('TIMEX3 value: "2021-08", "2025-07-03", "P4Y", "PXDE", "PRESENT_REF"'),
  approximate: z.boolean(),
  mod: z
    .enum(['START', 'MID', 'END', 'BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN', 'APPROX'])
    .optional()
    .describe('TIMEX3 mod: the part of the period meant ("early 2024" START, "mid-March" MID, "late last year" END)'),
  relative: z.boolean().describe('resolved against publishedAt'),
  note: z.string().optional().describe('why value is null, when it is'),
  range: z
    .object({ role: z.enum(['start', 'end']), other: z.string().nullable() })
    .optional()
    .describe('"from 1979 to 1989", "since 2021": this date bounds an interval'),
  ...provenance,
}).meta({ id: 'DateFact' });
export type DateFact = z.infer<typeof DateFact>;

export const EventRelation = z.enum(['during', 'from', 'until', 'before', 'after']);
export const Participant = z.object({
  entityId: z.string(),
  name: z.string(),
  role: z.enum(['agent', 'patient', 'location', 'other']),
});
export const Event = z
  .object({
    id: z.string(),
    trigger: Span,
    date: z.object({ value: z.string().nullable(), dateId: z.string() }).nullable(),
    relation: EventRelation,
    participants: z.array(Participant),
    sentenceSpan: z.object({ start: offset, end: offset }),
    summary: z.string(),
    ...provenance,
  })
  .meta({ id: 'Event' });
export type Event = z.infer<typeof Event>;

export const TimelineEntry = z.object({ eventId: z.string(), date: z.string(), summary: z.string() });

export const QuoteKind = z.enum(['direct', 'partial', 'indirect', 'scare', 'title']);
export type QuoteKind = z.infer<typeof QuoteKind>;
export const Speaker = z
  .object({
    name: z.string().nullable().describe('canonical name of the speaking entity'),
    entityId: z.string().nullable(),
    start: offset,
    end: offset,
    text: z.string().describe('the mention in the attribution: "Muttaqi", "he"'),
    kind: z
      .enum(['entity', 'descriptor', 'unresolved'])
      .describe(
        'entity: resolved to an entity; descriptor: a person or body the text describes but never names ("several analysts", "the 45-year-old"); unresolved: a pronoun or name we could not link',
      ),
    mention: Span.describe(
      'the words in the text that name the speaker for this statement, a pronoun included ("he", "the ministry", "Jane Doe"); for a follow-on statement, those of the attribution it follows',
    ),
  })
  .meta({ id: 'Speaker' });
export const Quote = Span.extend({
  id: z.string(),
  kind: QuoteKind,
  speaker: Speaker.nullable(),
  cue: Span.nullable().describe('the speech verb or "according to"'),
  ...provenance,
}).meta({ id: 'Quote' });
export type Quote = z.infer<typeof Quote>;

// score: a result ("won 6-3"), never a range; fraction: a share of a whole ("a third of the voters")
// betting odds ("the 2-1 favourite") are no figure; "tens of thousands" is value 10,000, approximate, bound lower
export const FigureKind = z.enum(['money', 'percent', 'count', 'quantity', 'ordinal', 'score', 'fraction']);
export type FigureKind = z.infer<typeof FigureKind>;
export const Figure = Span.extend({
  id: z.string(),
  kind: FigureKind,
  value: z.number().nullable(),
  unit: z
    .string()
    .nullable()
    .describe('ISO 4217 for money, "%" / "pp" / "bp" for percent, a unit symbol for quantities'),
  dimension: z
    .string()
    .nullable()
    .describe(
      'what a quantity measures: "length", "mass", "volume", "temperature"…; "age" (unit "yr": "aged 40 to 79", "turns 84")',
    ),
  approximate: z.boolean(),
  bound: z.enum(['lower', 'upper']).nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  direction: z.enum(['up', 'down']).nullable(),
  per: z
    .string()
    .nullable()
    .optional()
    .describe('a rate\'s denominator: "week" in "£180,000 a week", "barrel" in "$80 per barrel"'),
  subject: Span.nullable().describe('what the figure measures: "Afghan assets"'),
  ...provenance,
}).meta({ id: 'Figure' });
export type Figure = z.infer<typeof Figure>;

export const BlockType = z.enum(['title', 'heading', 'paragraph', 'list-item']);
export const Block = z.object({ type: BlockType, start: offset, end: offset });
export type Block = z.infer<typeof Block>;
export const Sentence = z.object({ start: offset, end: offset, block: z.number().int().nonnegative() });
export type Sentence = z.infer<typeof Sentence>;
export const Boilerplate = Span.extend({
  reason: z.string().describe('"teaser headline", "repeated headline", "furniture label", "photo credit", …'),
  confidence: z.number().min(0).max(1),
  signals: z.array(z.string()).optional().describe('teaser headlines: the signals weighed, for review'),
}).meta({ id: 'Boilerplate' });
export type Boilerplate = z.infer<typeof Boilerplate>;

export const TraceLine = z
  .object({
    pass: z.string(),
    step: z.string().describe('the rule or refiner'),
    action: z.enum(['produced', 'removed', 'rewrote']),
    start: offset.optional(),
    end: offset.optional(),
    text: z.string().optional(),
  })
  .meta({ id: 'TraceLine' });

export const FACT_SECTIONS = ['entities', 'dates', 'events', 'quotes', 'figures'] as const;
export const Section = z.enum(FACT_SECTIONS);
export type Section = z.infer<typeof Section>;
/** What `include` may name: the fact sections, and 'boilerplate' for `cleanText`. */
export const Include = z.enum([...FACT_SECTIONS, 'boilerplate']);
export type Include = z.infer<typeof Include>;

export const CleanText = z
  .object({
    text: z.string().describe('the input with its boilerplate lines (and their line breaks) removed'),
    map: z
      .array(z.object({ clean: offset, source: offset, length: offset }))
      .describe('kept stretches in order: text.slice(clean, clean + length) === input.slice(source, source + length)'),
  })
  .meta({ id: 'CleanText' });
export type CleanText = z.infer<typeof CleanText>;

export const FactSheet = z
  .object({
    id: z.string().nullish().describe('the input id, when the input had one (CLI, batch)'),
    extractorVersion: z.string(),
    publishedAt: z.string().nullable(),
    title: z.string().nullable(),
    document: z.object({ length: offset, blocks: z.array(Block), sentences: z.array(Sentence) }),
    boilerplate: z.array(Boilerplate),
    entities: z.array(Entity),
    dates: z.array(DateFact),
    events: z.array(Event),
    timeline: z.array(TimelineEntry),
    quotes: z.array(Quote),
    figures: z.array(Figure),
    trace: z.array(TraceLine).optional().describe('with debug: true, what each rule produced and each refiner removed'),
    cleanText: CleanText.optional().describe('with include=boilerplate: the article without boilerplate lines'),
  })
  .meta({ id: 'FactSheet' });
export type FactSheet = z.infer<typeof FactSheet>;

/** A sheet as the shells return it: with `include`, sections not asked for (nor referred to) are left out. */
export const PartialFactSheet = FactSheet.partial({
  entities: true,
  dates: true,
  events: true,
  timeline: true,
  quotes: true,
  figures: true,
})
  .extend({
    text: z.string().optional().describe('the article text the offsets refer to, when it was extracted from HTML'),
  })
  .meta({
    id: 'PartialFactSheet',
    description: 'a fact sheet; with `include`, only the sections asked for and those they refer to',
  });
export type PartialFactSheet = z.infer<typeof PartialFactSheet>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a calendar date')
  // years before 1000 are typos or placeholders ("0000-01-01"), and JavaScript dates read 00xx as 19xx
  .refine((s) => Number(s.slice(0, 4)) >= 1000, 'a year before 1000 is not a publication date');

/** What extract() accepts besides the text. */
export const ExtractOptions = z.object({
  publishedAt: isoDate.nullish().describe('publication date; relative dates resolve against it'),
  title: z.string().max(1000).nullish(),
  include: z
    .array(Include)
    .min(1)
    .optional()
    .describe(
      'fact sections to return (all by default); sections they refer to come too: events bring dates and entities, quotes bring entities; "boilerplate" adds cleanText',
    ),
  debug: z.boolean().optional().describe('adds `trace`: which rule produced and which refiner removed each candidate'),
});
export type ExtractOptions = z.infer<typeof ExtractOptions>;
export { isoDate };
