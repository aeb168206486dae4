"""Markdown articles (the Kompas crawl layout): title, metadata table, then the body.

Layout: ``# title``, a lead paragraph repeating the description, a ``| Field | Value |`` table
(title, description, urlshort, author, editor; older files label fields with emoji), an optional
image, then the body. The lead and the table are metadata, not body text.
"""

from __future__ import annotations

import re

from warta.model import RawRecord

TABLE_ROW = re.compile(r"^\|\s*(?P<key>[^|]*?)\s*\|\s*(?P<value>.*?)\s*\|\s*$")
FIELD_KEYWORDS = {
    "title": "title", "judul": "title",
    "description": "description", "deskripsi": "description",
    "urlshort": "url", "url": "url", "link": "url",
    "author": "author", "penulis": "author",
    "editor": "editor",
    "date": "published", "tanggal": "published", "published": "published",
}


def _field_name(key: str) -> str | None:
    words = re.sub(r"[^a-z ]", " ", key.lower()).split()
    for word in words:
        if word in FIELD_KEYWORDS:
            return FIELD_KEYWORDS[word]
    return None


def parse_markdown_article(text: str, file_id: str) -> RawRecord:
    """Split a Markdown article into metadata and body (still Markdown; cleaning comes later)."""
    lines = text.split("\n")
    title = None
    metadata: dict[str, str] = {}
    body_lines: list[str] = []
    table_end = -1
    for index, line in enumerate(lines):
        stripped = line.strip()
        if title is None and stripped.startswith("# "):
            title = stripped[2:].strip()
            continue
        match = TABLE_ROW.match(stripped)
        if match:
            name = _field_name(match["key"])
            if name and match["value"] and name not in metadata:
                metadata[name] = match["value"]
            table_end = index
            continue
        body_lines.append(line)
    if table_end >= 0:
        # The lead paragraph before the table repeats the description: keep only what follows.
        after = [line for line in lines[table_end + 1 :]]
        body_lines = after
    body = "\n".join(body_lines).strip()
    description = metadata.get("description")
    return RawRecord(
        file_id=file_id,
        record_no=1,
        body=body,
        body_format="markdown",
        title=metadata.get("title") or title,
        url=metadata.get("url"),
        published_raw=metadata.get("published"),
        author=metadata.get("author"),
        editor=metadata.get("editor"),
        description=description,
    )
