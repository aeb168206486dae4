"""Benchmark warta: end to end, stage by stage, against peers, and the incremental rerun.

One invocation builds a benchmark inbox of N articles from the shared crawls (real articles
first, then copies made distinct so that every record is really processed) and measures
everything on that same inbox, so the figures are comparable. It reports figures only: it
asserts no timing. Nothing is written into the repository except ``bench/out/``.

    .venv/bin/python bench/bench.py                 # N=10000
    .venv/bin/python bench/bench.py --n 100000 --out bench/out/results-100k.json
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import csv
import hashlib
import html
import io
import json
import os
import platform
import pstats
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from string import Template

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from warta import clean, load, segment  # noqa: E402
from warta.config import Limits, shared_dir  # noqa: E402
from warta.extract import (  # noqa: E402
    dateline,
    dates,
    dedup,
    entities,
    keywords,
    language,
    quotes,
    urls,
)
from warta.ingest import UnreadableFile, format_of, read_records  # noqa: E402
from warta.model import Document, RawRecord, RejectedRecord, SourceFile  # noqa: E402
from warta.pipeline import process_record  # noqa: E402

# With the mypyc build the extraction modules call one another in C, past the stage timers and
# cProfile: the run measures the compiled code, its per-stage split needs WARTA_PURE_PYTHON=1.
COMPILED = Path(sys.modules[process_record.__module__].__file__).suffix != ".py"
from warta.runner import plan_run, staging_dir  # noqa: E402
from warta.tables import PER_DOCUMENT_TABLES, FileOutcome, ShardBuilder, contract_schema  # noqa: E402

RUN_DATE = date(2026, 11, 29)
TEMPLATES = Path(__file__).resolve().parent / "templates"
WARTA_CLI = Path(sys.executable).with_name("warta")
ROWS_PER_BATCH_FILE = 300
SEED = 20261129

# ---------------------------------------------------------------------------------------------
# Real articles from the shared crawls
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Article:
    outlet: str  # cnnindonesia, detik, kompas
    title: str
    body: str  # plain text; for kompas the whole Markdown document
    url: str
    published: str
    author: str
    topic: str


def _csv_rows(path: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(2**31 - 1)
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def load_corpus(shared: Path) -> list[Article]:
    """Every article of the three crawls, mess included (empty video pages, duplicates)."""
    corpora = shared / "corpora"
    articles: list[Article] = []
    for path in sorted((corpora / "cnnindonesia").glob("*.csv")):
        topic = path.stem.removesuffix("_scraped_articles")
        for row in _csv_rows(path):
            articles.append(Article("cnnindonesia", row.get("Title", ""), row.get("Content", ""),
                                    row.get("Link", ""), row.get("Article Date", ""),
                                    row.get("Author", ""), topic))
    for row in _csv_rows(corpora / "detik" / "data_berita.csv"):
        articles.append(Article("detik", row.get("judul", ""), row.get("isi_berita", ""),
                                row.get("tautan", ""), row.get("tanggal", ""), "", "berita"))
    for path in sorted((corpora / "kompas").glob("*/*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        first = text.split("\n", 1)[0]
        title = first.removeprefix("# ").strip() if first.startswith("# ") else path.stem
        articles.append(Article("kompas", title, text, "", path.parent.name, "", path.parent.name))
    return articles


# ---------------------------------------------------------------------------------------------
# Distinct copies: vary names, numbers and one sentence
# ---------------------------------------------------------------------------------------------

# Names that recur in these economy crawls, each swapped for an invented one in a copy.
KNOWN_NAMES = ("Sri Mulyani", "Perry Warjiyo", "Airlangga Hartarto", "Prabowo Subianto",
               "Joko Widodo", "Jokowi", "Purbaya Yudhi Sadewa", "Mahendra Siregar")
INVENTED_NAMES = ("Rahmat Hidayat", "Dewi Anggraini", "Bambang Sutrisno", "Yusuf Kurniawan",
                  "Ratna Wulandari", "Hendra Saputra", "Lestari Handayani", "Agus Firmansyah",
                  "Putri Maharani", "Fajar Nugroho", "Siti Nurhaliza Rahman", "Teguh Prasetyo")
ROLES = ("Kepala Dinas Perdagangan", "Ketua Kamar Dagang setempat",
         "ekonom Universitas Gadjah Mada",
         "Direktur Eksekutif lembaga kajian ekonomi", "Wakil Ketua Komisi XI DPR",
         "Kepala Badan Pusat Statistik provinsi")
CITIES = ("Surabaya", "Medan", "Makassar", "Bandung", "Semarang", "Palembang", "Denpasar",
          "Balikpapan", "Pontianak", "Manado")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
ADDED_SENTENCES = (
    '"Kami akan terus memantau harga di {n} pasar tradisional agar pasokan tetap aman," kata '
    "{name}, {role}, di {city}, {weekday} ({day}/{month}).",
    "{name}, {role}, mengatakan sebanyak {n} pelaku usaha di {city} telah mengajukan "
    "keringanan pembayaran sejak {weekday} ({day}/{month}).",
    'Menurut {name}, {role}, kenaikan permintaan tercatat di {n} titik distribusi di {city}. '
    '"Kondisinya masih terkendali," ujarnya, {weekday} ({day}/{month}).',
)
AMOUNT = re.compile(r"\b(\d{1,3})((?:,\d+)?) (persen|triliun|miliar|juta|ribu)\b")
NAME_PATTERN = re.compile("|".join(re.escape(n) for n in KNOWN_NAMES))


def added_sentence(copy_no: int) -> str:
    """One news-style sentence whose figure ``n`` is unique to the copy."""
    template = ADDED_SENTENCES[copy_no % len(ADDED_SENTENCES)]
    return template.format(
        n=100 + copy_no, name=INVENTED_NAMES[copy_no % len(INVENTED_NAMES)],
        role=ROLES[copy_no % len(ROLES)], city=CITIES[copy_no % len(CITIES)],
        weekday=WEEKDAYS[copy_no % 7], day=1 + copy_no % 28, month=1 + copy_no % 12,
    )


def _insert_after_lead(text: str, sentence: str, markdown: bool) -> str:
    """Put the sentence in as its own paragraph after the lead (the dateline paragraph)."""
    if markdown:
        anchor = text.find("KOMPAS.com")
        cut = text.find("\n\n", anchor if anchor >= 0 else len(text) // 2)
        return text + "\n\n" + sentence + "\n" if cut < 0 else (
            text[:cut] + "\n\n" + sentence + text[cut:])
    cut = text.find("\n", 200)
    return text + "\n" + sentence if cut < 0 else text[:cut] + "\n" + sentence + text[cut:]


def vary(article: Article, copy_no: int) -> Article:
    """A distinct copy: other names, shifted amounts, one added sentence; copy 0 is the original."""
    if copy_no == 0:
        return article
    shift = 1 + copy_no % 9
    name = INVENTED_NAMES[(copy_no * 5) % len(INVENTED_NAMES)]
    body = NAME_PATTERN.sub(name, article.body)
    body = AMOUNT.sub(lambda m: f"{int(m[1]) + shift}{m[2]} {m[3]}", body)
    body = _insert_after_lead(body, added_sentence(copy_no), article.outlet == "kompas")
    return Article(article.outlet, f"{article.title} ({copy_no})", body,
                   f"{article.url}?copy={copy_no}" if article.url else "",
                   article.published, article.author, article.topic)


# ---------------------------------------------------------------------------------------------
# The benchmark inbox, laid out like real crawls
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Inbox:
    path: Path
    articles: int = 0
    bytes: int = 0
    files: Counter = field(default_factory=Counter)
    articles_by_format: Counter = field(default_factory=Counter)
    html_files: list[Path] = field(default_factory=list)


def _slug(text: str, limit: int = 60) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit] or "artikel"


def _write(inbox: Inbox, relative: str, text: str, kind: str, articles: int) -> Path:
    path = inbox.path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes(data)
    inbox.bytes += len(data)
    inbox.files[kind] += 1
    inbox.articles += articles
    inbox.articles_by_format[kind] += articles
    return path


def text_only(inbox: Inbox, target: Path) -> Inbox:
    """The same inbox without its HTML pages (hard links): the issue's one-core comparison with
    the spaCy sentencizer is over text, Markdown and CSV inputs; HTML has its own peer."""
    shutil.rmtree(target, ignore_errors=True)
    html = set(inbox.html_files)
    text = Inbox(target)
    for path in sorted(inbox.path.rglob("*")):
        if not path.is_file() or path in html:
            continue
        link = target / path.relative_to(inbox.path)
        link.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, link)
        text.bytes += path.stat().st_size
    text.files = Counter({k: v for k, v in inbox.files.items() if k != "html"})
    text.articles_by_format = Counter(
        {k: v for k, v in inbox.articles_by_format.items() if k != "html"})
    text.articles = sum(text.articles_by_format.values())
    return text


def _flush_cnn_csv(inbox: Inbox, batch: list[Article], batch_no: int) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Title", "Scrapping Date", "Article Date", "Author", "Link", "Content"])
    for a in batch:
        writer.writerow([a.title, "2026-11-28T23:10:00.000Z", a.published, a.author, a.url,
                         a.body])
    topic = batch[0].topic
    _write(inbox, f"cnnindonesia/{topic}_scraped_articles_{batch_no:04d}.csv", out.getvalue(),
           "csv", len(batch))


def _flush_detik_jsonl(inbox: Inbox, batch: list[Article], batch_no: int) -> None:
    lines = (json.dumps({"judul": a.title, "tautan": a.url, "tanggal": a.published,
                         "isi_berita": a.body}, ensure_ascii=False) for a in batch)
    _write(inbox, f"detik/data_berita_{batch_no:04d}.jsonl", "\n".join(lines) + "\n", "jsonl",
           len(batch))


def _paragraphs_html(body: str, related: list[Article]) -> str:
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    parts = [f"        <p>{html.escape(p)}</p>" for p in paragraphs]
    if related and len(parts) > 3:  # the inline "Baca juga" link real pages carry
        link = related[0]
        parts.insert(2, f'        <p><strong>Baca juga:</strong> <a href="{html.escape(link.url)}">'
                        f"{html.escape(link.title)}</a></p>")
    return "\n".join(parts)


def _link_items(articles: list[Article]) -> str:
    return "\n".join(
        f'        <li><a href="{html.escape(a.url or "#")}">{html.escape(a.title)}</a></li>'
        for a in articles
    )


def render_page(template: Template, article: Article, related: list[Article],
                popular: list[Article]) -> str:
    """One article page: the real article text inside navigation, related links and footer."""
    site = {"cnnindonesia": "CNN Indonesia", "detik": "detikcom"}.get(article.outlet, "Warta")
    lead = article.body.strip().split("\n", 1)[0][:160]
    tags = " ".join(f'<a href="/tag/{t}">{t}</a>' for t in (article.topic, "ekonomi", "nasional"))
    fields = {
        "title": article.title, "site_name": site, "lead": lead, "section": "ekonomi",
        "section_title": "Ekonomi", "author": article.author or "Tim Redaksi",
        "author_slug": _slug(article.author or "tim-redaksi"), "url": article.url,
        "iso_date": "2026-11-28T09:30:00+07:00", "display_date": article.published,
        "tags": tags,
    }
    escaped = {k: html.escape(v) for k, v in fields.items() if k != "tags"}
    return template.substitute(
        escaped, tags=tags, paragraphs=_paragraphs_html(article.body, related),
        related=_link_items(related), popular=_link_items(popular),
    )


def build_inbox(target: Path, corpus: list[Article], n: int, html_share: float) -> Inbox:
    """N articles: md per Kompas article, CNN as CSV batches and txt, detik as JSONL, some HTML."""
    if target.exists():
        shutil.rmtree(target)
    inbox = Inbox(target)
    rng = random.Random(SEED)
    order = corpus[:]
    rng.shuffle(order)
    html_bases = [a for a in order if a.outlet != "kompas" and len(a.body) > 400]
    templates = [Template(p.read_text(encoding="utf-8")) for p in sorted(TEMPLATES.glob("*.html"))]
    n_html = round(n * html_share)
    for i in range(n_html):
        base = vary(html_bases[i % len(html_bases)], i // len(html_bases))
        related = [html_bases[(i * 7 + j) % len(html_bases)] for j in range(1, 6)]
        popular = [html_bases[(i * 13 + j) % len(html_bases)] for j in range(1, 11)]
        page = render_page(templates[i % len(templates)], base, related, popular)
        inbox.html_files.append(_write(
            inbox, f"html/{base.outlet}/{i // 500:03d}/{_slug(base.title)}-{i}.html", page,
            "html", 1))
    cnn_batches: dict[str, list[Article]] = {}
    detik_batch: list[Article] = []
    batch_no = 0
    for i in range(n - n_html):
        article = vary(order[i % len(order)], i // len(order))
        if article.outlet == "kompas":
            day = article.topic
            _write(inbox, f"kompas/{day}/{_slug(article.title)}-{i}.md", article.body, "md", 1)
        elif article.outlet == "cnnindonesia" and i % 4 == 0:
            _write(inbox, f"cnnindonesia/txt/{article.topic}/{_slug(article.title)}-{i}.txt",
                   article.body, "txt", 1)
        elif article.outlet == "cnnindonesia":
            batch = cnn_batches.setdefault(article.topic, [])
            batch.append(article)
            if len(batch) >= ROWS_PER_BATCH_FILE:
                batch_no += 1
                _flush_cnn_csv(inbox, batch, batch_no)
                cnn_batches[article.topic] = []
        else:
            detik_batch.append(article)
            if len(detik_batch) >= ROWS_PER_BATCH_FILE:
                batch_no += 1
                _flush_detik_jsonl(inbox, detik_batch, batch_no)
                detik_batch = []
    for batch in cnn_batches.values():
        if batch:
            batch_no += 1
            _flush_cnn_csv(inbox, batch, batch_no)
    if detik_batch:
        batch_no += 1
        _flush_detik_jsonl(inbox, detik_batch, batch_no)
    return inbox


# ---------------------------------------------------------------------------------------------
# (a) + (d) warta end to end, as a subprocess
# ---------------------------------------------------------------------------------------------


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    with contextlib.suppress(psutil.Error):
        for member in [process, *process.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                total += member.memory_info().rss
    return total


def run_measured(command: list[str], log: Path) -> dict:
    """Wall time, CPU time and peak RSS of the whole process tree (children included)."""
    started = time.perf_counter()
    with log.open("w") as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        watched = psutil.Process(child.pid)
        samples: list[tuple[float, int]] = []  # (seconds since start, tree RSS)
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            samples.append((time.perf_counter() - started, _tree_rss(watched)))
            time.sleep(0.02)
    wall = time.perf_counter() - started
    peak = max((rss for _, rss in samples), default=0)
    # Memory that grows with the night shows as a higher peak in the second half of the run.
    first_half = max((rss for at, rss in samples if at <= wall / 2), default=0)
    second_half = max((rss for at, rss in samples if at > wall / 2), default=0)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4 above
    output = log.read_text(encoding="utf-8", errors="replace")
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({child.returncode}):\n{output[-3000:]}")
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,  # includes reaped workers
        "peak_rss_mb": peak / 2**20,
        "peak_rss_first_half_mb": first_half / 2**20,
        "peak_rss_second_half_mb": second_half / 2**20,
        "max_single_rss_mb": usage.ru_maxrss / 1024,
        "summary": parse_summary(output),
    }


def parse_summary(output: str) -> dict[str, int]:
    """The counts `warta run` prints, keyed by their label."""
    counts: dict[str, int] = {}
    for line in output.splitlines():
        match = re.fullmatch(r"\s+([a-z ]+?)\s+(\d+)", line)
        if match:
            counts.setdefault(match[1].strip(), int(match[2]))
    return counts


def warta_run(inbox: Inbox, warehouse: Path, workers: int, log: Path) -> dict:
    command = [str(WARTA_CLI), "run", "--inbox", str(inbox.path), "--warehouse", str(warehouse),
               "--run-date", RUN_DATE.isoformat(), "--workers", str(workers),
               "--settle-seconds", "0"]
    result = run_measured(command, log)
    result.update(workers=workers, articles_per_s=inbox.articles / result["wall_s"],
                  mb_per_s=inbox.bytes / 2**20 / result["wall_s"])
    return result


def nothing_new(inbox: Inbox, warehouse: Path, log: Path) -> dict:
    """Rerun over the unchanged inbox: the CLI wall time and the in-process plan alone."""
    rerun = run_measured(
        [str(WARTA_CLI), "run", "--inbox", str(inbox.path), "--warehouse", str(warehouse),
         "--run-date", RUN_DATE.isoformat(), "--workers", "1", "--settle-seconds", "0"], log)
    started = time.perf_counter()
    plan = plan_run(inbox.path, warehouse, "bench-nothing-new", RUN_DATE, settle_seconds=0)
    plan_s = time.perf_counter() - started
    shutil.rmtree(staging_dir(warehouse.resolve(), "bench-nothing-new"), ignore_errors=True)
    return {"cli_wall_s": rerun["wall_s"], "cli_peak_rss_mb": rerun["peak_rss_mb"],
            "cli_summary": rerun["summary"], "plan_s": plan_s,
            "plan_new_files": sum(len(s) for s in plan.shards), "plan_unchanged": plan.unchanged}


# ---------------------------------------------------------------------------------------------
# (b) warta stage by stage, in process
# ---------------------------------------------------------------------------------------------

# The module functions process_record calls, by stage. Wrapping them (rather than copying the
# pipeline) keeps the measured path the real one.
STAGE_FUNCTIONS: dict[str, tuple[tuple[object, str], ...]] = {
    "clean": ((clean, "clean_body"), (clean, "is_placeholder_body")),
    "segment": ((segment, "segment"),),
    "extract.dateline": ((dateline, "split_framing"), (dateline, "outlet_from_url"),
                         (dateline, "split_byline")),
    "extract.dates": ((dates, "parse_published"), (dates, "find_date_mentions")),
    "extract.entities": ((entities, "find_entities"),),
    "extract.quotes": ((quotes, "find_quotes"),),
    "extract.language": ((language, "detect_language"),),
    "extract.keywords": ((keywords, "extract_keywords"),),
    "extract.urls": ((urls, "canonical_url"),),
    "dedup.minhash": ((dedup, "minhash_signature"),),
}


@contextlib.contextmanager
def stage_timers(totals: dict[str, float]) -> Iterator[None]:
    """Time every stage function while process_record runs, then put the originals back."""
    originals: list[tuple[object, str, Callable]] = []

    def timed(stage: str, function: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                totals[stage] += time.perf_counter() - started
        return wrapper

    for stage, functions in STAGE_FUNCTIONS.items():
        totals.setdefault(stage, 0.0)
        for module, name in functions:
            function = getattr(module, name)
            originals.append((module, name, function))
            setattr(module, name, timed(stage, function))
    try:
        yield
    finally:
        for module, name, function in originals:
            setattr(module, name, function)


def source_of(path: Path, inbox: Path) -> SourceFile:
    data = path.read_bytes()
    return SourceFile(str(path.relative_to(inbox)), hashlib.sha256(data).hexdigest(), len(data),
                      format_of(path.name) or "txt")


@dataclass(slots=True)
class StageRun:
    seconds: dict[str, float]
    records: int
    documents: int
    rejected: int
    quarantined_files: int
    sentence_rows: int
    bodies: list[str]  # cleaned bodies of the first documents, for the peers
    tables: dict


def stage_by_stage(inbox: Inbox, workdir: Path, keep_bodies: int,
                   max_files: int) -> StageRun:
    """ingest -> process_record (clean, segment, extract) -> Arrow tables -> DuckDB bulk load.

    Over the first ``max_files`` non-HTML files: per-stage costs do not need the whole night."""
    files = sorted(p for p in inbox.path.rglob("*") if p.is_file() and p.suffix != ".html")
    files = files[:max_files]
    sources = [(p, source_of(p, inbox.path)) for p in files]
    limits = Limits()
    seconds: dict[str, float] = {"ingest": 0.0, "process_record": 0.0, "tables": 0.0}
    builder = ShardBuilder("bench-stages", RUN_DATE)
    seen: set[str] = set()
    bodies: list[str] = []
    records = documents = rejected = quarantined = 0
    with stage_timers(seconds):
        for path, source in sources:
            started = time.perf_counter()
            try:
                raw = list(read_records(path, source, limits))
            except UnreadableFile:  # empty video pages: quarantined, as in a real run
                raw = []
                quarantined += 1
            seconds["ingest"] += time.perf_counter() - started
            outcome = FileOutcome(source, 0, "loaded")
            started = time.perf_counter()
            for record in raw:
                result = process_record(record, RUN_DATE) if isinstance(record, RawRecord) \
                    else record
                records += 1
                if isinstance(result, RejectedRecord):
                    outcome.rejected.append(result)
                elif result.doc_id not in seen:  # the warehouse keeps one copy per body
                    seen.add(result.doc_id)
                    outcome.documents.append(result)
            seconds["process_record"] += time.perf_counter() - started
            documents += len(outcome.documents)
            rejected += len(outcome.rejected)
            bodies.extend(d.body_text for d in outcome.documents[: keep_bodies - len(bodies)])
            started = time.perf_counter()
            builder.add_file(outcome)
            seconds["tables"] += time.perf_counter() - started
    started = time.perf_counter()
    tables = builder.take_tables()
    seconds["tables"] += time.perf_counter() - started
    staged = sum(seconds[s] for s in STAGE_FUNCTIONS)
    seconds["process_other"] = seconds["process_record"] - staged  # doc ids, records, minhash
    load_seconds = bulk_load(tables, workdir / "stage-warehouse")
    seconds["load"] = sum(load_seconds.values())
    seconds["load_sentences"] = load_seconds["sentences"]
    return StageRun(seconds, records, documents, rejected, quarantined,
                    tables["sentences"].num_rows, bodies, tables)


def _contract_columns(table: str) -> str:
    return ", ".join(f'"{f.name}"' for f in contract_schema(table))


def bulk_load(tables: dict, warehouse: Path) -> dict[str, float]:
    """warta's way (``load.append_arrow``): whole Arrow tables into the contract schema, one
    transaction.

    Returns seconds per table (the commit is counted with the last one)."""
    shutil.rmtree(warehouse, ignore_errors=True)
    con = load.connect(warehouse)
    seconds: dict[str, float] = {}
    try:
        con.execute("BEGIN")
        for name in ("documents", "entities", *PER_DOCUMENT_TABLES):
            started = time.perf_counter()
            load.append_arrow(con, name, tables[name])
            seconds[name] = time.perf_counter() - started
        started = time.perf_counter()
        con.execute("COMMIT")
        seconds[name] += time.perf_counter() - started
        return seconds
    finally:
        con.close()


# ---------------------------------------------------------------------------------------------
# (c) peers on the same texts
# ---------------------------------------------------------------------------------------------


def peer_spacy(bodies: list[str]) -> dict:
    """spaCy blank("id") + sentencizer (tokenises too) vs warta's segmenter, same bodies."""
    started = time.perf_counter()
    warta_sentences = sum(len(segment.segment(body)[1]) for body in bodies)
    warta_s = time.perf_counter() - started
    try:
        import spacy
    except ImportError as error:
        return {"skipped": f"spaCy is not installed ({error}); peer skipped, nothing measured",
                "warta_s": warta_s, "articles": len(bodies)}
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    nlp.max_length = max([nlp.max_length, *(len(b) + 1 for b in bodies)])
    started = time.perf_counter()
    spacy_sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(bodies, batch_size=256))
    spacy_s = time.perf_counter() - started
    return {"articles": len(bodies), "warta_s": warta_s, "spacy_s": spacy_s,
            "warta_sentences": warta_sentences, "spacy_sentences": spacy_sentences,
            "spacy_version": spacy.__version__,
            "warta_articles_per_s": len(bodies) / warta_s,
            "spacy_articles_per_s": len(bodies) / spacy_s,
            "speed_ratio_warta_over_peer": spacy_s / warta_s}


