"""Markdown articles: title, metadata, then the body.

Three layouts carry the metadata:
- the Kompas crawl: ``# title``, a lead paragraph repeating the description, a ``| Field | Value |``
  table (title, description, urlshort, author, editor; older files label fields with emoji), an
  optional image, then the body. The lead and the table are metadata, not body text;
- YAML front matter between ``---`` lines (``title:``, ``date:``, ``url:``, ``author:``), as
  static-site and scraper exports write it;
- a reader-service header: ``Title:``, ``URL Source:``, ``Published Time:`` lines, then
  ``Markdown Content:`` and the body.
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
    "source": "url", "permalink": "url", "pubdate": "published", "time": "published",
}
FRONT_MATTER_FENCE = "---"
MAX_HEADER_LINES = 40
HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][\w -]{0,30}):\s*(?P<value>.*)$")
READER_CONTENT_MARK = "markdown content:"


def _field_name(key: str) -> str | None:
    words = re.sub(r"[^a-z ]", " ", key.lower()).split()
    for word in words:
        if word in FIELD_KEYWORDS:
            return FIELD_KEYWORDS[word]
    return None


def _header_fields(lines: list[str]) -> dict[str, str]:
    """Known fields of ``key: value`` header lines (quotes around values dropped)."""
    fields: dict[str, str] = {}
    for line in lines:
        match = HEADER_LINE.match(line.strip())
        name = _field_name(match["key"]) if match else None
        value = match["value"].strip().strip("\"'") if match else ""
        if name and value and name not in fields:
            fields[name] = value
    return fields


def _split_header(text: str) -> tuple[dict[str, str], str] | None:
    """(fields, body) when the text opens with front matter or a reader-service header."""
    lines = text.lstrip("\ufeff").split("\n")
    if lines and lines[0].strip() == FRONT_MATTER_FENCE:
        for end in range(1, min(len(lines), MAX_HEADER_LINES)):
            if lines[end].strip() == FRONT_MATTER_FENCE:
                return _header_fields(lines[1:end]), "\n".join(lines[end + 1 :])
        return None
    for end in range(min(len(lines), MAX_HEADER_LINES)):
        if lines[end].strip().casefold() == READER_CONTENT_MARK:
            header = lines[:end]
            if all(not line.strip() or HEADER_LINE.match(line.strip()) for line in header):
                return _header_fields(header), "\n".join(lines[end + 1 :])
            return None
    return None


def parse_markdown_article(text: str, file_id: str) -> RawRecord:
    """Split a Markdown article into metadata and body (still Markdown; cleaning comes later)."""
    header = _split_header(text)
    if header is not None:
        fields, body = header
        return RawRecord(
            file_id=file_id, record_no=1, body=body.strip(), body_format="markdown",
            title=fields.get("title"), url=fields.get("url"),
            published_raw=fields.get("published"), author=fields.get("author"),
            editor=fields.get("editor"), description=fields.get("description"),
        )
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
