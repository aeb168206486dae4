"""Pages of outlets with no page in the shared folder, written by us after their public markup.

Each page goes through the nightly path (warta's HTML reader, then ``process_record``), and the
test asserts what a careful scraper would: the headline without the site name, the publication
day, the outlet and dateline, the story's paragraphs and none of the page furniture.
"""

from __future__ import annotations

from datetime import date

import pytest
from warta.ingest.html_page import extract_html_article, is_author_line
from warta.model import Document, RawRecord
from warta.pipeline import process_record

RUN_DATE = date(2024, 11, 30)

DETIK_LIKE = """<!DOCTYPE html><html lang="id"><head>
<title>Polisi Tangkap Pengedar Sabu di Bekasi, 2 Kg Barang Bukti Disita - detikNews</title>
<meta name="publishdate" content="2024/11/21 10:15:32">
<meta property="og:title"
 content="Polisi Tangkap Pengedar Sabu di Bekasi, 2 Kg Barang Bukti Disita">
<meta name="author" content="Wilda Hayatun Nufus">
<link rel="canonical"
 href="https://news.detik.com/berita/d-7650001/polisi-tangkap-pengedar-sabu-di-bekasi">
</head><body>
<header class="header"><nav><a href="/">detikNews</a><a href="/berita">Berita</a>
<a href="/hukum">Hukum</a></nav></header>
<article class="detail">
<div class="detail__header"><h1 class="detail__title">Polisi Tangkap Pengedar Sabu di Bekasi,
2 Kg Barang Bukti Disita</h1>
<div class="detail__author">Wilda Hayatun Nufus - detikNews</div>
<div class="detail__date">Kamis, 21 Nov 2024 10:15 WIB</div></div>
<div class="detail__body-text itp_bodycontent">
<p><strong>Jakarta</strong> - Polres Metro Bekasi menangkap seorang pria berinisial AS (34) yang
diduga mengedarkan sabu di Kecamatan Tambun Selatan, Kabupaten Bekasi. Polisi menyita sabu
seberat 2 kilogram dari rumah kontrakan tersangka.</p>
<p>Kapolres Metro Bekasi Kombes Mustofa mengatakan penangkapan berawal dari laporan warga yang
curiga dengan aktivitas di rumah tersebut pada Selasa (19/11) malam.</p>
<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca juga:</strong>
<a href="/x">Gerebek Kampung Narkoba, Polisi Amankan 12 Orang</a></div></td></tr></table>
<p>"Tersangka mengaku mendapat barang dari seorang pemasok di Jakarta Utara. Kami masih
memburu pemasok itu," kata Mustofa kepada wartawan, Kamis (21/11/2024).</p>
<div class="parallaxindetail"><div>ADVERTISEMENT</div>
<div>SCROLL TO CONTINUE WITH CONTENT</div></div>
<p>Atas perbuatannya, tersangka dijerat Pasal 114 ayat 2 Undang-Undang Nomor 35 Tahun 2009
tentang Narkotika dengan ancaman hukuman maksimal 20 tahun penjara.</p>
<p><strong>Simak Video "Polisi Bongkar Gudang Sabu di Tangerang"</strong></p>
<p>(wnv/idn)</p>
</div>
<div class="detail__body-tag"><a href="/tag/sabu">sabu</a><a href="/tag/bekasi">bekasi</a>
<a href="/tag/narkoba">narkoba</a></div>
</article>
<aside><h3>Berita Terkait</h3><ul><li><a href="/y">Kurir Ganja 5 Kg Ditangkap di Tol
Cikampek</a></li><li><a href="/z">BNN Musnahkan 40 Kg Sabu Sitaan</a></li></ul></aside>
<footer>detikcom - Redaksi - Pedoman Media Siber - Karir - Kotak Pos - Info Iklan</footer>
</body></html>"""

