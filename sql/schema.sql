-- warta warehouse contract, declared once.
-- The loader creates these tables from this file, the Arrow shard schemas are derived from them,
-- and tests/unit/test_schema.py checks both. Add columns at the end; never rename.
-- The big per-document tables carry no PRIMARY KEY: index upkeep would cost DuckDB two thirds
-- of its bulk-load speed. Their keys are unique by construction and checked by load.check_run.
-- Bump schema_version (and add a migration in plugins/warta/load.py) when this file changes.

CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id            VARCHAR PRIMARY KEY,
    run_date          DATE NOT NULL,      -- the run's logical date in Asia/Jakarta
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    files_seen        INTEGER NOT NULL,   -- (path, sha256) pairs new in this run
    files_loaded      INTEGER NOT NULL,
    files_duplicate   INTEGER NOT NULL,
    files_quarantined INTEGER NOT NULL,
    documents_loaded  INTEGER NOT NULL,
    status            VARCHAR NOT NULL,   -- loaded (not yet published) | completed | failed
    pipeline_version  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS source_files (
    file_id         VARCHAR PRIMARY KEY,  -- derived from (path, sha256)
    path            VARCHAR NOT NULL,     -- relative to the inbox
    format          VARCHAR NOT NULL,
    size_bytes      BIGINT NOT NULL,
    sha256          VARCHAR NOT NULL,
    first_seen_run  VARCHAR NOT NULL,
    status          VARCHAR NOT NULL,     -- loaded | duplicate | quarantined
    reason          VARCHAR,              -- why, unless loaded
    document_count  INTEGER NOT NULL,
    record_count    INTEGER NOT NULL,
    duplicate_of_file_id VARCHAR,         -- the loaded file with the same content
    mtime_ns        BIGINT                -- lets a rerun skip re-hashing unchanged files
);

CREATE TABLE IF NOT EXISTS records (
    file_id    VARCHAR NOT NULL,
    record_no  INTEGER NOT NULL,          -- 1-based row / line / list index
    status     VARCHAR NOT NULL,          -- document | duplicate | rejected
    reason     VARCHAR,
    doc_id     VARCHAR,
    run_id     VARCHAR NOT NULL,
    PRIMARY KEY (file_id, record_no)
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id                 VARCHAR PRIMARY KEY,  -- derived from the normalised body text
    file_id                VARCHAR NOT NULL,
    record_no              INTEGER NOT NULL,
    outlet                 VARCHAR,
    url                    VARCHAR,
    title                  VARCHAR,
    dateline_city          VARCHAR,
    published_date         DATE,
    published_date_source  VARCHAR,              -- metadata | article | inferred
    language               VARCHAR,
    body_text              VARCHAR NOT NULL,
    char_count             INTEGER NOT NULL,
    word_count             INTEGER NOT NULL,
    editor_codes           VARCHAR[] NOT NULL,
    duplicate_of           VARCHAR,              -- earliest copy of a (near-)duplicate
    pipeline_version       VARCHAR NOT NULL,
    run_id                 VARCHAR NOT NULL,
    published_at           TIMESTAMPTZ,
    author                 VARCHAR,
    run_date               DATE NOT NULL,
    minhash                UINTEGER[],           -- MinHash of word 5-shingles, for near-duplicates
    -- schema version 2
    source_url             VARCHAR,              -- as the crawler gave it; url is canonical
    keywords               VARCHAR[],
    editor                 VARCHAR
);

CREATE TABLE IF NOT EXISTS paragraphs (
    doc_id        VARCHAR NOT NULL,
    paragraph_no  INTEGER NOT NULL,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL
    -- key (doc_id, paragraph_no): unique by construction, checked after every load
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id        VARCHAR NOT NULL,
    sentence_no   INTEGER NOT NULL,
    paragraph_no  INTEGER NOT NULL,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL,
    text          VARCHAR NOT NULL
    -- key (doc_id, sentence_no): unique by construction, checked after every load
);

CREATE TABLE IF NOT EXISTS entities (
    entity_id       VARCHAR PRIMARY KEY,  -- derived from (entity_type, canonical_name)
    canonical_name  VARCHAR NOT NULL,
    entity_type     VARCHAR NOT NULL      -- PERSON | ORG | LOC
);

CREATE TABLE IF NOT EXISTS entity_mentions (
    doc_id       VARCHAR NOT NULL,
    sentence_no  INTEGER NOT NULL,
    entity_id    VARCHAR NOT NULL,
    surface      VARCHAR NOT NULL,
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    role         VARCHAR,
    affiliation  VARCHAR
    -- key (doc_id, char_start, entity_id): unique by construction, checked after every load
);

CREATE TABLE IF NOT EXISTS quotes (
    doc_id             VARCHAR NOT NULL,
    quote_no           INTEGER NOT NULL,
    kind               VARCHAR NOT NULL,  -- direct | indirect
    text               VARCHAR NOT NULL,
    speaker_entity_id  VARCHAR,
    speaker_surface    VARCHAR,
    reporting_verb     VARCHAR,
    cited_source       VARCHAR,
    char_start         INTEGER NOT NULL,
    char_end           INTEGER NOT NULL,
    co_speaker_ids     VARCHAR[] NOT NULL
    -- key (doc_id, quote_no): unique by construction, checked after every load
);

CREATE TABLE IF NOT EXISTS date_mentions (
    doc_id         VARCHAR NOT NULL,
    sentence_no    INTEGER NOT NULL,
    surface        VARCHAR NOT NULL,
    resolved_date  DATE,
    char_start     INTEGER NOT NULL,
    char_end       INTEGER NOT NULL,
    kind           VARCHAR NOT NULL      -- explicit | weekday_daymonth | daymonth | relative
    -- key (doc_id, char_start): unique by construction, checked after every load
);

-- schema version 3
CREATE TABLE IF NOT EXISTS document_bands (
    doc_id     VARCHAR NOT NULL,
    band_no    INTEGER NOT NULL,
    band_hash  UBIGINT NOT NULL      -- hash of one band of documents.minhash
    -- key (doc_id, band_no); written once per document by the loader, so that near-duplicate
    -- marking reads the warehouse's bands instead of re-hashing every stored signature
);
