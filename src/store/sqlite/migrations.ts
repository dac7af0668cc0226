// Versioned schema migrations, applied in order at start-up inside one transaction each.
// Append new entries; never edit an applied one.
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'articles, entities and facts',
    sql: `
      CREATE TABLE articles (
        id TEXT NOT NULL, version INTEGER NOT NULL, url TEXT, title TEXT, source TEXT, published_at TEXT,
        text TEXT NOT NULL, text_hash TEXT NOT NULL, extractor_version TEXT NOT NULL, sheet TEXT NOT NULL,
        created_at TEXT NOT NULL, PRIMARY KEY (id, version));
      CREATE TABLE heads (id TEXT PRIMARY KEY, version INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE);
      CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text);

      CREATE TABLE entities (id INTEGER PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL);
      CREATE TABLE entity_names (entity_id INTEGER NOT NULL REFERENCES entities(id), type TEXT NOT NULL, name TEXT NOT NULL,
        name_norm TEXT NOT NULL, UNIQUE (entity_id, name_norm));
      CREATE INDEX entity_names_lookup ON entity_names (type, name_norm);
      CREATE TABLE mentions (article_id TEXT NOT NULL, entity_id INTEGER NOT NULL, local_id TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence INTEGER);
      CREATE INDEX mentions_entity ON mentions (entity_id, article_id);
      CREATE INDEX mentions_sentence ON mentions (article_id, sentence);

      CREATE TABLE quotes (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, kind TEXT NOT NULL, speaker_entity INTEGER, speaker_name TEXT, sentence INTEGER, sent_start INTEGER, sent_end INTEGER, sent_text TEXT);
      CREATE INDEX quotes_article ON quotes (article_id);
      CREATE INDEX quotes_speaker ON quotes (speaker_entity);
      CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id');

      CREATE TABLE figures (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, kind TEXT NOT NULL, value REAL, unit TEXT, approximate INTEGER NOT NULL, bound TEXT, low REAL, high REAL,
        subject TEXT, subject_norm TEXT, sentence INTEGER, sent_start INTEGER, sent_end INTEGER, sent_text TEXT);
      CREATE INDEX figures_article ON figures (article_id);
      CREATE INDEX figures_kind ON figures (kind, unit);

      CREATE TABLE events (id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        trigger TEXT NOT NULL, date_value TEXT, date_from TEXT, date_to TEXT, relation TEXT NOT NULL, summary TEXT NOT NULL, sentence INTEGER,
        sent_start INTEGER, sent_end INTEGER, sent_text TEXT);
      CREATE INDEX events_date ON events (date_from, id);
      CREATE TABLE event_entities (event_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, role TEXT NOT NULL);
      CREATE INDEX event_entities_entity ON event_entities (entity_id);
    `,
  },
  {
    version: 2,
    name: 'covering index for "entity mentioned in the same sentence" filters',
    sql: `CREATE INDEX mentions_article_sentence_entity ON mentions (article_id, sentence, entity_id);
      CREATE INDEX articles_published ON articles (published_at);`,
  },
  {
    version: 3,
    name: 'articles_fts keyed by the heads rowid; entities of an event sentence indexed with the event',
    sql: `DROP TABLE articles_fts;
      CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', contentless_delete=1);
      INSERT INTO articles_fts (rowid, title, text)
        SELECT h.rowid, COALESCE(a.title, ''), a.text FROM heads h JOIN articles a ON a.id = h.id AND a.version = h.version;
      INSERT INTO event_entities (event_id, entity_id, role)
        SELECT DISTINCT e.id, m.entity_id, 'mentioned' FROM events e JOIN mentions m ON m.article_id = e.article_id AND m.sentence = e.sentence
        WHERE NOT EXISTS (SELECT 1 FROM event_entities x WHERE x.event_id = e.id AND x.entity_id = m.entity_id);`,
  },
  {
    version: 4,
    name: 'participants by event',
    sql: 'CREATE INDEX event_entities_event ON event_entities (event_id);',
  },
  {
    version: 5,
    name: 'full-text index of figure subjects (porter stems: "asset" finds "assets")',
    sql: `CREATE VIRTUAL TABLE figures_fts USING fts5(subject, content='figures', content_rowid='id', tokenize='porter unicode61');
      INSERT INTO figures_fts (rowid, subject) SELECT id, subject FROM figures WHERE subject IS NOT NULL;`,
  },
  {
    version: 6,
    name: "events by article, so replacing an article's facts does not scan every event",
    sql: 'CREATE INDEX events_article ON events (article_id);',
  },
  {
    version: 7,
    name: 'quotes by speaker in id order: "every quote by X" reads one index range and stops at the page size',
    sql: 'CREATE INDEX quotes_speaker_id ON quotes (speaker_entity, id);',
  },
];
