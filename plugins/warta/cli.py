"""The `warta` command: ad-hoc runs, queries and tagging over the same library the DAG uses."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from warta.config import inbox_from_env, warehouse_from_env

SUMMARY_LINES = (
    ("files_seen", "files seen (new)"),
    ("files_loaded", "  loaded"),
    ("files_duplicate", "  duplicate"),
    ("files_quarantined", "  quarantined"),
    ("records", "records"),
    ("records_duplicate", "  duplicate"),
    ("records_rejected", "  rejected"),
    ("documents", "documents"),
    ("paragraphs", "paragraphs"),
    ("sentences", "sentences"),
    ("entity_mentions", "entity mentions"),
    ("quotes", "quotes"),
    ("date_mentions", "date mentions"),
    ("archived", "files archived"),
)


def format_summary(counts: dict) -> str:
    lines = [f"run {counts.get('run_id', '')}"]
    lines += [
        f"  {label:<20} {counts.get(key, 0):>8}"
        for key, label in SUMMARY_LINES
        if key != "archived" or key in counts
    ]
    return "\n".join(lines)


def cmd_run(args: argparse.Namespace) -> int:
    from warta.locking import WarehouseLocked
    from warta.runner import run_all

    warehouse = Path(args.warehouse).resolve()
    try:
        counts = run_all(
            Path(args.inbox), warehouse, args.run_date or date.today(),
            workers=args.workers, settle_seconds=args.settle_seconds,
            archive=Path(args.archive) if args.archive else None,
        )
    except WarehouseLocked as error:
        print(f"warta: {error}", file=sys.stderr)
        return 3
    print(format_summary(counts))
    if counts.get("files_seen"):
        from warta.report import report_run

        print(f"report: {report_run(warehouse, str(counts['run_id']))}")
    print(f'query it: warta query --warehouse {warehouse} "SELECT outlet, count(*) '
          'FROM documents GROUP BY ALL"')
    return 0


def _open_read_only(warehouse: Path):
    """A read-only connection, or None after saying why (busy with a run, or no warehouse)."""
    from warta.load import WarehouseBusy, connect

    try:
        return connect(warehouse, read_only=True)
    except (WarehouseBusy, FileNotFoundError) as error:
        print(f"warta: {error}", file=sys.stderr)
        return None


def _latest_run_id(con) -> str | None:
    latest = con.execute("SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()
    return latest[0] if latest else None


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    con = _open_read_only(Path(args.warehouse))
    if con is None:
        return 2
    try:
        result = con.sql(args.sql)
        if result is None:
            return 0
        result.show(max_rows=args.max_rows, max_width=200)
    except duckdb.Error as error:
        print(f"warta: query failed: {error}", file=sys.stderr)
        return 1
    finally:
        con.close()
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write (and print) the nightly report of one run, the latest by default."""
    from warta.report import report_run

    warehouse = Path(args.warehouse).resolve()
    run_id = args.run
    if run_id is None:
        con = _open_read_only(warehouse)
        if con is None:
            return 2
        try:
            run_id = _latest_run_id(con)
        finally:
            con.close()
        if run_id is None:
            print("warta: no run recorded yet", file=sys.stderr)
            return 1
    try:
        path = report_run(warehouse, run_id)
    except LookupError as error:
        print(f"warta: {error}", file=sys.stderr)
        return 1
    print(path.read_text(encoding="utf-8") if args.show else path)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    """The latest run's figures and how to query them (what `make run` ends with)."""
    from warta.load import run_counts

    warehouse = Path(args.warehouse).resolve()
    con = _open_read_only(warehouse)
    if con is None:
        return 2
    try:
        run_id = _latest_run_id(con)
        if run_id is None:
            print("warta: no run recorded yet")
            return 1
        counts = run_counts(con, run_id)
        totals = con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM runs)").fetchone()
    finally:
        con.close()
    print(format_summary({**counts, "run_id": run_id}))
    print(f"warehouse: {totals[0]} documents from {totals[1]} runs in {warehouse}")
    print("query it:")
    print(f'  {sys.argv[0]} query --warehouse {warehouse} '
          '"SELECT outlet, count(*) FROM documents GROUP BY ALL"')
    print(f"  duckdb -readonly {warehouse / 'warta.duckdb'}")
    print(f"  parquet files: {warehouse / 'parquet'}/<table>/run_date=YYYY-MM-DD/")
    return 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    from warta.locking import WarehouseLocked
    from warta.reprocess import reprocess

    try:
        done = reprocess(Path(args.warehouse), Path(args.inbox), since=args.since,
                         everything=args.all)
    except WarehouseLocked as error:
        print(f"warta: {error}", file=sys.stderr)
        return 3
    for key, value in done.items():
        print(f"  {key.replace('_', ' '):<20} {value:>8}")
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    from warta.conll import tag_conll_file

    sentences = tag_conll_file(Path(args.input), Path(args.output))
    print(f"tagged {sentences} sentences -> {args.output}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="warta", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="process new inbox files into the warehouse")
    run.add_argument("--inbox", default=str(inbox_from_env()))
    run.add_argument("--warehouse", default=str(warehouse_from_env()))
    run.add_argument("--run-date", type=date.fromisoformat, default=None,
                     help="logical date of the run (YYYY-MM-DD); default today")
    run.add_argument("--workers", type=int,
                     default=int(os.environ.get("WARTA_WORKERS", "1")),
                     help="processes for the shards (default 1)")
    run.add_argument("--settle-seconds", type=float, default=1.0,
                     help="how long a file must keep its size to count as complete")
    run.add_argument("--archive", default=os.environ.get("WARTA_ARCHIVE"),
                     help="move processed files to ARCHIVE/YYYY/MM/DD/ after a verified copy")
    run.set_defaults(func=cmd_run)

    query = commands.add_parser("query", help="run SQL against the warehouse (read-only)")
    query.add_argument("--warehouse", default=str(warehouse_from_env()))
    query.add_argument("--max-rows", type=int, default=40)
    query.add_argument("sql")
    query.set_defaults(func=cmd_query)

    report = commands.add_parser("report", help="write the nightly report of a run")
    report.add_argument("--warehouse", default=str(warehouse_from_env()))
    report.add_argument("--run", default=None, help="run id (default: the latest run)")
    report.add_argument("--show", action="store_true", help="print the report, not its path")
    report.set_defaults(func=cmd_report)

    summary = commands.add_parser("summary", help="figures of the latest run")
    summary.add_argument("--warehouse", default=str(warehouse_from_env()))
    summary.set_defaults(func=cmd_summary)

    again = commands.add_parser(
        "reprocess", help="re-extract documents made by an older pipeline version")
    again.add_argument("--warehouse", default=str(warehouse_from_env()))
    again.add_argument("--inbox", default=str(inbox_from_env()),
                       help="where to re-read raw files (by path and sha256)")
    again.add_argument("--since", default=None,
                       help="only documents made by this pipeline version or later")
    again.add_argument("--all", action="store_true", help="every document, whatever its version")
    again.set_defaults(func=cmd_reprocess)

    tag = commands.add_parser("tag", help="tag a CoNLL file with PER/ORG/LOC BIO tags")
    tag.add_argument("input")
    tag.add_argument("output")
    tag.set_defaults(func=cmd_tag)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
