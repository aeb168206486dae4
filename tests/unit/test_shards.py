"""Cutting a night into shards: consecutive stretches of the inbox in path order."""

from __future__ import annotations

from warta.runner import PlannedFile, cut_into_shards


def _file(path: str, size: int) -> PlannedFile:
    return PlannedFile(path, sha256=path, size_bytes=size, format="txt", mtime_ns=0)


NIGHT = [
    _file("kompas/ekonomi/bi-tahan-suku-bunga.md", 4_000),
    _file("cnn/nasional/banjir-jakarta-utara.txt", 3_000),
    _file("detik/finance/harga-beras-naik.jsonl", 9_000),
    _file("cnn/olahraga/timnas-u23-lolos.txt", 2_000),
    _file("kompas/regional/gempa-cianjur.md", 5_000),
    _file("detik/news/pilkada-serentak.jsonl", 7_000),
]


def test_shards_are_consecutive_stretches_of_the_sorted_paths() -> None:
    shards = cut_into_shards(NIGHT, at_least=3, max_bytes=1_000_000)
    assert len(shards) == 3
    assert [f.path for shard in shards for f in shard] == sorted(f.path for f in NIGHT)


def test_a_big_night_gets_more_shards_than_workers_none_far_above_the_cap() -> None:
    shards = cut_into_shards(NIGHT, at_least=2, max_bytes=8_000)
    assert len(shards) == 4  # 30,000 bytes at 8,000 a shard
    assert all(shard for shard in shards)
    assert max(sum(f.size_bytes for f in shard) for shard in shards) <= 8_000 + 9_000


def test_no_shard_is_empty_even_when_one_file_holds_most_bytes() -> None:
    lopsided = [_file("a/kecil-1.txt", 1), _file("a/kecil-2.txt", 1), _file("z/besar.csv", 100)]
    shards = cut_into_shards(lopsided, at_least=3, max_bytes=1_000_000)
    assert [[f.path for f in shard] for shard in shards] == [
        ["a/kecil-1.txt"], ["a/kecil-2.txt"], ["z/besar.csv"]]


def test_never_more_shards_than_files_and_none_for_an_empty_night() -> None:
    assert len(cut_into_shards(NIGHT[:2], at_least=8, max_bytes=1)) == 2
    assert cut_into_shards([], at_least=2, max_bytes=1) == []
