-- Staging: one row per canonical document (near-duplicate copies excluded), typed and renamed
-- for analysts. Marts build on this view, never on the raw tables.
CREATE OR REPLACE VIEW stg_documents AS
SELECT
    doc_id,
    outlet,
    url,
    title,
    dateline_city,
    published_date,
    published_date_source,
    language,
    editor_codes,
    char_count,
    word_count,
    run_date,
    duplicate_of IS NOT NULL AS is_republished_copy,
    duplicate_of
FROM documents;
