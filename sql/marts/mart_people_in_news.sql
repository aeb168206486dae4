-- Mart: who is in the news, with the offices the articles give them and how often they speak.
CREATE OR REPLACE VIEW mart_people_in_news AS
WITH mentions AS (
    SELECT entity_id, canonical_name,
           count(DISTINCT doc_id) AS documents,
           count(*) AS mentions,
           mode(role) AS usual_role,
           mode(affiliation) AS usual_affiliation
    FROM stg_entity_mentions
    WHERE entity_type = 'PERSON'
    GROUP BY ALL
), speech AS (
    SELECT speaker_entity_id AS entity_id,
           count(*) FILTER (WHERE kind = 'direct') AS direct_quotes,
           count(*) FILTER (WHERE kind = 'indirect') AS indirect_quotes
    FROM quotes
    GROUP BY ALL
)
SELECT mentions.*, coalesce(direct_quotes, 0) AS direct_quotes,
       coalesce(indirect_quotes, 0) AS indirect_quotes
FROM mentions LEFT JOIN speech USING (entity_id);
