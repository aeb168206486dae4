"""warta: nightly ETL for Indonesian online news (ingest -> clean -> segment -> extract -> load)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

# Bump when cleaning or extraction changes what a document gets; `warta reprocess` uses it.
PIPELINE_VERSION = "0.6.2"
SCHEMA_VERSION = 3

# The per-article modules may sit compiled by mypyc next to their sources (an extension module
# is imported before the .py of the same name; see scripts/compile_hot_modules.py), which lists
# them with the sha256 of the sources it compiled. WARTA_PURE_PYTHON=1 loads the sources
# instead, e.g. to debug or profile them; so does any source edited since the build, so that a
# stale extension never runs in place of the code beside it.
PURE_PYTHON_ENV = "WARTA_PURE_PYTHON"
COMPILED_MANIFEST = Path(__file__).resolve().parent / "compiled.json"


class _SourceFinder:
    """Meta-path finder that imports the listed modules from their .py files."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources  # module name -> its source file

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        source = self.sources.get(name)
        return None if source is None else importlib.util.spec_from_file_location(name, source)


def _stale_or_forced_sources() -> dict[str, Path]:
    """The compiled modules to import from source: all of them when pure Python is asked for
    or any compiled source changed since the build, else none."""
    if not COMPILED_MANIFEST.exists():
        return {}
    built = json.loads(COMPILED_MANIFEST.read_text(encoding="utf-8"))
    root = COMPILED_MANIFEST.parent.parent
    sources = {
        relative.removesuffix(".py").replace("/", "."): root / relative for relative in built
    }
    if os.environ.get(PURE_PYTHON_ENV, "") not in ("", "0"):
        return sources
    changed = [
        relative
        for relative, digest in built.items()
        if not (root / relative).is_file()
        or hashlib.sha256((root / relative).read_bytes()).hexdigest() != digest
    ]
    if not changed:
        return {}
    warnings.warn(
        f"{', '.join(changed)} changed since mypyc compiled it: running the pure-Python "
        "modules (`make compile` builds them again)",
        stacklevel=2,
    )
    return sources


_pure_sources = _stale_or_forced_sources()
if _pure_sources:
    sys.meta_path.insert(0, _SourceFinder(_pure_sources))
