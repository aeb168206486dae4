"""Near-duplicate fingerprints: republished copies agree, different stories do not."""

from __future__ import annotations

from warta.extract.dedup import NUM_PERM, estimated_jaccard, minhash_signature

ORIGINAL = (
    "Bank Indonesia (BI) memutuskan menahan suku bunga acuan BI-Rate di level 6 persen pada "
    "Rapat Dewan Gubernur, Rabu (20/11). Keputusan itu diambil untuk menjaga stabilitas nilai "
    "tukar rupiah di tengah ketidakpastian global. \"Kebijakan moneter tetap diarahkan untuk "
    "stabilitas,\" kata Gubernur BI Perry Warjiyo dalam konferensi pers di Jakarta. Menurut "
    "Perry, inflasi diperkirakan tetap terkendali dalam sasaran 2,5 plus minus 1 persen pada "
    "2024 dan 2025. Ia menambahkan BI akan terus memperkuat operasi moneter pro-market."
)
REPUBLISHED = ORIGINAL.replace(
    "Ia menambahkan BI akan terus memperkuat operasi moneter pro-market.",
    "BI juga akan memperkuat operasi moneter yang pro-market, tambahnya.",
)
OTHER_STORY = (
    "Banjir bandang menerjang tiga kecamatan di Kabupaten Bogor, Jawa Barat, Senin (18/11). "
    "Badan Penanggulangan Bencana Daerah (BPBD) mencatat 312 rumah terendam dan 1.200 warga "
    "mengungsi ke balai desa. Kepala BPBD Bogor mengatakan hujan deras sejak sore membuat "
    "Sungai Cileungsi meluap. Petugas gabungan masih mendata kerusakan jembatan dan jalan."
)


def test_signature_is_stable_and_has_fixed_length() -> None:
    assert minhash_signature(ORIGINAL) == minhash_signature(ORIGINAL)
    assert len(minhash_signature(ORIGINAL)) == NUM_PERM


def test_case_and_spacing_do_not_change_the_signature() -> None:
    assert minhash_signature(ORIGINAL) == minhash_signature("  " + ORIGINAL.upper() + "\n")


def test_a_republished_copy_with_one_changed_sentence_is_near_identical() -> None:
    similarity = estimated_jaccard(minhash_signature(ORIGINAL), minhash_signature(REPUBLISHED))
    assert similarity >= 0.6


def test_a_different_story_shares_almost_nothing() -> None:
    similarity = estimated_jaccard(minhash_signature(ORIGINAL), minhash_signature(OTHER_STORY))
    assert similarity <= 0.1
