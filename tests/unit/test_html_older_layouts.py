"""Older Indonesian news page layouts (2015-2017 markup), written by us after their structure.

These are the classes of page an extractor meets in an archive crawl: a section name in the <h1>
and the headline in an <h2>, a photo box whose caption is written straight inside it, a credits
table under the story, an embedded tweet, a photo story whose whole text is one caption.
"""

from __future__ import annotations

from warta.ingest.html_page import extract_html_article

LEAD = (
    "Penyidik Polres Lhokseumawe melimpahkan berkas perkara dan tersangka kasus kepemilikan "
    "senjata api ke Kejaksaan Negeri Lhoksukon, Aceh Utara, pada Rabu (4/11/2015) sore."
)
SECOND = (
    "Kepala Satuan Reserse Kriminal Polres Lhokseumawe AKP Budi Santoso mengatakan, berkas "
    "perkara itu sudah dinyatakan lengkap oleh jaksa penuntut umum pekan lalu."
)
THIRD = (
    '"Langkah selanjutnya kami menyusun dakwaan, lalu segera melimpahkannya ke pengadilan," '
    "ujar Kepala Kejaksaan Negeri Lhoksukon, Teuku Rahmat."
)


def _kompas_2015_page(extra_body: str = "", after_body: str = "") -> str:
    return f"""<html><head>
<title>Polres Lhokseumawe Limpahkan Berkas Senjata Api - Kompas.com</title>
<meta property="og:title" content="Polres Lhokseumawe Limpahkan Berkas Senjata Api">
</head><body>
<div class="header"><h1 class="tcenter">Regional</h1></div>
<div class="kcm-read">
  <ul class="kcm-breadcrumb"><li><a href="/">News</a></li><li><a href="/r">Regional</a></li></ul>
  <h2>Polres Lhokseumawe Limpahkan Berkas Senjata Api</h2>
  <div class="clearfix"><div class="kcm-date msmall grey">Rabu, 4 November 2015 | 21:04 WIB</div>
  </div>
  <div class="photo"><img src="/senjata.jpg" alt=""><span class="author">KOMPAS.COM/BUDI</span>
  Penyidik menyerahkan senjata dan amunisi ke Kejaksaan Negeri Lhoksukon, Rabu (4/11/2015)</div>
  <div class="kcm-read-text"><strong>LHOKSEUMAWE, KOMPAS.com</strong> &ndash; {LEAD}<br><br>
  {SECOND}<br><br>{extra_body}{THIRD}</div>
  {after_body}
</div>
<div class="kcm-most"><a href="/x">Ganjar: Laporkan Balik Saja</a></div>
</body></html>"""


CREDITS_TABLE = """<table><tbody>
<tr><td>Penulis</td><td>: Kontributor Lhokseumawe, Budi</td></tr>
<tr><td>Editor</td><td>: Ervan Hardoko</td></tr>
<tr><td>Sumber</td><td>: <a href="http://www.telegraph.co.uk/">The Telegraph</a></td></tr>
</tbody></table>"""


def test_the_date_under_an_h2_headline_is_found_when_the_h1_names_the_section():
    page = extract_html_article(_kompas_2015_page())
    assert page.title == "Polres Lhokseumawe Limpahkan Berkas Senjata Api"
    assert page.date == "Rabu, 4 November 2015 | 21:04 WIB"


def test_a_photo_box_with_its_credit_and_caption_is_not_story_text():
    body = extract_html_article(_kompas_2015_page()).body
    assert body.splitlines()[0].startswith("LHOKSEUMAWE, KOMPAS.com")
    assert "KOMPAS.COM/BUDI" not in body
    assert "menyerahkan senjata dan amunisi" not in body


def test_a_credits_table_under_the_story_is_not_story_text():
    body = extract_html_article(_kompas_2015_page(after_body=CREDITS_TABLE)).body
    assert body.splitlines()[-1] == THIRD
    for credit in ("Penulis", "Kontributor Lhokseumawe", "Ervan Hardoko", "Sumber", "Telegraph"):
        assert credit not in body


def test_a_source_line_written_in_the_story_stays():
    """A press release names its source in a paragraph of its own: that is text, not a table."""
    release = "<br><br>Sumber: Pemerintah Kota Lhokseumawe<br><br>"
    body = extract_html_article(_kompas_2015_page(extra_body=release)).body
    assert "Sumber: Pemerintah Kota Lhokseumawe" in body.splitlines()