KOMPAS_LIKE = """<!DOCTYPE html><html><head>
<title>Harga Cabai Rawit di Pasar Induk Kramat Jati Tembus Rp 90.000 Per Kg Halaman all -
Kompas.com</title>
<meta name="content_PublishedDate" content="2024-11-22 07:30:00">
<meta name="content_author" content="Firda Janati">
<meta name="content_editor" content="Ambaranie Nadia Kemala Movanita">
<meta property="og:url" content="https://megapolitan.kompas.com/read/2024/11/22/07300051/harga-cabai-rawit?page=all&utm_source=whatsapp">
</head><body>
<div class="header"><a href="/">Kompas.com</a> <a href="/megapolitan">Megapolitan</a></div>
<div class="read__header"><h1 class="read__title">Harga Cabai Rawit di Pasar Induk Kramat Jati
Tembus Rp 90.000 Per Kg</h1>
<div class="read__time">Kompas.com - 22/11/2024, 07:30 WIB</div></div>
<div class="photo"><img src="/cabai.jpg"><div class="photo__caption">Pedagang cabai di Pasar
Induk Kramat Jati, Jakarta Timur, Kamis (21/11/2024). KOMPAS.com/FIRDA JANATI</div></div>
<div class="read__content"><div class="clearfix">
<p><strong>JAKARTA, KOMPAS.com</strong> - Harga cabai rawit merah di Pasar Induk Kramat Jati,
Jakarta Timur, tembus Rp 90.000 per kilogram pada Jumat (22/11/2024). Harga itu naik hampir dua
kali lipat dibandingkan awal bulan.</p>
<p>Salah seorang pedagang, Siti Aminah (45), mengatakan kenaikan harga terjadi karena pasokan
dari Jawa Tengah berkurang akibat hujan deras yang merusak tanaman.</p>
<p><strong>Baca juga: <a href="/a">Harga Bawang Merah Ikut Naik Jelang Natal</a></strong></p>
<p>"Biasanya sehari masuk 40 ton, sekarang cuma separuhnya. Pembeli juga mulai mengurangi
belanja," kata Siti saat ditemui di lapaknya.</p>
<p>Dinas Ketahanan Pangan, Kelautan, dan Pertanian DKI Jakarta berencana menggelar operasi
pasar di sejumlah wilayah mulai pekan depan untuk menekan harga.</p>
</div></div>
<div class="read__credit">Penulis : Firda Janati<br>Editor : Ambaranie Nadia Kemala Movanita</div>
<div class="read__bottom"><p>Dapatkan update berita pilihan dan breaking news setiap hari dari
Kompas.com. Mari bergabung di Grup Telegram "Kompas.com News Update", caranya klik link
https://t.me/kompascomupdate, kemudian join.</p></div>
<div class="most"><h3>Terpopuler</h3><ol><li><a href="/p">Jadwal KRL Jogja-Solo Hari Ini</a>
</li><li><a href="/q">Cuaca Jakarta Besok</a></li></ol></div>
</body></html>"""


def _document(page: str, url: str | None = None) -> Document:
    extracted = extract_html_article(page)
    raw = RawRecord("f", 1, extracted.body, "html_text", title=extracted.title,
                    url=url or extracted.url, published_raw=extracted.date,
                    author=extracted.author)
    document = process_record(raw, RUN_DATE)
    assert isinstance(document, Document), document
    return document


def test_detik_like_page_keeps_the_story_and_its_framing():
    document = _document(DETIK_LIKE)
    assert document.title == "Polisi Tangkap Pengedar Sabu di Bekasi, 2 Kg Barang Bukti Disita"
    assert document.published_date == date(2024, 11, 21)
    assert (document.outlet, document.dateline_city) == ("detik", "Jakarta")
    assert document.author == "Wilda Hayatun Nufus"
    assert document.editor_codes == ("wnv", "idn")
    paragraphs = document.body_text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Polres Metro Bekasi menangkap seorang pria")
    assert paragraphs[-1].startswith("Atas perbuatannya, tersangka dijerat Pasal 114")
    for noise in ("Baca juga", "Gerebek Kampung", "ADVERTISEMENT", "SCROLL", "Simak Video",
                  "Berita Terkait", "Kurir Ganja", "Pedoman Media Siber", "narkoba"):
        assert noise not in document.body_text


def test_kompas_like_page_keeps_the_story_and_drops_credit_and_promos():
    document = _document(KOMPAS_LIKE)
    assert document.title == "Harga Cabai Rawit di Pasar Induk Kramat Jati Tembus Rp 90.000 Per Kg"
    assert document.published_date == date(2024, 11, 22)
    assert (document.outlet, document.dateline_city) == ("Kompas.com", "Jakarta")
    assert document.author == "Firda Janati"
    assert document.url == (  # the tracking tag goes; page=all is Kompas's own view
        "https://megapolitan.kompas.com/read/2024/11/22/07300051/harga-cabai-rawit?page=all")
    paragraphs = document.body_text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Harga cabai rawit merah di Pasar Induk Kramat Jati")
    assert paragraphs[-1].startswith("Dinas Ketahanan Pangan, Kelautan, dan Pertanian")
    for noise in ("Baca juga", "Bawang Merah", "Dapatkan update", "Telegram", "Terpopuler",
                  "KOMPAS.com/FIRDA JANATI", "Penulis", "Editor"):
        assert noise not in document.body_text


