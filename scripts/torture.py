"""Torture inbox: every kind of bad input a crawler can leave, run through `warta run`.

Builds the inbox into a folder, runs `warta run` over it (twice, replacing one file in between,
then a third time that must add nothing) and prints the accounting table: one line per
(path, content) pair with its status and reason, then the rows of ``runs``. Bad input must
never stop the run: everything ends up loaded, duplicate or quarantined with a reason.

    .venv/bin/python scripts/torture.py [FOLDER] [--big-mb 200]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

RUN_DATE = "2026-11-29"
SQL_INJECTION = "'; DROP TABLE documents; --"
GZIP_BOMB_BYTES = 1 << 30  # what the bomb expands to; the file itself is about 1 MB

CITIES = ("Jakarta", "Surabaya", "Medan", "Makassar", "Semarang", "Bandung", "Denpasar",
          "Palembang", "Pontianak", "Yogyakarta", "Padang", "Manado")
PEOPLE = (("Wali Kota", "Eri Cahyadi"), ("Gubernur", "Bobby Nasution"),
          ("Kepala BPBD", "Suharyanto"), ("Menteri Perhubungan", "Dudy Purwagandhi"),
          ("Kapolda", "Irjen Ahmad Luthfi"), ("Ketua DPRD", "Prasetyo Edi Marsudi"))
TOPICS = ("harga beras di pasar tradisional naik Rp1.000 per kilogram",
          "banjir merendam ratusan rumah warga di bantaran sungai",
          "pemerintah daerah membuka 1.200 formasi guru honorer",
          "rute baru bus kota mulai beroperasi pekan depan",
          "ribuan pemudik memadati terminal menjelang libur panjang",
          "dinas kesehatan mencatat kenaikan kasus demam berdarah")


def news_article(n: int, *, title: str | None = None) -> str:
    """A distinct, realistic short news article (the number changes its figures and place)."""
    city = CITIES[n % len(CITIES)]
    office, person = PEOPLE[n % len(PEOPLE)]
    topic = TOPICS[n % len(TOPICS)]
    head = f"{title}\n\n" if title else ""
    return (
        f"{head}{city}, CNN Indonesia -- {office} {person} menyebut {topic}, Senin (25/11). "
        f"Menurut catatan pemerintah setempat, sebanyak {120 + 37 * n} warga terdampak "
        f"di {3 + n % 9} kecamatan.\n"
        f"\"Kami sudah menyiapkan langkah penanganan sejak pekan lalu dan akan terus memantau "
        f"perkembangan di lapangan,\" kata {person} kepada wartawan di {city}.\n"
        f"Ia menambahkan laporan lengkap nomor {n} akan disampaikan kepada DPRD pada Kamis "
        f"(28/11).\n(frd/agt)"
    )


def _png() -> bytes:
    header = b"\x89PNG\r\n\x1a\n"
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(
        ">I", zlib.crc32(b"IHDR" + ihdr))
    return header + chunk + bytes(range(256)) * 4


def _elf() -> bytes:
    return b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00\x3e\x00" + bytes(range(256)) * 16


def gzip_bomb(expanded_bytes: int = GZIP_BOMB_BYTES, fill: bytes = b"a") -> bytes:
    """A valid gzip stream of ``expanded_bytes`` of text, built fast from one repeated block.

    After a full flush a deflate block needs nothing that came before it, so one compressed
    megabyte can be repeated; the trailer carries the true CRC and size.
    """
    chunk = fill * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeats = expanded_bytes // len(chunk)
    crc = 0
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)  # empty final block
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (repeats * len(chunk)) & 0xFFFFFFFF)
    return header + block * repeats + final + trailer


def _csv_quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _csv_row(n: int) -> str:
    return ",".join([f"Berita nomor {n}", f"https://www.cnnindonesia.com/nasional/{n}",
                     "2024-11-25", _csv_quote(news_article(n))])


CSV_HEADER = "judul,tautan,tanggal,isi\n"


@dataclass
class TortureInbox:
    """The inbox and what the run must make of it."""

    folder: Path
    inbox: Path
    expected: dict[str, tuple[str, str]] = field(default_factory=dict)  # path -> status, clue
    invisible: list[str] = field(default_factory=list)  # must never reach source_files
    replaced: str = "diganti.txt"

    def replace_file(self) -> None:
        """Give one file new content under the same name (the crawler re-fetched it)."""
        (self.inbox / self.replaced).write_text(news_article(99, title="Koreksi"),
                                                encoding="utf-8")


def build_torture_inbox(folder: Path, big_bytes: int = 200 * 10**6) -> TortureInbox:
    """Write the torture inbox into ``folder/inbox`` (``folder/rahasia.txt`` sits outside it)."""
    inbox = folder / "inbox"
    inbox.mkdir(parents=True)
    torture = TortureInbox(folder, inbox)
    n = iter(range(1, 1000))

    def put(name: str | bytes, data: bytes | str, status: str = "", clue: str = "") -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if isinstance(name, bytes):
            path = os.path.join(os.fsencode(inbox), name)
            shown = name.decode("utf-8", "backslashreplace")
        else:
            path, shown = str(inbox / name), name
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(raw)
        if status:
            torture.expected[shown] = (status, clue)

    # Nothing to read.
    put("kosong.txt", b"", "quarantined", "empty")
    put("spasi-saja.txt", " \n\t  \r\n   \n", "quarantined", "whitespace")
    # Binary content, by name and in disguise.
    put("foto.png", _png(), "quarantined", "unsupported format")
    put("gambar-menyamar.txt", _png(), "quarantined", "PNG")
    put("program.txt", _elf(), "quarantined", "ELF")
    put("banyak-nul.txt", news_article(next(n)).encode().replace(b" ", b" \x00\x00"),
        "quarantined", "NUL")
    # Damaged or foreign text encodings: all readable.
    put("nul-di-tengah.txt", news_article(next(n)).encode().replace(b"Menurut", b"\x00Menurut"),
        "loaded")
    put("utf8-rusak.txt",
        news_article(next(n)).encode().replace(b"warga", b"wa\xffrga", 1).replace(
            b"pekan", b"pe\xc3\x28kan", 1), "loaded")
    put("latin1-cp1252.txt",
        news_article(next(n)).replace("\"", "\u201c", 1).replace("\"", "\u201d", 1).replace(
            " -- ", " \u2013 ").replace("Menurut", "Menurut caf\u00e9 di pojok jalan,")
        .encode("cp1252"), "loaded")
    put("utf16-bom.txt", news_article(next(n)).encode("utf-16"), "loaded")
    put("crlf.txt", news_article(next(n)).replace("\n", "\r\n"), "loaded")
    lines = news_article(next(n)).split("\n")
    put("akhir-baris-campuran.txt", lines[0] + "\r\n" + lines[1] + "\r" + "\n".join(lines[2:]),
        "loaded")
    # Too big: one line with no end, far beyond any article.
    if big_bytes:
        words = b"sangat panjang tanpa akhir baris "
        with open(inbox / "satu-baris-raksasa.txt", "wb") as handle:
            block = words * ((1 << 20) // len(words))
            written = 0
            while written < big_bytes:
                piece = block[: big_bytes - written]
                handle.write(piece)
                written += len(piece)
        torture.expected["satu-baris-raksasa.txt"] = ("quarantined", "limit max_")
    # gzip gone wrong.
    article_gz = gzip.compress(news_article(next(n)).encode(), mtime=0)
    put("terpotong.txt.gz", article_gz[: len(article_gz) // 2], "quarantined", "truncated gzip")
    put("bom.txt.gz", gzip_bomb(), "quarantined", "limit max_")
    put("bom-data.jsonl.gz", gzip_bomb(fill=b" "), "quarantined", "limit max_decompressed_bytes")
    put("bukan-gzip.txt.gz", news_article(next(n)), "quarantined", "not gzip")
    halves = news_article(next(n)).encode()
    put("dua-anggota.txt.gz", gzip.compress(halves[:200], mtime=0)
        + gzip.compress(halves[200:], mtime=0), "loaded")
    # CSV gone wrong.
    put("kutip-tak-tertutup.csv",
        CSV_HEADER + _csv_row(next(n)) + "\n" + f'Berita,https://x.id/1,2024-11-25,"terpotong '
        f"tanpa kutip penutup\n{_csv_row(next(n))}\n", "loaded")
    put("kolom-kurang-lebih.csv",
        CSV_HEADER + _csv_row(next(n)) + "\nhanya,dua\n" + _csv_row(next(n)) + ",lebih,banyak\n"
        + _csv_row(next(n)) + "\n", "loaded")
    put("sejuta-baris-kosong.csv",
        CSV_HEADER + _csv_row(next(n)) + "\n" + ",,,\n" * 1_000_000 + _csv_row(next(n)) + "\n",
        "loaded")
    put("kutip-tak-tertutup-di-akhir.csv",
        CSV_HEADER + _csv_row(next(n)) + "\n" + 'Berita,https://x.id/2,2024-11-25,"terpotong '
        "sampai akhir berkas\ntanpa kutip penutup\n", "loaded")
    put("hanya-kepala.csv", CSV_HEADER, "quarantined", "no records")
    # JSON gone wrong.
    put("angka.json", "42", "quarantined", "not an article")
    put("null.json", "null", "quarantined", "not an article")
    put("daftar-angka.json", "[1, 2, 3]", "loaded")
    put("daftar-kosong.json", "[]", "quarantined", "no records")
    put("bersarang-dalam.json", "[" * 200_000 + "]" * 200_000, "quarantined", "nested")
    put("rusak.json", '{"judul": "Terpotong", "isi": "Jakarta', "quarantined", "invalid JSON")
    good = [json.dumps({"judul": f"Berita {i}", "isi": news_article(i), "tautan":
                        f"https://www.cnnindonesia.com/ekonomi/{i}"}) for i in (next(n), next(n))]
    put("satu-baris-rusak.jsonl",
        f"{good[0]}\n{{\"judul\": \"Rusak\", \"isi\": \"tanpa penutup\n{good[1]}\n"
        + "[" * 100_000 + "]" * 100_000 + "\n", "loaded")
    put("satu-baris-panjang.jsonl", json.dumps({"isi": news_article(next(n))}) + "\n"
        + json.dumps({"isi": "panjang " * 600_000}) + "\n", "loaded")
    # HTML without an article.
    put("tanpa-artikel.html",
        "<!doctype html><html><head><title>Beranda - Contoh.id</title></head><body>"
        "<nav><a href='/'>Beranda</a> <a href='/politik'>Politik</a></nav>"
        "<footer>Hak cipta 2024 Contoh.id</footer></body></html>", "loaded")
    # Awkward names, each holding its own article.
    for name in ("berita dengan spasi.txt", "kutip \"ganda\" dan 'tunggal'.txt",
                 "titik;koma;berita.txt", "baris\nbaru.txt", "خبر-عربي.txt", "新闻-中文.txt",
                 "ꦧꦼꦫꦶꦠ-jawa.txt", "-dimulai-tanda-hubung.txt", f"{SQL_INJECTION}.txt",
                 "folder dalam/sub;folder/berita.md"):
        put(name, news_article(next(n)), "loaded")
    put(b"nama-\xff\xfe-bukan-utf8.txt", news_article(next(n)), "quarantined", "UTF-8")
    put("judul-berbahaya.json", json.dumps({"judul": SQL_INJECTION, "isi": news_article(
        next(n)), "tautan": "https://www.cnnindonesia.com/nasional/drop"}), "loaded")
    # Symlinks and special files.
    (folder / "rahasia.txt").write_text(news_article(next(n)), encoding="utf-8")
    (inbox / "tautan-keluar.txt").symlink_to(folder / "rahasia.txt")
    torture.expected["tautan-keluar.txt"] = ("quarantined", "symlink")
    (inbox / "tautan-putus.txt").symlink_to(inbox / "tidak-ada.txt")
    torture.expected["tautan-putus.txt"] = ("quarantined", "symlink")
    os.mkfifo(inbox / "pipa.txt")
    torture.expected["pipa.txt"] = ("quarantined", "not a regular file")
    # Not finished, hidden: never seen.
    for name in ("unduhan.txt.part", "sementara.tmp", ".tersembunyi.txt", ".cache/berita.txt"):
        put(name, news_article(next(n)))
        torture.invisible.append(name)
    # The same bytes under two names, and a file that will change under its name.
    twin = news_article(next(n))
    put("kembar/asli.txt", twin, "loaded")
    put("kembar/salinan.txt", twin, "duplicate", "same content")
    put(torture.replaced, news_article(next(n)), "loaded")
    return torture


def run_warta(inbox: Path, warehouse: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """`warta run` as an operator would start it, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "warta.cli", "run", "--inbox", str(inbox), "--warehouse",
         str(warehouse), "--run-date", RUN_DATE, "--settle-seconds", "0"],
        capture_output=True, text=True, check=False, timeout=timeout,
    )


