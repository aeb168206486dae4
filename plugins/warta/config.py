"""Where things are: inbox, warehouse, SQL and shared data, from the environment with defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SQL_DIR = Path(os.environ.get("WARTA_SQL_DIR", REPO_ROOT / "sql"))
DEFAULT_INBOX = REPO_ROOT / "data" / "sample" / "inbox"
DEFAULT_WAREHOUSE = REPO_ROOT / "warehouse"


def shared_dir() -> Path:
    """The read-only reference data (crawls, gold, NER sets), beside the repository by default."""
    return Path(os.environ.get("WARTA_SHARED", REPO_ROOT.parent / "shared"))


@dataclass(frozen=True, slots=True)
class Limits:
    """Input size limits, enforced before any regex touches the text; each named in its reason."""

    max_file_bytes: int = int(os.environ.get("WARTA_MAX_FILE_BYTES", 256 * 2**20))
    max_decompressed_bytes: int = int(os.environ.get("WARTA_MAX_DECOMPRESSED_BYTES", 256 * 2**20))
    max_records_per_file: int = int(os.environ.get("WARTA_MAX_RECORDS_PER_FILE", 200_000))
    max_body_chars: int = int(os.environ.get("WARTA_MAX_BODY_CHARS", 200_000))
    max_line_chars: int = int(os.environ.get("WARTA_MAX_LINE_CHARS", 2_000_000))


def inbox_from_env() -> Path:
    return Path(os.environ.get("WARTA_INBOX", DEFAULT_INBOX)).resolve()


def warehouse_from_env() -> Path:
    return Path(os.environ.get("WARTA_WAREHOUSE", DEFAULT_WAREHOUSE)).resolve()
