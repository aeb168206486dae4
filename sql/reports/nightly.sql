-- The nightly report: one named query per section, each over one run ($run_id) and limited to
-- what a reader takes in at a glance ($top rows). warta.report runs them in this order and
-- renders the results as Markdown; a section with no rows says so instead of disappearing.

-- name: Run
-- What the run saw and did; "balanced" is the no-file-lost check (seen = loaded + dup + quar.).
SELECT a.run_date, a.status, r.pipeline_version, a.files_seen, a.files_loaded,
       a.files_duplicate, a.files_quarantined, a.records, a.records_rejected,
       a.documents_loaded, a.balanced
FROM mart_run_accounting AS a
JOIN runs AS r USING (run_id)
WHERE a.run_id = $run_id;

-- name: Quarantined files
-- Every file the run refused, with the reason recorded for it (nothing is dropped silently).
SELECT path, format, size_bytes, reason
FROM source_files
WHERE first_seen_run = $run_id AND status = 'quarantined'
ORDER BY path
LIMIT $top;

-- name: Rejected records
-- Records inside readable files that were not articles, grouped by reason (their numbers aside).
SELECT regexp_replace(r.reason, '^(?:record|row|line) [0-9]+(?: \(line [0-9]+\))?: ', '')
           AS reason, count(*) AS records,
       min(f.path) AS example_file
FROM records AS r
JOIN source_files AS f USING (file_id)
WHERE r.run_id = $run_id AND r.status = 'rejected'
GROUP BY ALL
ORDER BY records DESC, reason
LIMIT $top;

-- name: Articles by outlet
-- New original articles per outlet; republished copies are counted apart.
SELECT coalesce(d.outlet, '(unknown)') AS outlet,
       count(*) FILTER (WHERE NOT d.is_republished_copy) AS articles,
       count(*) FILTER (WHERE d.is_republished_copy) AS republished_copies,
       min(d.published_date) AS earliest, max(d.published_date) AS latest,
       string_agg(DISTINCT d.language, ', ' ORDER BY d.language) AS languages
FROM stg_documents AS d
JOIN documents AS raw USING (doc_id)
WHERE raw.run_id = $run_id
GROUP BY ALL
ORDER BY articles DESC, outlet
LIMIT $top;

-- name: People in the news
-- Who the run's articles name most (one person across spellings, stg_person_names), with the
-- office they give them and how often they speak.
WITH run_docs AS (SELECT doc_id FROM documents WHERE run_id = $run_id),
mentions AS (
    SELECT n.person_id, n.person_name, count(DISTINCT m.doc_id) AS articles,
           mode(m.role) AS usual_role, mode(m.affiliation) AS affiliation
    FROM stg_entity_mentions AS m
    JOIN stg_person_names AS n USING (entity_id)
    WHERE m.doc_id IN (SELECT doc_id FROM run_docs)
    GROUP BY ALL
),
speech AS (
    SELECT n.person_id, count(*) AS quotes
    FROM quotes AS q
    JOIN stg_person_names AS n ON n.entity_id = q.speaker_entity_id
    WHERE q.doc_id IN (SELECT doc_id FROM run_docs)
    GROUP BY ALL
)
SELECT person_name AS person, articles, usual_role, affiliation, coalesce(quotes, 0) AS quotes
FROM mentions LEFT JOIN speech USING (person_id)
ORDER BY articles DESC, quotes DESC, person
LIMIT $top;

-- name: Organisations and places
-- The organisations and places named in most of the run's articles.
SELECT entity_type AS type, canonical_name AS name, count(DISTINCT doc_id) AS articles
FROM stg_entity_mentions
WHERE entity_type IN ('ORG', 'LOC')
  AND doc_id IN (SELECT doc_id FROM documents WHERE run_id = $run_id)
GROUP BY ALL
ORDER BY articles DESC, type, name
LIMIT $top;

-- name: Most quoted
-- Speakers of the run's direct quotes, with the opening of their longest one.
WITH direct AS (
    SELECT q.speaker_entity_id, e.canonical_name, q.text, d.outlet
    FROM quotes AS q
    JOIN documents AS d USING (doc_id)
    JOIN entities AS e ON e.entity_id = q.speaker_entity_id
    WHERE d.run_id = $run_id AND q.kind = 'direct'
)
SELECT canonical_name AS speaker, count(*) AS direct_quotes,
       left(arg_max(text, length(text)), 160) AS longest_quote_opens,
       arg_max(outlet, length(text)) AS outlet
FROM direct
GROUP BY speaker_entity_id, canonical_name
ORDER BY direct_quotes DESC, speaker
LIMIT $top;

-- name: Republished copies
-- Articles of this run that near-duplicate an earlier copy (syndication, aggregators).
SELECT d.outlet AS copy_outlet, d.title AS copy_title, o.outlet AS original_outlet,
       o.published_date AS original_published
FROM documents AS d
JOIN documents AS o ON o.doc_id = d.duplicate_of
WHERE d.run_id = $run_id
ORDER BY o.published_date, d.outlet, d.title
LIMIT $top;

-- name: Keywords
-- The run's most frequent article keywords.
SELECT keyword, count(*) AS articles
FROM (SELECT unnest(keywords) AS keyword FROM documents WHERE run_id = $run_id)
GROUP BY ALL
ORDER BY articles DESC, keyword
LIMIT $top;
