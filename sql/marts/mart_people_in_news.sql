-- Mart: who is in the news, with the offices the articles give them and how often they speak.
-- One row per person across articles (stg_person_names): "Sri Mulyani" in one article and
-- "Sri Mulyani Indrawati" in another count together; other_names lists the shorter spellings.
CREATE OR REPLACE VIEW mart_people_in_news AS
WITH mentions AS (
    SELECT n.person_id AS entity_id, n.person_name AS canonical_name,
           count(DISTINCT m.doc_id) AS documents,
           count(*) AS mentions,
           mode(m.role) AS usual_role,
           mode(m.affiliation) AS usual_affiliation,
           coalesce(list_sort(list_distinct(list(m.canonical_name) FILTER (
               WHERE m.canonical_name <> n.person_name))), []) AS other_names
    FROM stg_entity_mentions AS m
    JOIN stg_person_names AS n USING (entity_id)
    GROUP BY ALL
), speech AS (
    SELECT n.person_id AS entity_id,
           count(*) FILTER (WHERE q.kind = 'direct') AS direct_quotes,
           count(*) FILTER (WHERE q.kind = 'indirect') AS indirect_quotes
    FROM quotes AS q
    JOIN stg_person_names AS n ON n.entity_id = q.speaker_entity_id
    GROUP BY ALL
)
SELECT mentions.*, coalesce(direct_quotes, 0) AS direct_quotes,
       coalesce(indirect_quotes, 0) AS indirect_quotes
FROM mentions LEFT JOIN speech USING (entity_id);
