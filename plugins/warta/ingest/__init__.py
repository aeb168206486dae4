"""Ingest: find new files in the inbox and read them into raw records, never modifying them."""

from warta.ingest.discover import DiscoveredFile, Discovery, discover_inbox, format_of
from warta.ingest.readers import UnreadableFile, read_records

__all__ = [
    "DiscoveredFile",
    "Discovery",
    "UnreadableFile",
    "discover_inbox",
    "format_of",
    "read_records",
]
