"""Extraction stages: framing, dates, language, entities and quotes from a cleaned body."""
