"""Patterns rewritten to scan faster (opened by a letter or a literal instead of ``\\b`` or an
alternation) keep their matches: a numbered school at a word start in every spelling, none
inside a word; a nickname cue in either spelling."""

from __future__ import annotations

import pytest
from warta.extract.entities import (
    _NICKNAME_CUE_RE,
    NICKNAME_CUE_STEMS,
    NICKNAME_CUES,
    SCHOOL_RE,
)


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Siswa SMA Negeri 1 Yogyakarta", "SMA Negeri 1"),
        ("guru SMP Swasta 12 Medan", "SMP Swasta 12"),
        ("lulusan SMK 3 Malang", "SMK 3"),
        ("murid SD 105 Pekanbaru", "SD 105"),
        ("(SMAN 3 Cimahi)", "SMAN 3"),
        ("SMPN 2 Malang menang", "SMPN 2"),
        ("di SMKN 1 Kudus", "SMKN 1"),
        ("SDN 11 Pondok Betung", "SDN 11"),
        ("santri MTs Negeri 4 Jombang", "MTs Negeri 4"),
        ("MTsN 1 Kota Bogor", "MTsN 1"),
        ("siswa MI 2 Sleman", "MI 2"),
        ("siswa MIN 2 Sleman", "MIN 2"),
        ("lulusan MA 1 Kendal", "MA 1"),
        ("lulusan MAN 1 Kendal", "MAN 1"),
    ],
)
def test_a_numbered_school_is_found_in_every_spelling(text: str, school: str) -> None:
    assert [match.group() for match in SCHOOL_RE.finditer(text)] == [school]


@pytest.mark.parametrize(
    "text",
    ["KSMA 1 kali", "GAMA 2 unit", "PTSD 3 bulan", "SMA1234 kode", "SMA Negeri satu", "xMIN 2"],
)
def test_no_school_inside_a_word_or_without_its_number(text: str) -> None:
    assert SCHOOL_RE.search(text) is None


@pytest.mark.parametrize(
    ("text", "cued"),
    [
        ("Ara, sapaan akrab Maruarar Sirait, hadir.", True),
        ("Bobby -panggilan Muhammad Bobby Afif Nasution- datang.", True),
        ("Warga menyapa petugas dan memanggil ketua RT.", False),
        ("Ia disapa Jokowi.", False),
    ],
)
def test_the_nickname_cue_is_found_in_either_spelling(text: str, cued: bool) -> None:
    assert (_NICKNAME_CUE_RE.search(text) is not None) is cued


def test_every_nickname_cue_holds_a_stem_the_pre_check_looks_for() -> None:
    assert all(any(stem in cue for stem in NICKNAME_CUE_STEMS) for cue in NICKNAME_CUES)