def peer_trafilatura(inbox: Inbox, cap: int) -> dict:
    """trafilatura.extract on the HTML share vs warta's HTML path (read + full process_record)."""
    import trafilatura

    pages = inbox.html_files[:cap]
    if not pages:
        return {"skipped": "no HTML pages in the inbox (--html-share 0)"}
    sources = [source_of(p, inbox.path) for p in pages]
    limits = Limits()
    started = time.perf_counter()
    raws = [r for p, s in zip(pages, sources, strict=True) for r in read_records(p, s, limits)]
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    results = [process_record(r, RUN_DATE) for r in raws if isinstance(r, RawRecord)]
    process_s = time.perf_counter() - started
    started = time.perf_counter()
    extracted = [trafilatura.extract(p.read_text(encoding="utf-8")) for p in pages]
    peer_s = time.perf_counter() - started
    warta_s = read_s + process_s
    return {"pages": len(pages), "warta_read_s": read_s, "warta_process_s": process_s,
            "warta_total_s": warta_s, "trafilatura_extract_s": peer_s,
            "warta_documents": sum(isinstance(r, Document) for r in results),
            "trafilatura_nonempty": sum(bool(t) for t in extracted),
            "warta_pages_per_s": len(pages) / warta_s, "peer_pages_per_s": len(pages) / peer_s,
            "speed_ratio_warta_over_peer": peer_s / warta_s,
            "extraction_ratio_warta_read_over_peer": peer_s / read_s}


