-- Mart: what each nightly run saw and did with it; files_seen must equal the sum of the outcomes.
CREATE OR REPLACE VIEW mart_run_accounting AS
SELECT
    r.run_id, r.run_date, r.status, r.files_seen, r.files_loaded, r.files_duplicate,
    r.files_quarantined, r.documents_loaded,
    (SELECT count(*) FROM records AS rec WHERE rec.run_id = r.run_id) AS records,
    (SELECT count(*) FROM records AS rec
      WHERE rec.run_id = r.run_id AND rec.status = 'rejected') AS records_rejected,
    r.files_seen = r.files_loaded + r.files_duplicate + r.files_quarantined AS balanced
FROM runs AS r;
