-- Mart: how many original articles each outlet published per day (republished copies excluded).
CREATE OR REPLACE VIEW mart_daily_outlet_volume AS
SELECT
    published_date,
    coalesce(outlet, '(unknown)') AS outlet,
    count(*) AS articles,
    sum(word_count) AS words
FROM stg_documents
WHERE NOT is_republished_copy
GROUP BY ALL;
