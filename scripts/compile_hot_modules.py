"""Compile the per-article extraction modules with mypyc, in place, or remove what it built.

``process_record`` spends its time in hundreds of small pure-Python rule functions; mypyc turns
the typed modules into C extensions with native classes and direct calls between functions.
Each module is its own mypyc group: its extension and the ``<module>__mypyc`` library that holds
its code land next to its ``.py`` (Python imports an extension module before the source of the
same name), all inside the package, so the editable install, Airflow's plugins/ on sys.path and
pytest all load them. (One group for all modules, its shared library inside the package, got
the modules' ``__file__`` wrong, as mypyc derives it as if that library sat above the package,
and measured slower: 10.99 against 10.68 M instructions per article on the same sources.)
``warta/compiled.json`` records the sha256 of each compiled source: the tests check it, and
``warta`` falls back to the sources when one of them changed since (see ``warta/__init__.py``).

    python scripts/compile_hot_modules.py           # compile (a warning and exit 0 on failure)
    python scripts/compile_hot_modules.py --clean   # back to pure Python
    python scripts/compile_hot_modules.py --list    # the sources it compiles (for make)

A machine without a C compiler or mypy keeps running the pure-Python modules.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"
PACKAGE = PLUGINS / "warta"
# The modules process_record runs through, relative to plugins/. model.py stays Python: its
# dataclasses are the records pickled to worker processes, which mypyc's classes do only when
# marked serializable (a run-time dependency on mypy_extensions).
HOT_MODULES = (
    "warta/clean.py",
    "warta/segment.py",
    "warta/pipeline.py",
    "warta/extract/dateline.py",
    "warta/extract/dates.py",
    "warta/extract/dedup.py",
    "warta/extract/entities.py",
    "warta/extract/keywords.py",
    "warta/extract/language.py",
    "warta/extract/quotes.py",
    "warta/extract/urls.py",
)
# Imported modules (model, gazetteer, numpy) are read for their types, not compiled.
MYPY_OPTIONS = ("--follow-imports=silent", "--ignore-missing-imports")
MANIFEST = PACKAGE / "compiled.json"


def source_hashes() -> dict[str, str]:
    """sha256 of each hot module's source, keyed by its path under plugins/."""
    return {
        module: hashlib.sha256((PLUGINS / module).read_bytes()).hexdigest()
        for module in HOT_MODULES
    }


def built_files() -> list[Path]:
    """The extension modules and the manifest a build leaves in the package."""
    found = [path for path in PACKAGE.rglob("*.so") if path.is_file()]
    return sorted([*found, MANIFEST] if MANIFEST.exists() else found)


def clean() -> None:
    for path in built_files():
        path.unlink()


def compile_modules() -> None:
    """Build every hot module into ``plugins/`` through setuptools' in-place build_ext."""
    from mypyc.build import mypycify  # noqa: PLC0415 (a build dependency, not a runtime one)
    from setuptools import setup  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="warta-mypyc-") as scratch:
        cwd = Path.cwd()
        os.chdir(PLUGINS)  # in-place extensions go where their module names say, from here
        try:
            extensions = mypycify(
                [*MYPY_OPTIONS, f"--cache-dir={scratch}/mypy", *HOT_MODULES],
                separate=True,
                target_dir=f"{scratch}/c",
            )
            setup(
                name="warta-compiled",
                ext_modules=extensions,
                script_args=["-q", "build_ext", "--inplace", f"--build-temp={scratch}/o",
                             f"--build-lib={scratch}/lib"],
            )
        finally:
            os.chdir(cwd)
    MANIFEST.write_text(json.dumps(source_hashes(), indent=2, sort_keys=True) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules")
    parser.add_argument("--list", action="store_true", help="print the sources it compiles")
    args = parser.parse_args()
    if args.list:
        print(" ".join(f"plugins/{module}" for module in HOT_MODULES))
        return 0
    clean()  # a failed build must not leave extensions of older sources behind
    if args.clean:
        return 0
    started = time.monotonic()
    try:
        compile_modules()
    except (Exception, SystemExit) as error:  # setuptools reports a compiler error by exiting
        clean()
        print(
            f"warning: mypyc could not compile the hot modules ({error!r}); warta runs them as "
            "pure Python (same output, about 1.2x the CPU per article)",
            file=sys.stderr,
        )
        return 0
    print(f"compiled {len(HOT_MODULES)} modules with mypyc in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
