"""warta: nightly ETL for Indonesian online news (ingest -> clean -> segment -> extract -> load)."""

# Bump when cleaning or extraction changes what a document gets; `warta reprocess` uses it.
PIPELINE_VERSION = "0.6.0"
SCHEMA_VERSION = 3