TRIBUN_LIKE = """<html><head>
<title>Jembatan Gantung di Cianjur Putus, 15 Warga Terjebak di Seberang Sungai -
Tribunjabar.id</title>
<meta property="article:published_time" content="2024-11-23T16:40:00+07:00">
<meta name="author" content="Tribun Jabar">
</head><body>
<div id="header"><ul class="menu"><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
</ul></div>
<div class="main">
<h1 id="arttitle">Jembatan Gantung di Cianjur Putus, 15 Warga Terjebak di Seberang Sungai</h1>
<div class="credit"><div id="penulis">Penulis: Fauzi Noviandi</div>
<div id="editor">Editor: Ravianto</div>
<time>Sabtu, 23 November 2024 16:40 WIB</time></div>
<div class="side-article txt-article multi-fontsize">
<p><strong>TRIBUNJABAR.ID, CIANJUR</strong> - Jembatan gantung yang menghubungkan Desa Sukamulya
dan Desa Cibanteng di Kecamatan Cikalongkulon, Kabupaten Cianjur, putus diterjang arus Sungai
Cisokan, Sabtu (23/11/2024) siang.</p>
<p>Akibatnya, 15 warga yang sedang berkebun terjebak di seberang sungai dan tidak bisa pulang ke
rumah mereka hingga sore hari.</p>
<p><strong>Baca juga: <a href="/a">Longsor Tutup Jalan Cianjur-Sukabumi</a></strong></p>
<p>Kepala Desa Sukamulya, Dedi Supriadi, mengatakan warga sudah meminta jembatan diperbaiki
sejak tahun lalu karena tali bajanya mulai berkarat.</p>
<p>"Kami sudah tiga kali mengusulkan perbaikan, tapi belum ada jawaban," kata Dedi.</p>
<p>Artikel ini telah tayang di TribunJabar.id dengan judul Jembatan Gantung di Cianjur Putus,
15 Warga Terjebak di Seberang Sungai</p>
</div>
<div class="tag"><h3>Tags</h3><a href="/tag/cianjur">Cianjur</a><a href="/tag/jembatan">jembatan</a>
</div></div>
<div class="footer">Copyright © 2024 Tribunnews.com. All Right Reserved</div>
</body></html>"""


def test_tribun_like_page_drops_credit_lines_and_the_syndication_note():
    document = _document(TRIBUN_LIKE)
    assert document.title == (
        "Jembatan Gantung di Cianjur Putus, 15 Warga Terjebak di Seberang Sungai")
    assert document.published_date == date(2024, 11, 23)
    assert (document.outlet, document.dateline_city) == ("Tribun", "Cianjur")
    paragraphs = document.body_text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Jembatan gantung yang menghubungkan Desa Sukamulya")
    assert paragraphs[-1] == (
        '"Kami sudah tiga kali mengusulkan perbaikan, tapi belum ada jawaban," kata Dedi.')
    for noise in ("Penulis", "Editor", "Baca juga", "Longsor", "Artikel ini telah tayang",
                  "Tags", "Copyright"):
        assert noise not in document.body_text


CNBC_LIKE = """<!DOCTYPE html><html lang="id"><head>
<title>Rupiah Ditutup Melemah ke Rp15.870/US$, Investor Asing Lepas SBN</title>
<meta name="dtk:publishdate" content="2024/11/25 15:12:00">
<meta name="dtk:author" content="Elvan Widyatama">
<script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle",
"headline":"Rupiah Ditutup Melemah ke Rp15.870/US$, Investor Asing Lepas SBN",
"datePublished":"2024-11-25T15:12:00+07:00","author":{"@type":"Person","name":"Elvan Widyatama"},
"publisher":{"@type":"Organization","name":"CNBC Indonesia"}}</script>
</head><body>
<div class="header"><a href="/">CNBC Indonesia</a><a href="/market">Market</a></div>
<div class="container"><article>
<h1>Rupiah Ditutup Melemah ke Rp15.870/US$, Investor Asing Lepas SBN</h1>
<div class="author">Elvan Widyatama, CNBC Indonesia</div>
<div class="date">25 November 2024 15:12</div>
<div class="detail_text">
<p><strong>Jakarta, CNBC Indonesia</strong> - Nilai tukar rupiah melemah terhadap dolar Amerika
Serikat (AS) pada penutupan perdagangan hari ini, Senin (25/11/2024), seiring keluarnya dana
asing dari pasar Surat Berharga Negara (SBN).</p>
<p>Melansir data Refinitiv, rupiah ditutup di level Rp15.870/US$ atau melemah 0,25% dibandingkan
penutupan perdagangan sebelumnya.</p>
<div class="sisip_embed_sosmed"><a href="/x">Foto: Ilustrasi Rupiah</a></div>
<p>Data Bank Indonesia menunjukkan investor asing mencatatkan jual neto Rp3,2 triliun di pasar
SBN sepanjang pekan lalu, terbesar dalam dua bulan terakhir.</p>
<table class="sisip_artikel"><tr><td><strong>Baca:</strong> <a href="/y">IHSG Dibuka Menguat,
Saham Bank Jadi Penopang</a></td></tr></table>
<p>Kepala Ekonom Bank Permata Josua Pardede mengatakan tekanan terhadap rupiah masih akan
berlanjut hingga akhir tahun karena dolar AS menguat setelah pemilu AS.</p>
<p><strong>CNBC INDONESIA RESEARCH</strong></p>
<p><a href="mailto:research@cnbcindonesia.com">research@cnbcindonesia.com</a></p>
<p>(evw/evw)</p>
</div></article>
<div class="box_related"><h3>Artikel Selanjutnya</h3><a href="/z">Rupiah Menguat Tipis,
Dolar AS Tertekan Data Inflasi</a></div></div>
</body></html>"""

