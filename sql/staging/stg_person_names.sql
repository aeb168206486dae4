-- Staging: one person per real person across articles, as far as names allow. Within an article
-- the extractor already resolves "Sri Mulyani" to "Sri Mulyani Indrawati"; across articles a
-- PERSON name of two or more words that begins exactly one longer PERSON name ("Sri Mulyani" ->
-- "Sri Mulyani Indrawati") is taken as that person. One-word names ("Perry") and names that
-- begin several longer ones ("Budi Santoso" -> "Budi Santoso Putra" | "Budi Santoso Wijaya")
-- are left as they are: a wrong merge would put one person's words in another's mouth.
CREATE OR REPLACE VIEW stg_person_names AS
WITH persons AS (
    SELECT entity_id, canonical_name, string_split(canonical_name, ' ') AS words
    FROM entities
    WHERE entity_type = 'PERSON'
), proper_prefixes AS (
    SELECT p.entity_id AS person_id, p.canonical_name AS person_name,
           array_to_string(p.words[1:n.n], ' ') AS prefix
    FROM persons AS p, LATERAL (SELECT unnest(range(2, len(p.words))) AS n) AS n
), unique_extensions AS (
    SELECT prefix, any_value(person_id) AS person_id, any_value(person_name) AS person_name
    FROM proper_prefixes
    GROUP BY prefix
    HAVING count(DISTINCT person_id) = 1
)
SELECT p.entity_id, p.canonical_name,
       coalesce(u.person_id, p.entity_id) AS person_id,
       coalesce(u.person_name, p.canonical_name) AS person_name
FROM persons AS p
LEFT JOIN unique_extensions AS u ON u.prefix = p.canonical_name;
