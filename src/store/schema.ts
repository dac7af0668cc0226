// The tables every engine has, as Kysely sees them. Full-text indexes are per engine and not listed:
// queries reach them only through the engine's `matches` expressions.
import type { Generated } from 'kysely';

export interface ArticleTable {
  id: string;
  version: number;
  url: string | null;
  title: string | null;
  source: string | null;
  published_at: string | null;
  text: string;
  text_hash: string;
  extractor_version: string;
  /** JSON text on SQLite, JSONB on PostgreSQL: written as JSON text, read back by `parseSheet`. */
  sheet: unknown;
  created_at: string;
}
export interface HeadTable {
  id: string;
  version: number;
  seq: number;
}
export interface EntityTable {
  id: Generated<number>;
  type: string;
  name: string;
}
export interface EntityNameTable {
  entity_id: number;
  type: string;
  name: string;
  name_norm: string;
}
export interface MentionTable {
  article_id: string;
  entity_id: number;
  local_id: string;
  start: number;
  end: number;
  sentence: number | null;
}

interface Located {
  article_id: string;
  start: number;
  end: number;
  sentence: number | null;
  sent_start: number | null;
  sent_end: number | null;
  sent_text: string | null;
}
export interface QuoteTable extends Located {
  id: Generated<number>;
  text: string;
  kind: string;
  speaker_entity: number | null;
  speaker_name: string | null;
}
export interface FigureTable extends Located {
  id: Generated<number>;
  text: string;
  kind: string;
  value: number | null;
  unit: string | null;
  approximate: number;
  bound: string | null;
  low: number | null;
  high: number | null;
  subject: string | null;
  subject_norm: string | null;
}
export interface EventTable extends Located {
  id: Generated<number>;
  trigger: string;
  date_value: string | null;
  date_from: string | null;
  date_to: string | null;
  relation: string;
  summary: string;
}
export interface EventEntityTable {
  event_id: number;
  entity_id: number;
  role: string;
}

export interface Database {
  articles: ArticleTable;
  heads: HeadTable;
  entities: EntityTable;
  entity_names: EntityNameTable;
  mentions: MentionTable;
  quotes: QuoteTable;
  figures: FigureTable;
  events: EventTable;
  event_entities: EventEntityTable;
}
