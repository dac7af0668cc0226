// What differs between store engines: full-text search, locking, sequence numbers and closing.
// Everything else (versioning, the entity merge, the queries) is written once in ./store.ts.
import type { Expression, Kysely, SqlBool, Transaction } from 'kysely';
import type { Database } from './schema';

export type Trx = Transaction<Database>;

export interface Engine {
  readonly name: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  /** Serialises writers of one article id for the rest of the transaction. */
  lockArticle(trx: Trx, id: string): Promise<void>;
  /** Serialises writers that may create the same entity names (`type:name_norm` keys). */
  lockNames(trx: Trx, keys: string[]): Promise<void>;
  /** The next `heads.seq`: the order in which newest versions were stored. */
  nextSeq(trx: Trx): Promise<number>;
  /** Adds the article's newest version (its quotes, figure subjects, title and text) to the full-text indexes. */
  indexText(trx: Trx, articleId: string, title: string, text: string): Promise<void>;
  /** Removes it again; called before its fact rows are deleted. */
  unindexText(trx: Trx, articleId: string): Promise<void>;
  /** Conditions on the aliases `q` (quotes), `f` (figures) and `h` (heads): all words of `words` match. */
  quoteMatches(words: string): Expression<SqlBool>;
  figureSubjectMatches(words: string): Expression<SqlBool>;
  articleMatches(words: string): Expression<SqlBool>;
  close(): Promise<void>;
}
