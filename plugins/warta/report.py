"""The nightly report: what one run loaded, refused and found, as Markdown for people to read.

Operators read its first sections (accounting, quarantined files, rejected records) to see that
nothing was lost; analysts read the rest (outlets, people with their offices, organisations and
places, who was quoted, republished copies, keywords). The queries live in
``sql/reports/nightly.sql``, one named query per section, so the report is as reviewable as the
marts it builds on; this module only runs them and renders the rows.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from warta.config import SQL_DIR
from warta.load import safe_name

REPORT_SQL = SQL_DIR / "reports" / "nightly.sql"
TOP_ROWS = 15
MAX_CELL_CHARS = 200
_SECTION_HEADER = re.compile(r"^-- name: (.+)$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class ReportQuery:
    title: str
    purpose: str  # the comment under the name: what the section tells its reader
    sql: str


@dataclass(frozen=True, slots=True)
class ReportSection:
    title: str
    purpose: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]


@dataclass(frozen=True, slots=True)
class NightlyReport:
    run_id: str
    run_date: date
    sections: tuple[ReportSection, ...]

    def section(self, title: str) -> ReportSection:
        return next(s for s in self.sections if s.title == title)


def report_queries(path: Path = REPORT_SQL) -> list[ReportQuery]:
    """The named queries of the report file, in file order."""
    text = path.read_text(encoding="utf-8")
    headers = list(_SECTION_HEADER.finditer(text))
    queries = []
    for header, following in zip(headers, [*headers[1:], None], strict=True):
        body = text[header.end() : following.start() if following else len(text)]
        comment = [ln[2:].strip() for ln in body.strip().splitlines() if ln.startswith("--")]
        sql = "\n".join(ln for ln in body.splitlines() if not ln.startswith("--")).strip()
        queries.append(ReportQuery(header.group(1).strip(), " ".join(comment), sql.rstrip(";")))
    return queries


def build_report(con: duckdb.DuckDBPyConnection, run_id: str, top: int = TOP_ROWS) -> NightlyReport:
    found = con.execute("SELECT run_date FROM runs WHERE run_id = ?", [run_id]).fetchone()
    if found is None:
        raise LookupError(f"no run {run_id!r} in the warehouse")
    sections = []
    for query in report_queries():
        parameters = {"run_id": run_id, "top": top} if "$top" in query.sql else {"run_id": run_id}
        result = con.execute(query.sql, parameters)
        columns = tuple(d[0] for d in result.description)
        sections.append(ReportSection(query.title, query.purpose, columns,
                                      tuple(result.fetchall())))
    return NightlyReport(run_id, found[0], tuple(sections))


def _cell(value: object) -> str:
    """One Markdown table cell: no line breaks, pipes escaped, long text cut with an ellipsis."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text.replace("\\", "\\\\").replace("|", "\\|")


def render_markdown(report: NightlyReport) -> str:
    lines = [f"# warta nightly report — {report.run_date.isoformat()}", "",
             f"Run `{report.run_id}`.", ""]
    for section in report.sections:
        lines += [f"## {section.title}", "", f"_{section.purpose}_", ""]
        if not section.rows:
            lines += ["None in this run.", ""]
            continue
        lines.append("| " + " | ".join(section.columns) + " |")
        lines.append("|" + "---|" * len(section.columns))
        lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in section.rows]
        lines.append("")
    return "\n".join(lines)


def report_path(warehouse: Path, run_id: str, run_date: date) -> Path:
    return warehouse / "reports" / f"run_date={run_date.isoformat()}" / f"{safe_name(run_id)}.md"


def write_report(con: duckdb.DuckDBPyConnection, warehouse: Path, run_id: str) -> Path:
    """Render the run's report next to the warehouse; written aside and renamed, so a reader
    never sees half a report and a rerun replaces it whole."""
    report = build_report(con, run_id)
    target = report_path(warehouse, run_id, report.run_date)
    target.parent.mkdir(parents=True, exist_ok=True)
    aside = target.with_name(f".tmp-{target.name}")
    aside.write_text(render_markdown(report), encoding="utf-8")
    os.replace(aside, target)
    return target


def report_run(warehouse: Path, run_id: str) -> Path:
    """Write one run's report under the warehouse lock (the DAG's ``report`` task, the CLI)."""
    from warta.runner import writer_connection

    with writer_connection(warehouse) as con:
        return write_report(con, warehouse.resolve(), run_id)
