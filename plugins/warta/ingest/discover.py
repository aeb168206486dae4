"""Discovery: which (path, content) pairs in the inbox are new since the last run.

A file is identified by its path relative to the inbox plus the sha256 of its bytes. Files that
are still being written (``*.part``, ``*.tmp``, hidden files, or whose size/mtime changes while we
look) are left for a later run. Symlinks that lead outside the inbox are refused, never followed.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISFIFO, S_ISREG

from warta.model import SourceFile

SUPPORTED_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}
IN_PROGRESS_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", ".swp")


def format_of(name: str) -> str | None:
    """Format from the file name: ``txt``, ``csv+gz``... or None when unsupported."""
    lower = name.lower()
    compressed = lower.endswith(".gz")
    if compressed:
        lower = lower[:-3]
    base = SUPPORTED_FORMATS.get(os.path.splitext(lower)[1])
    if base is None:
        return None
    return f"{base}+gz" if compressed else base


@dataclass(frozen=True, slots=True)
class DiscoveredFile:
    """A new (path, sha256) pair and what discovery already knows about its fate."""

    source: SourceFile
    mtime_ns: int
    duplicate_of_file_id: str | None = None  # same bytes already loaded under another path
    refusal: str | None = None  # a reason to quarantine without reading (unsupported, symlink)


@dataclass(slots=True)
class Discovery:
    new_files: list[DiscoveredFile] = field(default_factory=list)
    unchanged: int = 0
    deferred: list[str] = field(default_factory=list)  # still being written; next run


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _is_hidden_or_partial(relative: str) -> bool:
    parts = relative.split("/")
    return any(p.startswith(".") for p in parts) or parts[-1].lower().endswith(
        IN_PROGRESS_SUFFIXES
    )


def _walk(inbox: Path) -> Iterable[tuple[str, Path]]:
    """Relative path and absolute path of every candidate file, in a stable order."""
    for root, dirs, files in os.walk(inbox, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            absolute = Path(root) / name
            yield printable_path(absolute.relative_to(inbox).as_posix()), absolute


def printable_path(relative: str) -> str:
    """The path as text we can store: bytes that are not UTF-8 shown as ``\\xff`` escapes.

    Linux names are bytes; Python carries undecodable ones as lone surrogates, which neither
    Parquet, DuckDB nor the JSON plan can hold.
    """
    try:
        relative.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(relative).decode("utf-8", "backslashreplace")
    return relative


def _sha256_of_text(kind: str, text: str) -> str:
    """A stable identity for an entry whose content we refuse to read."""
    return hashlib.sha256(f"{kind}:{text}".encode("utf-8", "backslashreplace")).hexdigest()


def _identify(
    inbox: Path, relative: str, absolute: Path, stat: os.stat_result,
    known_stats: Mapping[str, tuple[int, int, str]],
) -> tuple[str, Path, os.stat_result, str | None, str | None]:
    """(path, file, stat, sha256, refusal) of one entry, reading only regular files.

    Opening a FIFO blocks forever and a device may never end, so anything that is not a regular
    file (directly or through an in-inbox symlink) is refused from its ``lstat`` alone.
    """
    if absolute.is_symlink():
        link = os.fsencode(os.readlink(absolute)).decode("utf-8", "backslashreplace")
        target = os.path.realpath(absolute)
        if not Path(target).is_relative_to(inbox) or not os.path.isfile(target):
            refusal = "refused: symlink pointing outside the inbox or to no file"
            return relative, absolute, stat, _sha256_of_text("symlink", link), refusal
        stat = os.stat(target)
    if not S_ISREG(stat.st_mode):
        kind = "FIFO" if S_ISFIFO(stat.st_mode) else "special file"
        return (relative, absolute, stat, _sha256_of_text("special", relative),
                f"refused: not a regular file ({kind})")
    refusal = None
    if relative != absolute.relative_to(inbox).as_posix():  # printable_path escaped it
        refusal = f"refused: file name is not valid UTF-8 (stored as {relative!r})"
    previous = known_stats.get(relative)
    if previous and previous[0] == stat.st_size and previous[1] == stat.st_mtime_ns:
        return relative, absolute, stat, previous[2], refusal
    try:
        return relative, absolute, stat, sha256_of(absolute), refusal
    except OSError as error:
        return relative, absolute, stat, None, f"unreadable: {error.strerror or error}"


def discover_inbox(
    inbox: Path,
    known_pairs: set[tuple[str, str]],
    loaded_by_sha: Mapping[str, str],
    known_stats: Mapping[str, tuple[int, int, str]] | None = None,
    settle_seconds: float = 1.0,
) -> Discovery:
    """List the inbox and return the (path, sha256) pairs not seen before.

    ``known_pairs`` are the pairs already in ``source_files``; ``loaded_by_sha`` maps the sha256 of
    every loaded file to its file_id (to spot the same content under another name);
    ``known_stats`` maps a path to (size, mtime_ns, sha256) from its last sighting so an unchanged
    file is not hashed again.
    """
    inbox = inbox.resolve()
    known_stats = known_stats or {}
    discovery = Discovery()
    candidates: list[tuple[str, Path, os.stat_result]] = []
    started = time.monotonic()
    for relative, absolute in _walk(inbox):
        if _is_hidden_or_partial(relative):
            continue
        try:
            stat = absolute.lstat()
        except FileNotFoundError:
            continue
        candidates.append((relative, absolute, stat))

    # Same bytes read as the same format meet the same fate, so only those are duplicates here:
    # "a.txt" and "a.jsonl" holding one line are two different readings.
    seen_this_run: dict[tuple[str, str | None], str] = {}
    hashed: list[tuple[str, Path, os.stat_result, str | None, str | None]] = []
    for relative, absolute, stat in candidates:
        hashed.append(_identify(inbox, relative, absolute, stat, known_stats))

    # Files changing while we looked are still being written: leave them for the next run.
    remaining = settle_seconds - (time.monotonic() - started)
    if remaining > 0:
        time.sleep(remaining)
    for relative, absolute, stat, sha, refusal in hashed:
        try:
            # A refused entry (dangling or looping symlink, FIFO) is judged by itself, never
            # by what it points to.
            now = absolute.lstat() if refusal else absolute.stat()
        except OSError:
            continue  # gone since we listed it
        if refusal is None and (now.st_size != stat.st_size or now.st_mtime_ns != stat.st_mtime_ns):
            discovery.deferred.append(relative)
            continue
        if sha is None:
            sha = hashlib.sha256(f"unreadable:{relative}".encode()).hexdigest()
        if (relative, sha) in known_pairs:
            discovery.unchanged += 1
            continue
        fmt = format_of(relative)
        if refusal is None and fmt is None:
            refusal = f"unsupported format: {Path(relative).suffix or 'no extension'}"
        source = SourceFile(
            path=relative, sha256=sha, size_bytes=stat.st_size, format=fmt or "unknown"
        )
        duplicate_of = None
        if refusal is None:
            duplicate_of = loaded_by_sha.get(sha) or seen_this_run.get((sha, fmt))
            if duplicate_of is None:
                seen_this_run[(sha, fmt)] = source.file_id
        discovery.new_files.append(
            DiscoveredFile(source, stat.st_mtime_ns, duplicate_of, refusal)
        )
    return discovery