def insert_rows(con, columns: list[str], rows: list[tuple], per_commit: int = 1000) -> None:
    """The usual row-by-row loader: executemany, one transaction per 1,000 rows (one
    transaction for all of them runs DuckDB out of its 1 GB limit at ~20,000 rows)."""
    marks = ", ".join("?" * len(columns))
    statement = f"INSERT INTO sentences ({', '.join(columns)}) VALUES ({marks})"
    for start in range(0, len(rows), per_commit):
        con.execute("BEGIN")
        con.executemany(statement, rows[start:start + per_commit])
        con.execute("COMMIT")


def peer_row_insert(tables: dict, workdir: Path, cap: int) -> dict:
    """Row-by-row executemany of sentence rows vs warta's Arrow bulk load, same rows."""
    sentences = tables["sentences"].select([f.name for f in contract_schema("sentences")])
    sample = sentences.slice(0, cap)
    columns = sample.column_names
    rows = list(zip(*(sample.column(c).to_pylist() for c in columns), strict=True))
    results: dict[str, float] = {}
    for method in ("executemany", "arrow"):
        warehouse = workdir / f"rows-{method}"
        shutil.rmtree(warehouse, ignore_errors=True)
        con = load.connect(warehouse)
        try:
            started = time.perf_counter()
            if method == "executemany":
                insert_rows(con, columns, rows)
            else:
                con.execute("BEGIN")
                con.register("arrow_rows", sample)
                con.execute(f"INSERT INTO sentences SELECT {_contract_columns('sentences')} "
                            "FROM arrow_rows")
                con.execute("COMMIT")
            results[method] = time.perf_counter() - started
        finally:
            con.close()
    return {"rows": len(rows), "executemany_s": results["executemany"],
            "arrow_s": results["arrow"],
            "executemany_rows_per_s": len(rows) / results["executemany"],
            "arrow_rows_per_s": len(rows) / results["arrow"],
            "speed_ratio_warta_over_peer": results["executemany"] / results["arrow"]}