def inbox_fingerprint(inbox: Path) -> dict[str, str]:
    """sha256 of every entry (a symlink by its target, a FIFO by its kind), never following."""
    prints: dict[str, str] = {}
    for root, _dirs, files in os.walk(os.fsencode(inbox)):
        for name in files:
            path = os.path.join(root, name)
            key = os.path.relpath(path, os.fsencode(inbox)).decode("utf-8", "backslashreplace")
            if os.path.islink(path):
                prints[key] = "symlink:" + os.fsdecode(os.readlink(path))
            elif not os.path.isfile(path):
                prints[key] = "special"
            else:
                with open(path, "rb") as handle:
                    prints[key] = hashlib.file_digest(handle, "sha256").hexdigest()
    return prints


def accounting(warehouse: Path) -> tuple[list[tuple], list[tuple]]:
    """(path, status, reason, run) per source file and the runs rows, oldest first."""
    import duckdb

    con = duckdb.connect(str(warehouse / "warta.duckdb"), read_only=True)
    try:
        files = con.execute("""
            WITH rejected AS (
                SELECT file_id, count(*) AS n, min(reason) AS first FROM records
                WHERE status = 'rejected' GROUP BY file_id)
            SELECT f.path, f.status,
                   coalesce(f.reason, printf('%d record(s) rejected, first: %s', r.n, r.first)),
                   f.first_seen_run
            FROM source_files f LEFT JOIN rejected r USING (file_id)
            ORDER BY f.first_seen_run, f.path""").fetchall()
        runs = con.execute("""
            SELECT run_id, files_seen, files_loaded, files_duplicate, files_quarantined,
                   documents_loaded, status FROM runs ORDER BY started_at""").fetchall()
    finally:
        con.close()
    return files, runs


