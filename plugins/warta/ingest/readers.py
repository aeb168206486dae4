"""Readers: bytes of one inbox file -> raw article records.

A file that cannot be read as a whole raises ``UnreadableFile`` with a reason (the file is
quarantined); a record inside a readable file that is not an article is yielded as a
``RejectedRecord`` naming its line or row. Size limits are enforced before decoding.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from warta.config import Limits
from warta.ingest.html_page import extract_html_article
from warta.ingest.markdown_article import parse_markdown_article
from warta.model import RawRecord, RejectedRecord, SourceFile

Record = RawRecord | RejectedRecord

# Column / key names seen in real crawls, English and Indonesian, lower-cased.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "judul", "headline", "heading"),
    "body": (
        "content",
        "isi_berita",
        "isi",
        "body",
        "text",
        "article",
        "konten",
        "berita",
        "artikel",
        "teks",
        "full_text",
    ),
    "url": ("link", "url", "tautan", "source_url", "canonical_url", "permalink"),
    "published_raw": (
        "article date",
        "article_date",
        "tanggal",
        "published_at",
        "published",
        "date",
        "publish_date",
        "published_date",
        "waktu",
        "tanggal_terbit",
        "datetime",
        "pubdate",
    ),
    "author": ("author", "penulis", "reporter", "authors"),
    "editor": ("editor", "penyunting"),
    "description": ("description", "deskripsi", "summary_lead", "lead"),
}
MAGIC_SIGNATURES = {
    b"\x89PNG": "PNG image",
    b"\x7fELF": "ELF executable",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
}


class UnreadableFile(Exception):
    """The file as a whole is not readable as articles; the message is the recorded reason."""


def _decompress(data: bytes, limit: int) -> bytes:
    """Gunzip with a cap on output size, so a gzip bomb costs at most ``limit`` bytes."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, limit + 1)
    except zlib.error as error:
        raise UnreadableFile(f"corrupt gzip: {error}") from error
    if len(out) > limit:
        raise UnreadableFile(f"decompressed size exceeds limit max_decompressed_bytes={limit}")
    if not decompressor.eof:
        raise UnreadableFile("truncated gzip: stream ends before its end marker")
    return out