# ---------------------------------------------------------------------------------------------
# Profile of process_record
# ---------------------------------------------------------------------------------------------


def _where(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    where = filename.split("/plugins/")[-1] if "/plugins/" in filename else Path(filename).name
    return f"{where}:{line}({name})"


def profile_records(inbox: Inbox, articles: int, top: int = 15) -> dict:
    """cProfile over process_record for the first ``articles`` text/md/csv/jsonl records."""
    records: list[RawRecord] = []
    for path in sorted(p for p in inbox.path.rglob("*") if p.is_file() and p.suffix != ".html"):
        with contextlib.suppress(UnreadableFile):
            records.extend(r for r in read_records(path, source_of(path, inbox.path), Limits())
                           if isinstance(r, RawRecord))
        if len(records) >= articles:
            break
    records = records[:articles]
    profiler = cProfile.Profile()
    profiler.enable()
    for record in records:
        process_record(record, RUN_DATE)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = []
    for key, (_cc, calls, tottime, cumtime, callers) in stats.stats.items():
        heaviest = max(callers.items(), key=lambda item: item[1][2], default=None)
        rows.append({"function": _where(key), "calls": calls, "tottime_s": tottime,
                     "cumtime_s": cumtime,
                     "main_caller": _where(heaviest[0]) if heaviest else None})
    by_tottime = sorted(rows, key=lambda r: -r["tottime_s"])[:top]
    warta_rows = [r for r in rows if r["function"].startswith("warta/")]
    by_cumtime = sorted(warta_rows, key=lambda r: -r["cumtime_s"])[:top]
    return {"articles": len(records), "total_s": stats.total_tt,
            "top_tottime": by_tottime, "top_cumtime_warta": by_cumtime}


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def print_report(results: dict) -> None:
    inbox = results["inbox"]
    print(f"\ninbox: {inbox['articles']} articles, {inbox['mb']:.1f} MB, files {inbox['files']}")
    print(f"{'measure':<44}{'wall s':>9}{'art/s':>9}{'MB/s':>7}{'peak RSS MB':>13}"
          f"{'1st / 2nd half':>16}")
    for run in results["end_to_end"]:
        print(f"{'warta run --workers ' + str(run['workers']):<44}{run['wall_s']:>9.2f}"
              f"{run['articles_per_s']:>9.0f}{run['mb_per_s']:>7.2f}{run['peak_rss_mb']:>13.0f}"
              f"{run['peak_rss_first_half_mb']:>9.0f} / {run['peak_rss_second_half_mb']:.0f}")
    text = results["end_to_end_text_only"]
    print(f"{'  --workers 1, text/md/csv/jsonl files only':<44}{text['wall_s']:>9.2f}"
          f"{text['articles_per_s']:>9.0f}{text['mb_per_s']:>7.2f}{text['peak_rss_mb']:>13.0f}")
    inc = results["incremental"]
    print(f"{'warta run again, nothing new (CLI)':<44}{inc['cli_wall_s']:>9.2f}{'':>16}"
          f"{inc['cli_peak_rss_mb']:>13.0f}")
    print(f"{'  plan only (in process)':<44}{inc['plan_s']:>9.3f}")
    stages = results["stages"]
    print(f"\nstages in process over {stages['records']} text/md/csv/jsonl records "
          f"({stages['documents']} documents, {stages['rejected']} rejected)")
    print(f"  {'stage':<42}{'s':>9}{'rec/s':>9}{'ms/rec':>8}")
    order = ["ingest", "process_record", *STAGE_FUNCTIONS, "process_other", "tables", "load",
             "load_sentences"]
    split = not results["meta"].get("compiled")
    for name in order:
        if not split and (name in STAGE_FUNCTIONS or name == "process_other"):
            continue
        seconds = stages["seconds"][name]
        rate = stages["records"] / seconds if seconds > 0 else float("inf")
        nested = name in STAGE_FUNCTIONS or name in ("process_other", "load_sentences")
        label = f"  {name}" if nested else name
        print(f"  {label:<42}{seconds:>9.2f}{rate:>9.0f}"
              f"{1000 * seconds / max(stages['records'], 1):>8.3f}")
    if not split:
        print("    (compiled: the stages call one another in C; `WARTA_PURE_PYTHON=1 make bench`"
              " splits process_record by stage, in pure Python)")
    bulk_rate = stages["bulk_sentence_rows_per_s"]
    print(f"  {'load: sentence rows/s (Arrow bulk)':<42}{bulk_rate:>18.0f}")
    print("\npeers (ratio > 1: warta faster)")
    sp = results["peers"]["spacy_sentencizer"]
    if "skipped" in sp:
        print(f"  spaCy: {sp['skipped']}")
    else:
        print(f"  segment {sp['articles']} bodies: warta {sp['warta_articles_per_s']:.0f} art/s, "
              f"spaCy {sp['spacy_articles_per_s']:.0f} art/s, "
              f"ratio {sp['speed_ratio_warta_over_peer']:.2f} "
              f"(sentences {sp['warta_sentences']} vs {sp['spacy_sentences']})")
    tr = results["peers"]["trafilatura"]
    if "skipped" in tr:
        print(f"  trafilatura: {tr['skipped']}")
    else:
        print(f"  HTML {tr['pages']} pages: warta read+process {tr['warta_pages_per_s']:.0f} p/s, "
              f"trafilatura.extract {tr['peer_pages_per_s']:.0f} p/s, "
              f"ratio {tr['speed_ratio_warta_over_peer']:.2f} "
              f"(read only {tr['extraction_ratio_warta_read_over_peer']:.2f})")
    ri = results["peers"]["row_insert"]
    print(f"  load {ri['rows']} sentence rows: Arrow {ri['arrow_rows_per_s']:.0f} rows/s, "
          f"executemany {ri['executemany_rows_per_s']:.0f} rows/s, "
          f"ratio {ri['speed_ratio_warta_over_peer']:.1f}")
    one, two = results["end_to_end"][0], results["end_to_end"][1]
    print(f"  two workers over one: {two['articles_per_s'] / one['articles_per_s']:.2f}x")
    if "skipped" not in sp:
        print(f"  end to end, one worker, text/md/csv/jsonl files, vs spaCy sentencizer "
              f"alone: {text['articles_per_s'] / sp['spacy_articles_per_s']:.2f}x "
              f"(with the HTML share: {one['articles_per_s'] / sp['spacy_articles_per_s']:.2f}x)")
    dag = results.get("dag_parse")
    if dag:
        print(f"\nDAG file parse: first {dag['first_ms']:.1f} ms, again {dag['again_ms']:.1f} ms")
    prof = results.get("profile")
    if prof:
        print(f"\nprofile: process_record over {prof['articles']} records "
              f"({prof['total_s']:.2f} s under cProfile), top by own time"
              + (" (compiled code is one C call: WARTA_PURE_PYTHON=1 profiles the Python)"
                 if results["meta"].get("compiled") else ""))
        for row in prof["top_tottime"][:10]:
            caller = f"  <- {row['main_caller']}" if row["function"].startswith("~") else ""
            print(f"  {row['tottime_s']:>7.2f} s {row['calls']:>9} {row['function']}{caller}")
        print("  warta functions by cumulative time")
        for row in prof["top_cumtime_warta"][:10]:
            print(f"  {row['cumtime_s']:>7.2f} s {row['calls']:>9} {row['function']}")


def dag_parse_times() -> dict[str, float]:
    """How long Airflow's DagBag takes to parse dags/warta_nightly.py (first and repeated)."""
    probe = (
        "import json, os, tempfile; os.environ['AIRFLOW_HOME'] = tempfile.mkdtemp();"
        "os.environ['AIRFLOW__CORE__LOAD_EXAMPLES'] = 'False';"
        "from airflow.dag_processing.dagbag import DagBag;"
        f"stats = [DagBag(dag_folder={str(ROOT / 'dags')!r}).dagbag_stats[0] for _ in range(2)];"
        "print(json.dumps([s.duration.total_seconds() * 1000 for s in stats]))"
    )
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True).stdout.strip().splitlines()[-1]
    first, again = json.loads(output)
    return {"first_ms": first, "again_ms": again}


