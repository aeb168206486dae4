"""Readers: bytes of one inbox file -> raw article records.

A file that cannot be read as a whole raises ``UnreadableFile`` with a reason (the file is
quarantined); a record inside a readable file that is not an article is yielded as a
``RejectedRecord`` naming its line or row. Size limits are enforced before decoding.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from warta.config import Limits
from warta.ingest.html_page import extract_html_article, strip_site_suffix
from warta.ingest.markdown_article import parse_markdown_article
from warta.model import RawRecord, RejectedRecord, SourceFile

Record = RawRecord | RejectedRecord

# Column / key names seen in real crawls, English and Indonesian, lower-cased.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "judul", "headline", "heading", "judul_berita", "news_title"),
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
        "maintext",  # news-please
        "body_text",
        "article_text",
        "isi_artikel",
    ),
    "url": ("link", "url", "tautan", "source_url", "canonical_url", "permalink", "article_url",
            "news_url"),
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
        "date_publish",  # news-please
        "publishedat",  # NewsAPI
        "published_time",
        "pub_date",
        "publish_time",
        "tanggal_publikasi",
        "datepublished",
    ),
    "author": ("author", "penulis", "reporter", "authors", "wartawan", "pewarta", "byline"),
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


GZIP_MAGIC = b"\x1f\x8b"
INFLATE_STEP = 1 << 20  # output produced per step, so a bomb is stopped within one megabyte
SINGLE_ARTICLE_FORMATS = frozenset({"txt", "md", "html"})
MAX_BYTES_PER_CHAR = 4  # UTF-8 (and UTF-16 surrogate pairs) never need more


def _decompress(data: bytes, limit: int, limit_name: str) -> bytes:
    """Gunzip every member with a cap on output size, checked while inflating step by step.

    A gzip bomb thus costs at most ``limit`` bytes of memory and stops as soon as it passes
    the cap; ``cat a.gz b.gz`` (several members, valid gzip) is read to its end.
    """
    out = bytearray()
    rest = data
    while rest:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        pending = rest
        try:
            while not decompressor.eof:
                piece = decompressor.decompress(pending, INFLATE_STEP)
                if len(out) + len(piece) > limit:
                    raise UnreadableFile(f"decompressed size exceeds {limit_name}")
                out += piece
                pending = decompressor.unconsumed_tail
                if not piece and not pending:
                    raise UnreadableFile("truncated gzip: stream ends before its end marker")
        except zlib.error as error:
            raise UnreadableFile(f"corrupt gzip: {error}") from error
        rest = decompressor.unused_data
        if not rest.strip(b"\x00"):
            break  # zero padding after the last member is common and harmless
        if not rest.startswith(GZIP_MAGIC):
            raise UnreadableFile("corrupt gzip: bytes after the end marker are not gzip")
    return bytes(out)


def _single_article_max_bytes(limits: Limits) -> int:
    """Bytes beyond which a one-article file cannot fit the text limit, whatever its encoding."""
    return limits.max_body_chars * 5 * MAX_BYTES_PER_CHAR


def decode_text(data: bytes) -> str:
    """Bytes -> text: BOMs first, then UTF-8, then the most plausible legacy encoding."""
    if not data:
        raise UnreadableFile("empty file")
    if data.isspace():  # no copy, unlike strip(): files here may be hundreds of megabytes
        raise UnreadableFile("whitespace only")
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
    """Text that is not clean UTF-8: damaged UTF-8, Windows-1252, or whatever it most resembles.

    Indonesian news is Latin script, so cp1252 (a superset of Latin-1 with the curly quotes and
    dashes of Windows crawls) wins whenever it decodes; statistical detection alone mistakes
    short Latin text for Baltic or DOS code pages.
    """
    as_utf8 = data.decode("utf-8", errors="replace")
    damaged = as_utf8.count("\ufffd")
    # Each valid multi-byte character adds at least one byte over its length in characters.
    valid_multibyte = len(as_utf8.encode("utf-8")) - len(as_utf8) - 2 * damaged
    if valid_multibyte > damaged:
        return as_utf8  # mostly UTF-8 with a few broken bytes
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare file that is neither

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise UnreadableFile("undecodable bytes: not UTF-8 and no plausible text encoding")
    return data.decode(best.encoding, errors="replace")


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
        try:
            extracted = extract_html_article(body)
        except Exception as error:  # a broken embedded page costs this record only
            return _parser_failure(file_id, record_no, where, error)
        body, body_format = extracted.body, "html_text"
    return RawRecord(
        file_id=file_id,
        record_no=record_no,
        body=body,
        body_format=body_format,
        title=strip_site_suffix(_pick(lowered, "title")),  # crawlers often keep <title> whole
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
    except RecursionError as error:
        raise UnreadableFile("JSON nested too deeply to read") from error
    if isinstance(value, dict) and not any(str(k).lower() in FIELD_ALIASES["body"] for k in value):
        # Wrapped dumps such as {"articles": [...]} or {"data": [...]}.
        lists = [v for v in value.values() if isinstance(v, list)]
        if len(lists) == 1:
            value = lists[0]
    items = value if isinstance(value, list) else [value]
    if not isinstance(value, (list, dict)):
        raise UnreadableFile(
            f"JSON top level is {type(value).__name__}, not an article object or list"
        )
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
        except RecursionError:
            yield RejectedRecord(
                source.file_id, line_no, f"line {line_no}: JSON nested too deeply to read"
            )
            continue
        if not isinstance(item, dict):
            yield RejectedRecord(source.file_id, line_no, f"line {line_no}: not a JSON object")
            continue
        yield record_from_mapping(item, source.file_id, line_no, f"line {line_no}")


class _CountedLines:
    """Lines of a CSV text that remember where the current row started, to resume after it."""

    def __init__(self, text: str) -> None:
        self.handle = io.StringIO(text, newline="")
        self.line_no = 0  # lines consumed so far
        self.offset = 0  # characters consumed so far

    def __iter__(self) -> Iterator[str]:
        for line in self.handle:
            self.line_no += 1
            self.offset += len(line)
            yield line

    def resume_after_line(self, line_no: int, offset: int) -> None:
        """Continue from the line after the one starting at ``offset`` (a bad row's first)."""
        self.handle.seek(offset)
        self.offset = offset + len(self.handle.readline())
        self.line_no = line_no


def _csv_error_reason(error: csv.Error) -> str:
    message = str(error)
    if "unexpected end of data" in message:
        return "unclosed quote runs to the end of the file"
    return message


CSV_DELIMITERS = (",", ";", "\t", "|")


def _csv_delimiter(text: str) -> str:
    """The delimiter whose header names an article body column: spreadsheet exports in
    Indonesian locales use ";" (the comma is the decimal mark), database dumps tabs or pipes."""
    first_line = text[: text.find("\n")] if "\n" in text else text
    for delimiter in CSV_DELIMITERS:
        try:
            header = next(csv.reader([first_line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        if any(c.strip().lower() in FIELD_ALIASES["body"] for c in header):
            return delimiter
    return ","


def _read_csv(text: str, source: SourceFile, limits: Limits) -> Iterator[Record]:
    """Rows as records. A row the CSV parser chokes on (an unclosed quote, a field beyond the
    size limit) is rejected and parsing resumes on the next line, so one bad row costs one row.
    """
    csv.field_size_limit(limits.max_body_chars * 4)
    delimiter = _csv_delimiter(text)
    lines = _CountedLines(text)
    reader = csv.reader(lines, strict=True, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration as error:
        raise UnreadableFile("CSV has no header row") from error
    except csv.Error as error:
        raise UnreadableFile(f"unparsable CSV header: {_csv_error_reason(error)}") from error
    columns = [c.strip().lower() for c in header]
    if not any(c in FIELD_ALIASES["body"] for c in columns):
        raise UnreadableFile(
            f"CSV has no article body column (columns: {', '.join(columns)[:200]})"
        )
    row_no = records = 0
    while True:
        start_line, start_offset = lines.line_no + 1, lines.offset
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            row_no += 1
            records += 1
            yield RejectedRecord(source.file_id, row_no, f"row {row_no} (line {start_line}): "
                                 f"{_csv_error_reason(error)}; row skipped")
            lines.resume_after_line(start_line, start_offset)
            reader = csv.reader(lines, strict=True, delimiter=delimiter)
            continue
        row_no += 1
        if not any(cell.strip() for cell in row):
            continue  # blank lines are not records, and do not count towards the limit
        records += 1
        if records > limits.max_records_per_file:
            yield RejectedRecord(
                source.file_id,
                row_no,
                f"row {row_no}: beyond limit max_records_per_file={limits.max_records_per_file};"
                " the rest of the file is not read",
            )
            return
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


def _parser_failure(file_id: str, record_no: int, where: str, error: Exception) -> RejectedRecord:
    return RejectedRecord(
        file_id, record_no, f"{where}: parser error {type(error).__name__}: {error}"[:300]
    )


def _read_single(text: str, source: SourceFile, base_format: str) -> Iterator[Record]:
    # The Markdown and HTML parsers meet whatever the crawler saved; if one breaks, the record
    # is rejected with the error instead of the night stopping.
    file_name = PurePosixPath(source.path).name
    folder = str(PurePosixPath(source.path).parent)
    if base_format == "md":
        try:
            record = parse_markdown_article(text, source.file_id)
        except Exception as error:
            yield _parser_failure(source.file_id, 1, "Markdown article", error)
            return
        record.file_name = file_name
        record.folder = folder
        yield record
    elif base_format == "html":
        try:
            page = extract_html_article(text)
        except Exception as error:
            yield _parser_failure(source.file_id, 1, "HTML page", error)
            return
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
            file_name=file_name,
            folder=folder,
        )
    else:
        yield RawRecord(
            file_id=source.file_id,
            record_no=1,
            body=text,
            body_format="text",
            file_name=file_name,
            folder=folder,
        )


def _read_bytes(path: Path, max_bytes: int, limit_name: str) -> bytes:
    """The whole file, refused by its size before a byte is read.

    ``read(n)`` reserves ``n`` bytes up front, so we ask for the actual size, never the limit.
    """
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise UnreadableFile(f"file larger than {limit_name}")
        data = handle.read(size)
        if handle.read(1):
            raise UnreadableFile("file grew while being read; its new content comes next run")
    return data


def _file_bytes(path: Path, source: SourceFile, limits: Limits) -> bytes:
    """The file's (decompressed) bytes, refused by size before anything is decoded or parsed."""
    base_format = source.format.removesuffix("+gz")
    file_limit = f"limit max_file_bytes={limits.max_file_bytes}"
    max_bytes, limit_name = limits.max_decompressed_bytes, (
        f"limit max_decompressed_bytes={limits.max_decompressed_bytes}")
    article_bytes = _single_article_max_bytes(limits)
    if base_format in SINGLE_ARTICLE_FORMATS and article_bytes < max_bytes:
        max_bytes = article_bytes
        limit_name = (f"{max_bytes} bytes, the most one article can take (limit max_body_chars="
                      f"{limits.max_body_chars} x5, up to {MAX_BYTES_PER_CHAR} bytes a character)")
    if not source.format.endswith("+gz"):
        if source.size_bytes > limits.max_file_bytes:
            raise UnreadableFile(f"file larger than {file_limit}")
        if source.size_bytes > max_bytes:
            raise UnreadableFile(f"file larger than {limit_name}")
        return _read_bytes(path, min(max_bytes, limits.max_file_bytes), limit_name)
    if source.size_bytes > limits.max_file_bytes:
        raise UnreadableFile(f"file larger than {file_limit}")
    data = _read_bytes(path, limits.max_file_bytes, file_limit)
    if not data.startswith(GZIP_MAGIC):
        raise UnreadableFile("not gzip data despite the .gz name")
    return _decompress(data, max_bytes, limit_name)


def read_records(path: Path, source: SourceFile, limits: Limits | None = None) -> Iterator[Record]:
    """Yield the records of one file; raise ``UnreadableFile`` when the file as a whole is not.

    A file that yields no record at all (a CSV header alone, ``[]``) is unreadable too, so that
    every file either holds records or carries a reason.
    """
    limits = limits or Limits()
    base_format = source.format.removesuffix("+gz")
    text = decode_text(_file_bytes(path, source, limits))
    if base_format in SINGLE_ARTICLE_FORMATS and len(text) > limits.max_body_chars * 5:
        raise UnreadableFile(f"text longer than limit max_body_chars={limits.max_body_chars} x5")
    if base_format == "json":
        records = _read_json(text, source, limits)
    elif base_format == "jsonl":
        records = _read_jsonl(text, source, limits)
    elif base_format == "csv":
        records = _read_csv(text, source, limits)
    else:
        records = _read_single(text, source, base_format)
    count = 0
    for record in records:
        count += 1
        yield record
    if count == 0:
        raise UnreadableFile(f"no records: the {base_format} file holds no article or row")


__all__ = ["UnreadableFile", "decode_text", "read_records", "record_from_mapping"]