def decode_text(data: bytes) -> str:
    """Bytes -> text: BOMs first, then UTF-8, then the most plausible legacy encoding."""
    if not data.strip():
        raise UnreadableFile("empty file" if not data else "whitespace only")
    for magic, kind in MAGIC_SIGNATURES.items():
        if data.startswith(magic):
            raise UnreadableFile(f"binary content ({kind})")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UnreadableFile(f"invalid UTF-16: {error.reason}") from error
    sample = data[:65536]
    if sample.count(b"\x00") > len(sample) // 100:
        raise UnreadableFile("binary content (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_legacy(data)
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


def _decode_legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 file

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise UnreadableFile("undecodable bytes: not UTF-8 and no plausible text encoding")
    encoding = best.encoding
    if encoding in {"latin_1", "iso8859_1", "ascii"}:
        encoding = "cp1252"  # Windows crawls: curly quotes and dashes live in 0x80-0x9f
    return data.decode(encoding, errors="replace")


def _pick(mapping: dict[str, object], field: str) -> str | None:
    for alias in FIELD_ALIASES[field]:
        value = mapping.get(alias)
        if value is None:
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        text = str(value).strip()
        if text:
            return text
    return None


def record_from_mapping(mapping: dict, file_id: str, record_no: int, where: str) -> Record:
    """A JSON object or CSV row -> a raw record, recognising common column names."""
    lowered = {str(k).strip().lower(): v for k, v in mapping.items() if k is not None}
    body = _pick(lowered, "body")
    if body is None:
        return RejectedRecord(file_id, record_no, f"{where}: no article body field")
    body_format = "text"
    if re.search(r"<(p|div|br)\b", body[:2000], re.IGNORECASE):
        extracted = extract_html_article(body)
        body, body_format = extracted.body, "html_text"
    return RawRecord(
        file_id=file_id,
        record_no=record_no,
        body=body,
        body_format=body_format,
        title=_pick(lowered, "title"),
        url=_pick(lowered, "url"),
        published_raw=_pick(lowered, "published_raw"),
        author=_pick(lowered, "author"),
        editor=_pick(lowered, "editor"),
        description=_pick(lowered, "description"),
    )


def _read_json(text: str, source: SourceFile, limits: Limits) -> Iterator[Record]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(f"invalid JSON at line {error.lineno}: {error.msg}") from error
    if isinstance(value, dict) and not any(str(k).lower() in FIELD_ALIASES["body"] for k in value):
        # Wrapped dumps such as {"articles": [...]} or {"data": [...]}.
        lists = [v for v in value.values() if isinstance(v, list)]
        if len(lists) == 1:
            value = lists[0]
    items = value if isinstance(value, list) else [value]
    if not isinstance(value, (list, dict)):
        raise UnreadableFile(f"JSON is a {type(value).__name__}, not an article object or list")
    if len(items) > limits.max_records_per_file:
        raise UnreadableFile(
            f"too many records: limit max_records_per_file={limits.max_records_per_file}"
        )
    for index, item in enumerate(items, start=1):
        where = f"item {index}"
        if not isinstance(item, dict):
            yield RejectedRecord(source.file_id, index, f"{where}: not a JSON object")
            continue
        yield record_from_mapping(item, source.file_id, index, where)


def _read_jsonl(text: str, source: SourceFile, limits: Limits) -> Iterator[Record]:
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        if line_no > limits.max_records_per_file:
            yield RejectedRecord(source.file_id, line_no, "line beyond limit max_records_per_file")
            return
        if len(line) > limits.max_line_chars:
            yield RejectedRecord(
                source.file_id,
                line_no,
                f"line {line_no}: longer than limit max_line_chars={limits.max_line_chars}",
            )
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield RejectedRecord(
                source.file_id, line_no, f"line {line_no}: invalid JSON ({error.msg})"
            )
            continue
        if not isinstance(item, dict):
            yield RejectedRecord(source.file_id, line_no, f"line {line_no}: not a JSON object")
            continue
        yield record_from_mapping(item, source.file_id, line_no, f"line {line_no}")


def _read_csv(text: str, source: SourceFile, limits: Limits) -> Iterator[Record]:
    csv.field_size_limit(limits.max_body_chars * 4)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration as error:
        raise UnreadableFile("CSV has no header row") from error
    except csv.Error as error:
        raise UnreadableFile(f"unparsable CSV header: {error}") from error
    columns = [c.strip().lower() for c in header]
    if not any(c in FIELD_ALIASES["body"] for c in columns):
        raise UnreadableFile(
            f"CSV has no article body column (columns: {', '.join(columns)[:200]})"
        )
    row_no = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield RejectedRecord(source.file_id, row_no + 1, f"row {row_no + 1}: {error}")
            return
        row_no += 1
        if row_no > limits.max_records_per_file:
            yield RejectedRecord(
                source.file_id,
                row_no,
                f"row {row_no}: beyond limit max_records_per_file={limits.max_records_per_file};"
                " the rest of the file is not read",
            )
            return
        if not any(cell.strip() for cell in row):
            continue  # blank lines are not records
        if len(row) != len(columns):
            yield RejectedRecord(
                source.file_id,
                row_no,
                f"row {row_no}: {len(row)} fields where the header has {len(columns)}",
            )
            continue
        yield record_from_mapping(
            dict(zip(columns, row, strict=True)), source.file_id, row_no, f"row {row_no}"
        )


def _read_single(text: str, source: SourceFile, base_format: str) -> Iterator[Record]:
    if base_format == "md":
        yield parse_markdown_article(text, source.file_id)
    elif base_format == "html":
        page = extract_html_article(text)
        if not page.body.strip():
            yield RejectedRecord(source.file_id, 1, "no article text found in HTML page")
            return
        yield RawRecord(
            file_id=source.file_id,
            record_no=1,
            body=page.body,
            body_format="html_text",
            title=page.title,
            url=page.url,
            published_raw=page.date,
            author=page.author,
        )
    else:
        yield RawRecord(file_id=source.file_id, record_no=1, body=text, body_format="text")


def read_records(path: Path, source: SourceFile, limits: Limits | None = None) -> Iterator[Record]:
    """Yield the records of one file; raise ``UnreadableFile`` when the file as a whole is not."""
    limits = limits or Limits()
    if source.size_bytes > limits.max_file_bytes:
        raise UnreadableFile(f"file larger than limit max_file_bytes={limits.max_file_bytes}")
    data = path.read_bytes()
    base_format = source.format.removesuffix("+gz")
    if source.format.endswith("+gz"):
        if not data.startswith(b"\x1f\x8b"):
            raise UnreadableFile("not gzip data despite the .gz name")
        data = _decompress(data, limits.max_decompressed_bytes)
    text = decode_text(data)
    if base_format in {"txt", "md", "html"} and len(text) > limits.max_body_chars * 5:
        raise UnreadableFile(f"text longer than limit max_body_chars={limits.max_body_chars} x5")
    if base_format == "json":
        yield from _read_json(text, source, limits)
    elif base_format == "jsonl":
        yield from _read_jsonl(text, source, limits)
    elif base_format == "csv":
        yield from _read_csv(text, source, limits)
    else:
        yield from _read_single(text, source, base_format)


__all__ = ["UnreadableFile", "decode_text", "read_records", "record_from_mapping"]