def _table_summary(tables: dict) -> dict[str, int]:
    return {name: table.num_rows for name, table in tables.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles in the inbox")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "results.json")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the inbox and warehouses go (default: a temporary folder)")
    parser.add_argument("--shared", type=Path,
                        default=shared_dir())
    parser.add_argument("--html-share", type=float, default=0.05)
    parser.add_argument("--stage-files", type=int, default=8000,
                        help="files timed stage by stage (the end-to-end runs take them all)")
    parser.add_argument("--peer-articles", type=int, default=3000,
                        help="bodies given to the segmentation peers")
    parser.add_argument("--html-peer-pages", type=int, default=300)
    parser.add_argument("--row-insert-rows", type=int, default=5000)
    parser.add_argument("--profile-articles", type=int, default=2000, help="0: no profile")
    args = parser.parse_args(argv)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="warta-bench-"))
    workdir = workdir.resolve()
    if workdir.is_relative_to(ROOT) and not workdir.is_relative_to(ROOT / "bench" / "out"):
        parser.error("--workdir inside the repository must be under bench/out/")
    workdir.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    print(f"warta bench: N={args.n}, workdir {workdir}", flush=True)

    corpus = load_corpus(args.shared)
    started = time.perf_counter()
    inbox = build_inbox(workdir / "inbox", corpus, args.n, args.html_share)
    build_s = time.perf_counter() - started
    print(f"built inbox in {build_s:.1f} s from {len(corpus)} real articles", flush=True)

    results: dict = {
        "meta": {"n": args.n, "run_date": RUN_DATE.isoformat(), "python": platform.python_version(),
                 "cpus": len(os.sched_getaffinity(0)), "machine": platform.machine(),
                 "real_articles": len(corpus), "html_share": args.html_share,
                 "load_average_at_start": os.getloadavg(),  # other work skews the figures
                 "compiled": COMPILED},
        "inbox": {"articles": inbox.articles, "bytes": inbox.bytes, "mb": inbox.bytes / 2**20,
                  "files": dict(inbox.files), "articles_by_format": dict(inbox.articles_by_format),
                  "build_s": build_s},
        "end_to_end": [],
    }
    logs = workdir / "logs"
    logs.mkdir(exist_ok=True)
    for workers in (1, 2):
        warehouse = workdir / f"warehouse-w{workers}"
        shutil.rmtree(warehouse, ignore_errors=True)
        print(f"warta run --workers {workers} ...", flush=True)
        results["end_to_end"].append(
            warta_run(inbox, warehouse, workers, logs / f"run-w{workers}.log"))
    print("warta run --workers 1 over the text/md/csv/jsonl files only ...", flush=True)
    text_inbox = text_only(inbox, workdir / "inbox-text")
    shutil.rmtree(workdir / "warehouse-text", ignore_errors=True)
    results["end_to_end_text_only"] = warta_run(text_inbox, workdir / "warehouse-text", 1,
                                                logs / "run-text.log")
    results["end_to_end_text_only"]["articles"] = text_inbox.articles
    print("rerun over the unchanged inbox ...", flush=True)
    results["incremental"] = nothing_new(inbox, workdir / "warehouse-w2", logs / "rerun.log")

    print("stages in process ...", flush=True)
    stages = stage_by_stage(inbox, workdir, args.peer_articles, args.stage_files)
    results["stages"] = {
        "records": stages.records, "documents": stages.documents, "rejected": stages.rejected,
        "quarantined_files": stages.quarantined_files, "seconds": stages.seconds,
        "articles_per_s": {k: stages.records / v for k, v in stages.seconds.items() if v > 0},
        "rows": _table_summary(stages.tables),
        "bulk_sentence_rows_per_s": stages.sentence_rows / stages.seconds["load_sentences"],
    }
    print("peers ...", flush=True)
    results["peers"] = {
        "spacy_sentencizer": peer_spacy(stages.bodies),
        "trafilatura": peer_trafilatura(inbox, args.html_peer_pages),
        "row_insert": peer_row_insert(stages.tables, workdir, args.row_insert_rows),
    }
    results["dag_parse"] = dag_parse_times()
    if args.profile_articles:
        print("profile ...", flush=True)
        results["profile"] = profile_records(inbox, args.profile_articles)
    results["meta"]["bench_wall_s"] = time.perf_counter() - began
    results["meta"]["load_average_at_end"] = os.getloadavg()

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print_report(results)
    print(f"\nbench took {results['meta']['bench_wall_s']:.0f} s (load average "
          f"{results['meta']['load_average_at_start'][0]:.1f} at start on "
          f"{results['meta']['cpus']} CPUs); results in {args.out}")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
