// The fact store's contract. Routes, the CLI and tests talk to this interface, asynchronous for every
// engine; the queries are written once in ./store.ts, and ./sqlite and ./postgres hold what differs.
import { z } from 'zod';
import { EntityType, FigureKind, isoDate, QuoteKind, type FactSheet } from '../core/factsheet';
import { ArticleText, Title } from '../input/article';

export const ArticleIngest = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\w.:@/-]+$/, 'letters, digits and . _ : @ / - only')
      .optional(),
    url: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
      .max(2000)
      .optional(), // not javascript: or data:
    title: Title.optional(),
    source: z.string().max(200).optional(),
    publishedAt: isoDate.optional(),
    text: ArticleText,
  })
  .meta({ id: 'ArticleIngest' });
export type ArticleIngest = z.infer<typeof ArticleIngest>;

export const ArticleRecord = z
  .object({
    id: z.string(),
    version: z.number().int(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    source: z.string().nullable(),
    publishedAt: z.string().nullable(),
    extractorVersion: z.string(),
    createdAt: z.string(),
    versions: z.array(z.number().int()),
  })
  .meta({ id: 'ArticleRecord' });
export type ArticleRecord = z.infer<typeof ArticleRecord>;

const Provenance = {
  articleId: z.string(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  sentence: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }).nullable(),
};

export const QuoteHit = z
  .object({
    text: z.string(),
    kind: QuoteKind,
    speaker: z.object({ entityId: z.number().int().nullable(), name: z.string().nullable() }).nullable(),
    ...Provenance,
  })
  .meta({ id: 'QuoteHit' });
export const FigureHit = z
  .object({
    id: z.number().int(),
    text: z.string(),
    kind: FigureKind,
    value: z.number().nullable(),
    unit: z.string().nullable(),
    approximate: z.boolean(),
    bound: z.enum(['lower', 'upper']).nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    subject: z.string().nullable(),
    ...Provenance,
  })
  .meta({ id: 'FigureHit' });
export const EventHit = z
  .object({
    // the date in the shape an extracted event has it (without dateId, which points into one sheet)
    trigger: z.string(),
    date: z.object({ value: z.string().nullable() }).nullable(),
    relation: z.string(),
    summary: z.string(),
    participants: z.array(z.object({ entityId: z.number().int(), name: z.string(), role: z.string() })),
    ...Provenance,
  })
  .meta({ id: 'EventHit' });
export const GlobalEntity = z
  .object({
    id: z.number().int(),
    name: z.string(),
    type: EntityType,
    aliases: z.array(z.string()),
    articleCount: z.number().int(),
    mentionCount: z.number().int(),
  })
  .meta({ id: 'GlobalEntity' });
export const FigureConflict = z
  .object({
    subject: z.string(),
    kind: FigureKind,
    unit: z.string().nullable(),
    figures: z.array(FigureHit),
    reason: z.string(),
  })
  .meta({ id: 'FigureConflict' });
export type QuoteHit = z.infer<typeof QuoteHit>;
export type FigureHit = z.infer<typeof FigureHit>;
export type EventHit = z.infer<typeof EventHit>;
export type GlobalEntity = z.infer<typeof GlobalEntity>;
export type FigureConflict = z.infer<typeof FigureConflict>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface PageArgs {
  limit: number;
  cursor?: string;
}

export interface QuoteFilter extends PageArgs {
  speaker?: string;
  about?: string;
  q?: string;
  from?: string;
  to?: string;
}
export interface FigureFilter extends PageArgs {
  subject?: string;
  kind?: string;
  unit?: string;
  min?: number;
  max?: number;
  from?: string;
  to?: string;
}
export interface EventFilter extends PageArgs {
  entity?: string;
  from?: string;
  to?: string;
}
export interface ArticleFilter extends PageArgs {
  q?: string;
  entity?: string;
  from?: string;
  to?: string;
}
export interface EntityFilter extends PageArgs {
  q?: string;
  type?: string;
}

export interface StoredVersion {
  record: ArticleRecord;
  text: string;
  sheet: FactSheet;
}
export type IngestOutcome = 'created' | 'new-version' | 'unchanged';

export interface FactStore {
  /** The newest version of an article, or one version. */
  getArticle(id: string, version?: number): Promise<StoredVersion | null>;
  /** Hash of the newest text, to skip extraction for an unchanged article. */
  headHash(id: string): Promise<string | null>;
  /** Stores a new version with its sheet in one transaction; a no-op when the text is unchanged. */
  save(
    input: ArticleIngest & { id: string },
    textHash: string,
    sheet: FactSheet,
  ): Promise<{ record: ArticleRecord; outcome: IngestOutcome }>;
  /** Replaces the sheet of the newest version (reindex after an extractor upgrade). */
  replaceSheet(id: string, sheet: FactSheet): Promise<void>;
  /** Ids of newest versions extracted by another extractor version. */
  staleArticles(extractorVersion: string): Promise<string[]>;
  listArticles(f: ArticleFilter): Promise<Page<ArticleRecord>>;
  listEntities(f: EntityFilter): Promise<Page<GlobalEntity>>;
  getEntity(id: number): Promise<GlobalEntity | null>;
  quotes(f: QuoteFilter & { entityId?: number }): Promise<Page<QuoteHit>>;
  figures(f: FigureFilter & { entityId?: number }): Promise<Page<FigureHit>>;
  events(f: EventFilter & { entityId?: number }): Promise<Page<EventHit>>;
  figureConflicts(subject: string | undefined): Promise<FigureConflict[]>;
  /** Which engine answers ('sqlite', 'postgres'), for logs and health checks. */
  readonly engine: string;
  close(): Promise<void>;
}
