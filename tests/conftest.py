"""Test settings: an isolated Airflow home, the shared data folder, small sample inboxes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from warta.config import shared_dir

ROOT = Path(__file__).resolve().parents[1]
# Airflow reads its home at import: point it at a throwaway folder before any test imports it.
_AIRFLOW_HOME = tempfile.mkdtemp(prefix="warta-airflow-")
os.environ["AIRFLOW_HOME"] = _AIRFLOW_HOME
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(ROOT / "dags")
os.environ["AIRFLOW__CORE__PLUGINS_FOLDER"] = str(ROOT / "plugins")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__PARALLELISM"] = "4"
os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] = f"sqlite:///{_AIRFLOW_HOME}/airflow.db"
os.environ.pop("AIRFLOW__CORE__EXECUTOR", None)

SHARED = shared_dir()
SAMPLE_INBOX = ROOT / "data" / "sample" / "inbox"
SEED = SHARED / "seed" / "pahami-2024-06-21.txt"
GOLD = SHARED / "gold" / "pahami-2024-06-21.gold.json"


@pytest.fixture(scope="session")
def shared() -> Path:
    assert SHARED.is_dir(), f"shared data not found at {SHARED} (set WARTA_SHARED)"
    return SHARED


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    return tmp_path / "warehouse"


@pytest.fixture
def seed_inbox(tmp_path: Path, shared: Path) -> Path:
    """An inbox holding only the seed article, linked (not copied into the project)."""
    inbox = tmp_path / "seed-inbox"
    inbox.mkdir()
    (inbox / SEED.name).write_bytes(SEED.read_bytes())
    return inbox


def query_warehouse(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Rows of a read-only query against a test warehouse."""
    import duckdb

    con = duckdb.connect(str(warehouse / "warta.duckdb"), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


# Helpers for the entity tests: what the recogniser finds in a body written for a test.
def mentions_of(body: str) -> list:
    from warta.extract.entities import find_entities
    from warta.segment import split_sentences

    return find_entities(body, split_sentences(body))


def names(mentions: list, kind) -> set[str]:
    return {m.canonical_name for m in mentions if m.entity_type is kind}


def person_named(mentions: list, name: str):
    """The first PERSON mention whose canonical name is ``name`` (fails naming what was found)."""
    from warta.model import EntityType

    found = [m for m in mentions if m.canonical_name == name and m.entity_type is EntityType.PERSON]
    assert found, f"no person {name!r} in {[(m.canonical_name, m.role) for m in mentions]}"
    return found[0]


def person_written(mentions: list, surface: str):
    """The first PERSON mention written as ``surface`` in the body."""
    from warta.model import EntityType

    found = [m for m in mentions if m.surface == surface and m.entity_type is EntityType.PERSON]
    assert found, f"no person {surface!r} in {[(m.surface, m.entity_type.name) for m in mentions]}"
    return found[0]


def speakers_of(body: str) -> list[str | None]:
    """Speakers of the direct quotes of a body written for a test, in text order."""
    from warta.extract.entities import find_entities
    from warta.extract.quotes import find_quotes
    from warta.segment import segment

    _, sentences = segment(body)
    quotes = find_quotes(body, sentences, find_entities(body, sentences))
    return [quote.speaker_name for quote in quotes if quote.kind == "direct"]