def test_an_embedded_tweet_is_not_story_text():
    tweet = (
        '<blockquote class="twitter-tweet"><p lang="en">A standing ovation for the '
        'prosecutors!</p>&mdash; Kejari Lhoksukon (@kejari) <a href="/t">November 4, 2015</a>'
        "</blockquote>"
    )
    body = extract_html_article(_kompas_2015_page(extra_body=tweet)).body
    assert "standing ovation" not in body
    assert "@kejari" not in body
    assert THIRD in body


PHOTO_STORY = """<html><head><title>Gardu Induk Baru PLN Resmi Beroperasi</title>
<meta property="og:title" content="Gardu Induk Baru PLN Resmi Beroperasi"></head><body>
<div class="menu"><a href="/">detikfinance</a> <a href="/foto">Foto Bisnis</a></div>
<div class="detail_profil">
  <div class="date">Selasa, 23/02/2016 15:32 WIB</div>
  <h2>FotoBisnis</h2>
  <h1>Gardu Induk Baru PLN Resmi Beroperasi</h1>
  <strong class="l_blue2_detik">Fotografer: Rachman Haryanto</strong>
  <div class="text_gal">PT PLN hari ini resmi mengoperasikan gardu induk 150 kV beserta
  jaringannya. Gardu induk itu menambah pasokan listrik bagi kawasan industri di Balaraja.</div>
  <div class="info_redaksi">Redaksi: redaksi[at]detikfinance.com<br>
  <strong>Informasi pemasangan iklan</strong><br>hubungi : sales[at]detik.com</div>
</div>
<div class="box_3"><strong>Berita Terbaru</strong><ul class="list_berita_2">
<li><span class="date">Selasa, 23/02/2016 16:10 WIB</span>
<h5><a href="/a">PLN: Pencurian Listrik Kita Sikat</a></h5></li>
<li><span class="date">Selasa, 23/02/2016 16:00 WIB</span>
<h5><a href="/b">Ingin Bunga Bank Turun, Tak Ada Cara Lain</a></h5></li></ul></div>
</body></html>"""


def test_a_photo_story_under_its_own_headline_is_its_caption_alone():
    page = extract_html_article(PHOTO_STORY)
    assert page.body == (
        "PT PLN hari ini resmi mengoperasikan gardu induk 150 kV beserta jaringannya. Gardu "
        "induk itu menambah pasokan listrik bagi kawasan industri di Balaraja."
    )
    assert page.extractor == "warta"


def test_a_short_box_on_a_page_without_its_headline_is_not_taken_for_the_article():
    """The same caption on an index page (no heading repeats the title) is no story of warta's
    own rules; the page goes to the fallback extractor."""
    index_page = PHOTO_STORY.replace("<h1>Gardu Induk Baru PLN Resmi Beroperasi</h1>", "")
    assert extract_html_article(index_page).extractor != "warta"


DETIK_2015 = """<html><head><title>Google Umbar Celah Keamanan Ponsel Samsung</title>
<meta property="og:title" content="Google Umbar Celah Keamanan Ponsel Samsung"></head><body>
<div class="content_detail"><h1>Google Umbar Celah Keamanan Ponsel Samsung</h1>
<div class="text_detail">
  <strong>Jakarta</strong> - <p>Ponsel andalan Samsung dengan layar lengkung di kedua sisinya
  ternyata tidak luput dari kelemahan, khususnya di sisi keamanan.<br><br>Dikutip dari BBC,
  Kamis (5/11/2015), tim peneliti Google menemukan sebelas celah keamanan pada ponsel itu.<br><br>
  Samsung menyatakan sebagian besar celah sudah diperbaiki lewat pembaruan perangkat lunak yang
  dikirim bulan ini kepada para pengguna.</p>
  <strong>(fyk/ash)</strong>
</div></div>
<div class="list_berita"><a href="/a">Samsung Rilis Ponsel Lipat Baru</a></div>
</body></html>"""


def test_a_dateline_and_editor_codes_written_loose_around_the_story_stay_with_it():
    """'<strong>Jakarta</strong> - <p>...</p> <strong>(fyk/ash)</strong>': the dateline opens the
    story and the codes close it, so the pipeline can read the city and the editors."""
    lines = extract_html_article(DETIK_2015).body.splitlines()
    assert lines[0].startswith("Jakarta - Ponsel andalan Samsung")
    assert lines[-1] == "(fyk/ash)"
