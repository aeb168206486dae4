-- Staging: entity mentions joined to their entity, so marts never repeat the join.
CREATE OR REPLACE VIEW stg_entity_mentions AS
SELECT
    m.doc_id,
    m.sentence_no,
    m.entity_id,
    e.canonical_name,
    e.entity_type,
    m.surface,
    m.role,
    m.affiliation,
    m.char_start,
    m.char_end
FROM entity_mentions AS m
JOIN entities AS e USING (entity_id);