IDN_LIKE = """<html><head>
<title>5 Fakta Kebakaran Pasar Kosambi Bandung, 200 Kios Hangus | IDN Times Jabar</title>
<meta property="article:published_time" content="2024-11-24T08:05:00+07:00">
</head><body>
<header><div class="logo">IDN Times</div><nav>Jabar Berita Hype</nav></header>
<main><div class="content-post">
<h1>5 Fakta Kebakaran Pasar Kosambi Bandung, 200 Kios Hangus</h1>
<div class="author-info">Penulis Azzis Zulkhairil | 24 Nov 2024, 08:05 WIB</div>
<div class="article-body">
<p><strong>Bandung, IDN Times</strong> - Kebakaran melanda Pasar Kosambi, Kota Bandung, pada
Sabtu (23/11/2024) malam. Api yang muncul sekitar pukul 21.00 WIB menghanguskan sekitar 200
kios pedagang.</p>
<h2>1. Api diduga berasal dari korsleting listrik</h2>
<p>Kepala Dinas Pemadam Kebakaran dan Penanggulangan Bencana Kota Bandung Gun Gun Sumaryana
mengatakan api diduga berasal dari korsleting listrik di salah satu kios pakaian.</p>
<h2>2. Petugas butuh empat jam memadamkan api</h2>
<p>Sebanyak 25 unit mobil pemadam dikerahkan ke lokasi. Petugas baru bisa memadamkan api
sepenuhnya pada Minggu dini hari.</p>
<div class="baca-juga"><span>Baca Juga: </span><a href="/x">Pasar Baru Bandung Direvitalisasi
Tahun Depan</a></div>
<p>"Tidak ada korban jiwa, tetapi kerugian pedagang ditaksir mencapai miliaran rupiah," kata
Gun Gun kepada wartawan.</p>
</div>
<div class="tags">Topik: <a href="/t/bandung">Bandung</a> <a href="/t/kebakaran">Kebakaran</a></div>
</div></main>
<footer>IDN Times - Tentang Kami - Pedoman Media Siber</footer>
</body></html>"""


def test_cnbc_like_page_drops_the_signed_byline_and_the_research_sign_off():
    document = _document(CNBC_LIKE)
    assert document.title == "Rupiah Ditutup Melemah ke Rp15.870/US$, Investor Asing Lepas SBN"
    assert document.published_date == date(2024, 11, 25)
    assert (document.outlet, document.dateline_city) == ("CNBC Indonesia", "Jakarta")
    assert document.author == "Elvan Widyatama"
    paragraphs = document.body_text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Nilai tukar rupiah melemah terhadap dolar")
    assert paragraphs[-1].startswith("Kepala Ekonom Bank Permata Josua Pardede")
    for noise in ("Elvan", "CNBC INDONESIA RESEARCH", "research@", "Baca:", "IHSG Dibuka",
                  "Artikel Selanjutnya", "Foto:"):
        assert noise not in document.body_text


def test_idn_like_listicle_keeps_its_numbered_subheads():
    document = _document(IDN_LIKE)
    assert document.title == "5 Fakta Kebakaran Pasar Kosambi Bandung, 200 Kios Hangus"
    assert (document.outlet, document.dateline_city) == ("IDN Times", "Bandung")
    paragraphs = document.body_text.split("\n\n")
    assert paragraphs[1] == "1. Api diduga berasal dari korsleting listrik"
    assert paragraphs[-1].startswith('"Tidak ada korban jiwa')
    for noise in ("Penulis", "Baca Juga", "Topik", "Pedoman Media Siber"):
        assert noise not in document.body_text


@pytest.mark.parametrize(
    ("line", "is_byline"),
    [
        ("Wilda Hayatun Nufus - detikNews", True),
        ("Elvan Widyatama, CNBC Indonesia", True),
        ("Jakarta, CNN Indonesia --", False),  # a dateline on its own line
        ("Kuala Lumpur, CNN Indonesia", False),
        ("BANDA ACEH, KOMPAS.com", False),
        ("Harga Beras Naik - Warga Resah", False),
    ],
)
def test_a_name_signed_with_the_site_is_a_byline_and_a_dateline_is_not(line, is_byline):
    assert is_author_line(line) is is_byline
