"""The nightly report tells operators what a run refused and analysts what it found."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import SAMPLE_INBOX
from conftest import query_warehouse as query
from warta.load import connect, run_counts
from warta.report import _cell, build_report, render_markdown, report_queries, report_run
from warta.runner import run_all

RUN_DATE = date(2024, 11, 25)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> tuple[Path, str]:
    inbox = tmp_path_factory.mktemp("report") / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox, symlinks=True)
    warehouse = inbox.parent / "warehouse"
    counts = run_all(inbox, warehouse, RUN_DATE, settle_seconds=0)
    return warehouse, str(counts["run_id"])


def test_every_report_section_says_what_it_is_for():
    queries = report_queries()
    assert [q.title for q in queries][:3] == ["Run", "Quarantined files", "Rejected records"]
    assert all(q.purpose and q.sql.lstrip().upper().startswith(("SELECT", "WITH"))
               for q in queries)


def test_run_section_matches_the_run_accounting(sample_run):
    warehouse, run_id = sample_run
    con = connect(warehouse, read_only=True)
    try:
        report = build_report(con, run_id)
        counts = run_counts(con, run_id)
    finally:
        con.close()
    run = report.section("Run")
    [row] = run.rows
    figures = dict(zip(run.columns, row, strict=True))
    assert figures["files_seen"] == counts["files_seen"]
    assert figures["files_quarantined"] == counts["files_quarantined"]
    assert figures["documents_loaded"] == counts["documents"]
    assert figures["records_rejected"] == counts["records_rejected"]
    assert figures["balanced"] is True


def test_report_names_every_quarantined_file_with_its_reason(sample_run):
    warehouse, run_id = sample_run
    text = report_run(warehouse, run_id).read_text(encoding="utf-8")
    quarantined = query(warehouse, "SELECT path, reason FROM source_files "
                                   "WHERE status = 'quarantined'")
    assert quarantined  # the sample inbox ships broken files on purpose
    for path, reason in quarantined:
        assert f"| {path} |" in text and _cell(reason) in text


def test_people_section_ranks_by_articles_and_gives_offices(sample_run):
    warehouse, run_id = sample_run
    con = connect(warehouse, read_only=True)
    try:
        people = build_report(con, run_id).section("People in the news")
    finally:
        con.close()
    articles = [row[people.columns.index("articles")] for row in people.rows]
    assert articles == sorted(articles, reverse=True)
    roles = {row[0]: row[people.columns.index("usual_role")] for row in people.rows}
    assert roles.get("Perry Warjiyo") == "Gubernur"


def test_report_is_replaced_whole_on_a_rerun_and_lands_by_run_date(sample_run):
    warehouse, run_id = sample_run
    first = report_run(warehouse, run_id)
    again = report_run(warehouse, run_id)
    assert first == again
    assert first.parent.name == f"run_date={RUN_DATE.isoformat()}"
    assert [p.name for p in first.parent.iterdir()] == [first.name]  # no leftovers aside


def test_a_cell_stays_one_table_cell_whatever_the_text():
    assert _cell("Harga | naik\nlagi") == "Harga \\| naik lagi"
    assert _cell(None) == "" and _cell(False) == "NO"
    assert _cell("x" * 500).endswith("…") and len(_cell("x" * 500)) == 200


def test_an_empty_section_says_so_instead_of_vanishing(sample_run):
    warehouse, run_id = sample_run
    con = connect(warehouse, read_only=True)
    try:
        report = build_report(con, run_id, top=0)
    finally:
        con.close()
    text = render_markdown(report)
    assert text.count("None in this run.") == len(report.sections) - 1  # all but "Run"


def test_cli_report_prints_the_latest_report_and_refuses_an_unknown_run(sample_run):
    warehouse, run_id = sample_run
    shown = subprocess.run([sys.executable, "-m", "warta.cli", "report", "--warehouse",
                            str(warehouse), "--show"], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    assert f"Run `{run_id}`." in shown.stdout
    unknown = subprocess.run([sys.executable, "-m", "warta.cli", "report", "--warehouse",
                              str(warehouse), "--run", "no-such-run"],
                             capture_output=True, text=True)
    assert unknown.returncode == 1 and "no run 'no-such-run'" in unknown.stderr


def test_rejected_records_group_by_reason_without_their_numbers(sample_run):
    warehouse, run_id = sample_run
    con = connect(warehouse, read_only=True)
    try:
        rejected = build_report(con, run_id).section("Rejected records")
    finally:
        con.close()
    reasons = [row[0] for row in rejected.rows]
    assert reasons and not any(re.match(r"(?:record|row|line) \d", r) for r in reasons)
    assert sum(row[1] for row in rejected.rows) == len(
        query(warehouse, "SELECT 1 FROM records WHERE status = 'rejected'"))
