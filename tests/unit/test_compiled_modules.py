"""The per-article modules compiled by mypyc run the code of their sources, with the same output.

``scripts/compile_hot_modules.py`` (run by ``make install``/``make test``) compiles them in place;
these tests hold with the compiled files present and without them (pure Python).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import warta

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "plugins" / "warta"


def _compile_script():
    spec = importlib.util.spec_from_file_location(
        "compile_hot_modules", ROOT / "scripts" / "compile_hot_modules.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMPILE = _compile_script()
HOT_MODULE_NAMES = [path.removesuffix(".py").replace("/", ".") for path in COMPILE.HOT_MODULES]
COMPILED = warta.COMPILED_MANIFEST.exists()

# Run in a fresh interpreter: where each hot module was loaded from (its file's suffix), then
# the repr of process_record's output for 50 shared crawl records.
PIPELINE_OUTPUTS = f"""
import importlib, sys
from mine_people import RUN_DATE, crawl_records
from warta.pipeline import process_record
for name in {HOT_MODULE_NAMES!r}:
    print(importlib.import_module(name).__file__.rsplit(".", 1)[-1])
for record in crawl_records(50):
    print(repr(process_record(record, RUN_DATE)))
"""


def pipeline_outputs(pure_python: bool) -> tuple[list[str], list[str]]:
    """(suffix of each hot module's file, one output line per record) in a new interpreter."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "plugins"), str(ROOT / "scripts")]),
        warta.PURE_PYTHON_ENV: "1" if pure_python else "",
    }
    done = subprocess.run(
        [sys.executable, "-c", PIPELINE_OUTPUTS],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    return lines[: len(HOT_MODULE_NAMES)], lines[len(HOT_MODULE_NAMES) :]


def test_compiled_modules_are_built_from_the_current_sources():
    extensions = sorted(path.relative_to(PACKAGE) for path in PACKAGE.rglob("*.so"))
    if not COMPILED:
        assert extensions == []  # an extension without its manifest would never be checked
        return
    built = json.loads(warta.COMPILED_MANIFEST.read_text(encoding="utf-8"))
    assert built == COMPILE.source_hashes(), "sources changed since: run `make compile`"
    for module in COMPILE.HOT_MODULES:
        stem = Path(module).relative_to("warta").with_suffix("")
        assert any(str(path).startswith(f"{stem}.cpython-") for path in extensions), module


@pytest.mark.integration
def test_compiled_and_pure_python_give_the_same_documents(shared):
    compiled_files, compiled_outputs = pipeline_outputs(pure_python=False)
    pure_files, pure_outputs = pipeline_outputs(pure_python=True)
    assert set(pure_files) == {"py"}
    assert set(compiled_files) == ({"so"} if COMPILED else {"py"})
    assert len(pure_outputs) == 50
    assert compiled_outputs == pure_outputs


def _manifest_of(tmp_path: Path, source: str) -> Path:
    """A package with one module and a manifest of its source as compiled."""
    package = tmp_path / "warta"
    package.mkdir()
    (package / "rules.py").write_text(source, encoding="utf-8")
    digest = hashlib.sha256(source.encode()).hexdigest()
    manifest = package / "compiled.json"
    manifest.write_text(json.dumps({"warta/rules.py": digest}), encoding="utf-8")
    return manifest


def test_current_compiled_modules_are_used(tmp_path, monkeypatch):
    monkeypatch.setattr(warta, "COMPILED_MANIFEST", _manifest_of(tmp_path, "X = 1\n"))
    monkeypatch.delenv(warta.PURE_PYTHON_ENV, raising=False)
    assert warta._stale_or_forced_sources() == {}


def test_the_switch_loads_every_compiled_module_from_its_source(tmp_path, monkeypatch):
    monkeypatch.setattr(warta, "COMPILED_MANIFEST", _manifest_of(tmp_path, "X = 1\n"))
    monkeypatch.setenv(warta.PURE_PYTHON_ENV, "1")
    assert warta._stale_or_forced_sources() == {"warta.rules": tmp_path / "warta" / "rules.py"}


def test_a_source_edited_since_compiling_is_loaded_instead_with_a_warning(tmp_path, monkeypatch):
    manifest = _manifest_of(tmp_path, "X = 1\n")
    (tmp_path / "warta" / "rules.py").write_text("X = 2\n", encoding="utf-8")
    monkeypatch.setattr(warta, "COMPILED_MANIFEST", manifest)
    monkeypatch.delenv(warta.PURE_PYTHON_ENV, raising=False)
    with pytest.warns(UserWarning, match="warta/rules.py changed since mypyc compiled it"):
        sources = warta._stale_or_forced_sources()
    assert sources == {"warta.rules": tmp_path / "warta" / "rules.py"}


def test_the_source_finder_loads_the_py_file(tmp_path):
    source = tmp_path / "rules.py"
    source.write_text("X = 1\n", encoding="utf-8")
    spec = warta._SourceFinder({"warta.rules": source}).find_spec("warta.rules", None)
    assert spec is not None and spec.origin == str(source)
    assert warta._SourceFinder({}).find_spec("warta.rules", None) is None