def format_accounting(files: list[tuple], runs: list[tuple]) -> str:
    """The table an operator reads: one line per file, names JSON-quoted so newlines show."""
    run_no = {run[0]: i for i, run in enumerate(runs, start=1)}
    shown = [json.dumps(path, ensure_ascii=False) for path, *_ in files]
    width = min(44, max(map(len, shown), default=4))
    lines = [f"run  {'path':<{width}}  {'status':<11}  reason", "-" * (width + 70)]
    for name, (_path, status, reason, run_id) in zip(shown, files, strict=True):
        number = run_no.get(run_id, "?")
        lines.append(f"{number:<3}  {name:<{width}}  {status:<11}  {reason or ''}")
    lines += ["", "run  run_id | files_seen | loaded | duplicate | quarantined | documents "
              "| status"]
    lines += [f"{i:<3}  " + " | ".join(str(v) for v in run) for i, run in enumerate(runs, 1)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", help="empty or new folder (default: a temp folder, "
                        "removed afterwards)")
    parser.add_argument("--big-mb", type=int, default=200, help="size of the one-line file")
    args = parser.parse_args(argv)
    folder = Path(args.folder) if args.folder else Path(tempfile.mkdtemp(prefix="warta-torture-"))
    if folder.exists() and any(folder.iterdir()) and args.folder:
        parser.error(f"{folder} is not empty")
    try:
        torture = build_torture_inbox(folder, big_bytes=args.big_mb * 10**6)
        warehouse = folder / "warehouse"
        before = inbox_fingerprint(torture.inbox)
        for step in ("first run", "file replaced", "rerun"):
            if step == "file replaced":
                torture.replace_file()
            started = time.monotonic()
            result = run_warta(torture.inbox, warehouse)
            print(f"== {step}: exit {result.returncode} in {time.monotonic() - started:.1f} s")
            if result.returncode != 0:
                print(result.stdout, result.stderr, sep="\n")
                return 1
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of a run: {peak_mb:.0f} MB")
        after = inbox_fingerprint(torture.inbox)
        changed = sorted(k for k in before.keys() | after.keys()
                         if before.get(k) != after.get(k) and k != torture.replaced)
        print(format_accounting(*accounting(warehouse)))
        print("input files unchanged" if not changed else f"INPUT CHANGED: {changed}")
        return 0 if not changed else 1
    finally:
        if not args.folder:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
