"""Score warta's extraction against hand-annotated gold: the crawl gold set and the seed gold.

Crawl set (``tests/gold/crawl_gold.jsonl``, guidelines in ``tests/gold/README.md``): each line
names one record of a shared crawl; the pipeline runs over that record and is scored per field:
people, organisations and places P/R/F1 on canonical names (case-insensitive, any listed alias
accepted), direct-quote detection P/R/F1 by the hash of the speech's first words, speaker
accuracy among matched quotes, and date resolution accuracy among gold date spans the pipeline
finds at the same offsets. Seed: ``gold/pahami-2024-06-21.gold.json`` against the seed article,
each field right or wrong.

Hold-out set (``tests/gold/holdout_gold.jsonl``): the same format and scoring over outlets the
extractors were not developed on, including whole HTML pages (``html/*.html`` under the shared
folder, read through warta's HTML reader). It measures generalisation: never tune on it.
The second hold-out (``tests/gold/holdout2_gold.jsonl``) was built the same way, from articles
syndicated inside the Kompas crawl and Kompas days no other set uses, once the first hold-out's
error classes had been looked at; the same rule holds.

    PYTHONPATH=plugins .venv/bin/python scripts/eval_gold.py [--gold PATH] [--json PATH] [--errors]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from warta.config import shared_dir  # noqa: E402
from warta.ingest import format_of, read_records  # noqa: E402
from warta.model import (  # noqa: E402
    Document,
    EntityType,
    RawRecord,
    RejectedRecord,
    SourceFile,
)
from warta.pipeline import process_record  # noqa: E402

SHARED = shared_dir()
CRAWL_GOLD = ROOT / "tests" / "gold" / "crawl_gold.jsonl"
HOLDOUT_GOLD = ROOT / "tests" / "gold" / "holdout_gold.jsonl"
HOLDOUT2_GOLD = ROOT / "tests" / "gold" / "holdout2_gold.jsonl"
HTML_PAGE_SUFFIX = re.compile(r"-singlepage\d*$")
SEED_SOURCE = "seed/pahami-2024-06-21.txt"
SEED_GOLD = "gold/pahami-2024-06-21.gold.json"
RUN_DATE = date(2026, 11, 29)
PREFIX_WORDS = 6
WORD = re.compile(r"\w+")
ENTITY_FIELDS = {"people": "persons", "orgs": "orgs", "places": "places"}
ENTITY_TYPES = {"people": EntityType.PERSON, "orgs": EntityType.ORG, "places": EntityType.LOC}


# ---------------------------------------------------------------- shared helpers (also for tests)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def quote_prefix_words(speech: str, words: int = PREFIX_WORDS) -> str:
    """The first ``words`` word tokens of a speech, lowercased: quotation marks, punctuation and
    spacing do not count, so the key survives small cleaning differences."""
    return " ".join(WORD.findall(speech.casefold())[:words])


def quote_prefix_hash(speech: str, words: int = PREFIX_WORDS) -> str:
    """What the gold stores for a direct quote instead of its words (article text is not ours)."""
    return sha256_text(quote_prefix_words(speech, words))


@cache
def _file_records(source: str) -> dict[int, RawRecord | RejectedRecord]:
    """Every record of one shared file, read by warta's own reader for its format, so an HTML
    page goes through the same boilerplate removal and charset handling as in the nightly run."""
    path = SHARED / source
    fmt = format_of(path.name)
    assert fmt is not None, f"unsupported gold source {source}"
    file = SourceFile(source, sha256_text(source), path.stat().st_size, fmt)
    return {record.record_no: record for record in read_records(path, file)}


def raw_records(source: str) -> dict[int, RawRecord]:
    """The readable records of one shared file, numbered as the nightly run numbers them."""
    return {no: r for no, r in _file_records(source).items() if isinstance(r, RawRecord)}


def gold_document(source: str, record_no: int, run_date: date = RUN_DATE) -> Document:
    """Run the pipeline over one record of a shared file, as the nightly run would."""
    record = _file_records(source)[record_no]
    assert isinstance(record, RawRecord), f"{source} record {record_no} is rejected"
    document = process_record(record, run_date)
    assert isinstance(document, Document), f"{source} record {record_no}: {document}"
    return document


def outlet_of(gold: dict) -> str:
    """The outlet a gold line counts under: its ``outlet`` key, else the crawl folder
    (``corpora/detik/...``) or the site of a saved page (``html/antara-singlepage2.html``)."""
    if gold.get("outlet"):
        return str(gold["outlet"])
    parts = gold["source"].split("/")
    if parts[0] == "html":
        return HTML_PAGE_SUFFIX.sub("", Path(parts[-1]).stem)
    return parts[1]


# ---------------------------------------------------------------- scoring


@dataclass
class Tally:
    """Counts for one field over the crawl set, plus the names behind the errors."""

    correct_predicted: int = 0
    predicted: int = 0
    found_gold: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        precision = self.correct_predicted / self.predicted if self.predicted else 0.0
        recall = self.found_gold / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4),
                "f1": round(f1, 4), "predicted": self.predicted, "gold": self.gold}


@dataclass
class Ratio:
    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        return {"accuracy": round(self.right / self.total, 4) if self.total else 0.0,
                "right": self.right, "total": self.total}


def _names(entry: str | list[str]) -> list[str]:
    return [entry] if isinstance(entry, str) else list(entry)


def _gold_alias_sets(entries: list) -> list[tuple[str, set[str]]]:
    """Each gold entity as (canonical name, every name accepted for it, casefolded)."""
    sets = []
    for entry in entries:
        if isinstance(entry, dict):
            names = [entry["name"], *entry.get("aliases", [])]
        else:
            names = _names(entry)
        sets.append((names[0], {name.casefold() for name in names}))
    return sets


def score_entities(tally: Tally, gold_entries: list, optional: set[str], predicted: set[str],
                   where: str) -> None:
    """Names the pipeline gives vs gold entities; optional names count neither way."""
    gold_sets = _gold_alias_sets(gold_entries)
    accepted = set().union(*(names for _, names in gold_sets))
    scored = {name for name in predicted if name not in optional}
    tally.predicted += len(scored)
    tally.correct_predicted += len(scored & accepted)
    tally.spurious += [f"{where}: {name}" for name in sorted(scored - accepted)]
    tally.gold += len(gold_sets)
    for canonical, names in gold_sets:
        if names & predicted:
            tally.found_gold += 1
        else:
            tally.misses.append(f"{where}: {canonical}")


def score_roles(ratio: Ratio, gold_persons: list[dict], document: Document, where: str) -> None:
    """Among gold people found with a role in the gold: does any mention carry that role?"""
    roles: dict[str, set[str]] = {}
    for mention in document.entity_mentions:
        if mention.entity_type == EntityType.PERSON:
            bucket = roles.setdefault(mention.canonical_name.casefold(), set())
            if mention.role:
                bucket.add(mention.role.casefold())
    for person in gold_persons:
        names = {person["name"].casefold(), *(a.casefold() for a in person.get("aliases", []))}
        found = [roles[name] for name in names if name in roles]
        if not person.get("role") or not found:
            continue
        ratio.total += 1
        got = set().union(*found)
        if person["role"].casefold() in got:
            ratio.right += 1
        else:
            ratio.wrong.append(f"{where}: {person['name']} gold {person['role']!r} got "
                               f"{sorted(got) or None}")


def score_quotes(tally: Tally, speakers: Ratio, gold_quotes: list[dict], document: Document,
                 person_aliases: dict[str, set[str]], where: str) -> None:
    """Direct quotes matched by prefix hash (one gold quote per predicted quote)."""
    predicted = [q for q in document.quotes if q.kind == "direct"]
    unmatched = list(range(len(predicted)))
    tally.predicted += len(predicted)
    tally.gold += len(gold_quotes)
    for number, gold in enumerate(gold_quotes, 1):
        words = gold.get("words", PREFIX_WORDS)
        hit = next((i for i in unmatched
                    if quote_prefix_hash(predicted[i].text, words) == gold["prefix_sha256"]), None)
        if hit is None:
            tally.misses.append(f"{where}: gold quote {number} (speaker {gold['speaker']})")
            continue
        unmatched.remove(hit)
        tally.found_gold += 1
        tally.correct_predicted += 1
        if gold.get("speaker") is None:
            continue
        speakers.total += 1
        accepted = person_aliases.get(gold["speaker"].casefold(), {gold["speaker"].casefold()})
        got = predicted[hit].speaker_name
        if got is not None and got.casefold() in accepted:
            speakers.right += 1
        else:
            speakers.wrong.append(f"{where}: quote {number} gold {gold['speaker']!r} got {got!r} "
                                  f"(text says {predicted[hit].speaker_surface!r})")
    for i in unmatched:
        tally.spurious.append(f"{where}: {quote_prefix_words(predicted[i].text, 3)!r}...")


def score_dates(spans: Tally, resolved: Ratio, overlapping_spans: Ratio, gold_dates: list[dict],
                document: Document, where: str) -> None:
    """Gold date spans found at the same offsets, and whether they resolve to the gold day."""
    by_offsets = {(m.char_start, m.char_end): m for m in document.date_mentions}
    spans.gold += len(gold_dates)
    spans.predicted += len(by_offsets)
    gold_offsets = {(g["char_start"], g["char_end"]) for g in gold_dates}
    spans.correct_predicted += len(gold_offsets & set(by_offsets))
    for gold in gold_dates:
        key = (gold["char_start"], gold["char_end"])
        surface = document.body_text[key[0]:key[1]]
        mention = by_offsets.get(key)
        overlapping = [m.surface for m in document.date_mentions
                       if m.char_start < key[1] and key[0] < m.char_end]
        overlapping_spans.total += 1
        overlapping_spans.right += bool(overlapping)
        if mention is None:
            spans.misses.append(f"{where}: {surface!r} got {overlapping or None}")
            continue
        spans.found_gold += 1
        resolved.total += 1
        got = mention.resolved_date.isoformat() if mention.resolved_date else None
        if got == gold["date"]:
            resolved.right += 1
        else:
            resolved.wrong.append(f"{where}: {surface!r} gold {gold['date']} got {got}")


def score_published_date(ratio: Ratio, gold: dict, document: Document, where: str) -> None:
    """Publication date, for gold lines that state it (the hold-out does; the crawl set not)."""
    if not gold.get("published"):
        return
    ratio.total += 1
    got = document.published_date.isoformat() if document.published_date else None
    if got == gold["published"]:
        ratio.right += 1
    else:
        ratio.wrong.append(f"{where}: gold {gold['published']} got {got} "
                           f"({document.published_date_source})")


def _speaker_aliases(gold: dict) -> dict[str, set[str]]:
    """Names accepted for a gold speaker: the person's aliases, or an organisation's."""
    aliases: dict[str, set[str]] = {}
    for entry in [*gold["persons"], *gold["orgs"]]:
        names = ([entry["name"], *entry.get("aliases", [])] if isinstance(entry, dict)
                 else _names(entry))
        aliases[names[0].casefold()] = {name.casefold() for name in names}
    return aliases


def _entity_names(document: Document, entity_type: EntityType) -> set[str]:
    return {m.canonical_name.casefold() for m in document.entity_mentions
            if m.entity_type == entity_type}


def evaluate_holdout_gold(path: Path = HOLDOUT_GOLD) -> dict:
    """The hold-out figures: a measurement of how extraction generalises, not a tuning target."""
    return evaluate_crawl_gold(path)


def evaluate_crawl_gold(path: Path = CRAWL_GOLD) -> dict:
    """Every figure of a gold set in the crawl format (the crawl set or the hold-out), with the
    errors behind them."""
    tallies = {name: Tally() for name in (*ENTITY_FIELDS, "direct_quotes", "date_spans")}
    roles, speakers, dates, overlapping = Ratio(), Ratio(), Ratio(), Ratio()
    published = Ratio()
    drifted: list[str] = []
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    outlets: Counter[str] = Counter()
    for gold in lines:
        where = f"{gold['source']}#{gold['record']}"
        document = gold_document(gold["source"], int(gold["record"]))
        outlets[outlet_of(gold)] += 1
        if sha256_text(document.body_text) != gold["body_sha256"]:
            drifted.append(where)
        optional = {name.casefold() for name in gold.get("optional", [])}
        for name, key in ENTITY_FIELDS.items():
            predicted = _entity_names(document, ENTITY_TYPES[name])
            score_entities(tallies[name], gold[key], optional, predicted, where)
        score_roles(roles, gold["persons"], document, where)
        aliases = _speaker_aliases(gold)
        score_quotes(tallies["direct_quotes"], speakers, gold["direct_quotes"], document,
                     aliases, where)
        score_dates(tallies["date_spans"], dates, overlapping, gold["dates"], document, where)
        score_published_date(published, gold, document, where)
    figures = {name: tally.figures() for name, tally in tallies.items()}
    figures["roles"] = roles.figures()
    figures["speakers"] = speakers.figures()
    figures["dates"] = dates.figures()
    figures["date_spans_overlapping"] = overlapping.figures()
    figures["published_dates"] = published.figures()
    errors = {name: {"missed": t.misses, "spurious": t.spurious} for name, t in tallies.items()}
    errors.update({"roles": roles.wrong, "speakers": speakers.wrong, "dates": dates.wrong,
                   "published_dates": published.wrong})
    return {"name": path.name, "articles": len(lines), "outlets": dict(outlets),
            "body_drift": drifted, "figures": figures, "errors": errors}


# ---------------------------------------------------------------- seed


def _seed_document() -> Document:
    return gold_document(SEED_SOURCE, 1)


def _seed_people_right(gold: dict, document: Document) -> tuple[bool, str]:
    got = {(m.canonical_name, m.role, m.affiliation) for m in document.entity_mentions
           if m.entity_type == EntityType.PERSON and m.role}
    names = {m.canonical_name for m in document.entity_mentions
             if m.entity_type == EntityType.PERSON}
    want = {(p["name"], p["role"], p["affiliation"]) for p in gold["persons"]}
    missing = want - got
    extra = names - {p["name"] for p in gold["persons"]}
    return not missing and not extra, f"missing {sorted(missing)} extra {sorted(extra)}"


def _seed_names_right(entries: list[dict], document: Document, entity_type: EntityType,
                      ignore: set[str] = frozenset()) -> tuple[bool, str]:
    got = {m.canonical_name for m in document.entity_mentions if m.entity_type == entity_type}
    accepted = {name for e in entries for name in [e["name"], *e.get("aliases_in_text", [])]}
    missing = {e["name"] for e in entries} - got
    extra = got - accepted - ignore
    return not missing and not extra, f"missing {sorted(missing)} extra {sorted(extra)}"


def _seed_dates_right(gold: dict, document: Document) -> tuple[bool, str]:
    got = {(m.surface, m.resolved_date.isoformat() if m.resolved_date else None)
           for m in document.date_mentions}
    want = {(d["surface"], d["date"]) for d in gold["dates"]}
    resolved_extra = {pair for pair in got - want if pair[1] is not None}
    ok = want <= got and not resolved_extra
    return ok, f"missing {sorted(want - got)} wrongly resolved {sorted(resolved_extra)}"


def _seed_quotes_right(gold: dict, document: Document) -> tuple[bool, str]:
    problems = []
    for want in gold["quotes"]:
        prefix = quote_prefix_words(want["starts_with"], 99)
        hit = next((q for q in document.quotes if q.kind == want["kind"]
                    and quote_prefix_words(q.text, 99).startswith(prefix)), None)
        if hit is None:
            problems.append(f"not found: {want['kind']} {want['starts_with'][:25]!r}")
        elif hit.speaker_name != want["speaker"]:
            problems.append(f"speaker {hit.speaker_name!r} for {want['starts_with'][:25]!r}")
    directs = sum(q.kind == "direct" for q in document.quotes)
    wanted_directs = sum(q["kind"] == "direct" for q in gold["quotes"])
    if directs != wanted_directs:
        problems.append(f"{directs} direct quotes, gold {wanted_directs}")
    return not problems, "; ".join(problems)


def evaluate_seed() -> dict[str, dict[str, object]]:
    """Each seed gold field: right or wrong, with what the pipeline gave when wrong."""
    gold = json.loads((SHARED / SEED_GOLD).read_text(encoding="utf-8"))
    doc = _seed_document()
    published = doc.published_date.isoformat() if doc.published_date else None
    source = str(doc.published_date_source) if doc.published_date_source else None
    checks: dict[str, tuple[bool, str]] = {
        "outlet": (doc.outlet == gold["outlet"], repr(doc.outlet)),
        "dateline": (doc.dateline_city == gold["dateline_city"], repr(doc.dateline_city)),
        "published_date": ((published, source) == (gold["published_date"],
                           gold["published_date_source"]), f"{published} {source}"),
        "editor_codes": (list(doc.editor_codes) == gold["editor_codes"], repr(doc.editor_codes)),
        "language": (doc.language == gold["language"], repr(doc.language)),
        "paragraphs": (len(doc.paragraphs) == gold["paragraphs"], str(len(doc.paragraphs))),
        "sentences": (len(doc.sentences) == gold["sentences"], str(len(doc.sentences))),
        "persons": _seed_people_right(gold, doc),
        "orgs": _seed_names_right(gold["organizations"], doc, EntityType.ORG),
        "places": _seed_names_right(gold["locations"], doc, EntityType.LOC),
        "dates": _seed_dates_right(gold, doc),
        "quotes": _seed_quotes_right(gold, doc),
    }
    return {name: {"right": ok, "got": detail} for name, (ok, detail) in checks.items()}


# ---------------------------------------------------------------- report


def _print_crawl(result: dict, show_errors: bool) -> None:
    figures = result["figures"]
    print(f"Gold {result['name']}: {result['articles']} articles {result['outlets']}  "
          f"run date {RUN_DATE}")
    if result["body_drift"]:
        print(f"  WARNING body_text drifted since annotation: {result['body_drift']}")
    print(f"  {'field':16} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5}")
    for name in (*ENTITY_FIELDS, "direct_quotes", "date_spans"):
        f = figures[name]
        print(f"  {name:16} {f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f} "
              f"{f['predicted']:5} {f['gold']:5}")
    for name, label in (("speakers", "speaker accuracy (matched direct quotes)"),
                        ("dates", "date accuracy (gold spans at same offsets)"),
                        ("date_spans_overlapping", "gold date spans overlapped by a mention"),
                        ("roles", "role accuracy (gold people found, with a role)"),
                        ("published_dates", "publication date accuracy (lines stating it)")):
        f = figures[name]
        if name == "published_dates" and not f["total"]:
            continue
        print(f"  {label:48} {f['accuracy']:6.3f}  ({f['right']}/{f['total']})")
    if show_errors:
        for name, errors in result["errors"].items():
            items = errors if isinstance(errors, list) else [
                *(f"missed {e}" for e in errors["missed"]),
                *(f"spurious {e}" for e in errors["spurious"])]
            print(f"\n  errors: {name} ({len(items)})")
            for item in items:
                print(f"    {item}")


def _print_seed(seed: dict[str, dict[str, object]]) -> None:
    right = sum(bool(v["right"]) for v in seed.values())
    print(f"\nSeed gold ({SEED_SOURCE}, run date {RUN_DATE}): {right}/{len(seed)} fields right")
    for name, value in seed.items():
        mark = "right" if value["right"] else "WRONG"
        print(f"  {name:16} {mark}" + ("" if value["right"] else f"  got {value['got']}"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every error")
    parser.add_argument("--gold", metavar="PATH", default=str(CRAWL_GOLD),
                        help="gold JSONL in the crawl format: the crawl set (default) or "
                             f"the hold-outs {HOLDOUT_GOLD.relative_to(ROOT)} and "
                             f"{HOLDOUT2_GOLD.relative_to(ROOT)}")
    args = parser.parse_args()
    crawl = evaluate_crawl_gold(Path(args.gold))
    seed = evaluate_seed()
    _print_crawl(crawl, args.errors)
    _print_seed(seed)
    if args.json:
        Path(args.json).write_text(json.dumps({"crawl": crawl, "seed": seed}, indent=2,
                                              ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
