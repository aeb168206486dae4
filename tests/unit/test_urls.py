"""Article URLs collapse to the address the outlet publishes, decided from the text alone."""

from __future__ import annotations

from datetime import date

import pytest
from warta.extract.urls import canonical_url, filing_date_in_file_name, filing_date_in_url

CNN = "https://www.cnnindonesia.com/ekonomi/20240621101010-78-1112233/bi-tahan-suku-bunga"
KOMPAS = "https://money.kompas.com/read/2024/06/21/120000526/bi-tahan-suku-bunga-acuan"
DETIK = "https://finance.detik.com/moneter/d-7400123/bi-tahan-suku-bunga-di-6-25-persen"
ANTARA = "https://www.antaranews.com/berita/4123456/bi-pertahankan-suku-bunga-acuan"
TEMPO = "https://bisnis.tempo.co/read/1883456/bi-tahan-suku-bunga-acuan"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            f"{CNN}?utm_source=twitter&utm_medium=oa&utm_content=cnnindonesia"
            "&utm_campaign=cmssocmed",
            CNN,
        ),
        (f"{KOMPAS}?page=all&utm_source=Various&utm_medium=Referral#page2", f"{KOMPAS}?page=all"),
        (f"{DETIK}?tag_from=wp_nhl_1&single=1", f"{DETIK}?single=1"),
        (f"{ANTARA}?utm_source=antaranews&fbclid=IwAR0fQx3", ANTARA),
        (f"{TEMPO}?utm_source=Digital%20Marketing&page_num=2&gclid=Cj0K", f"{TEMPO}?page_num=2"),
        (f"{DETIK}?_ga=2.1.2&ref=sidebar&mc_cid=a1&mc_eid=b2&msclkid=c3&amp=1", DETIK),
    ],
)
def test_tracking_parameters_are_dropped_and_meaningful_ones_kept(url, expected):
    assert canonical_url(url) == expected


def test_kept_parameters_stay_in_their_original_order():
    url = "https://www.tempo.co/search?q=suku+bunga&utm_source=x&category=ekonomi&page=2"
    assert canonical_url(url) == "https://www.tempo.co/search?q=suku+bunga&category=ekonomi&page=2"


def test_scheme_and_host_are_lowercased_and_default_port_dropped():
    url = " HTTPS://Money.KOMPAS.com:443/read/2024/06/21/120000526/bi-tahan-suku-bunga-acuan \n"
    assert canonical_url(url) == KOMPAS


def test_other_ports_and_path_case_are_kept():
    url = "http://Portal.Example.co.id:8080/Berita/BI-Rate"
    assert canonical_url(url) == "http://portal.example.co.id:8080/Berita/BI-Rate"


@pytest.mark.parametrize(
    "url",
    [
        "www.cnnindonesia.com/ekonomi/20240621101010-78-1112233/bi-tahan-suku-bunga",
        "//www.cnnindonesia.com/ekonomi/20240621101010-78-1112233/bi-tahan-suku-bunga",
    ],
)
def test_url_without_scheme_gets_https(url):
    assert canonical_url(url) == CNN


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "   ",
        "javascript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "mailto:redaksi@kompas.com",
        "ftp://files.example.com/arsip.zip",
        "/read/2024/06/21/120000526/bi-tahan-suku-bunga-acuan",
        "https://www.kompas.com:99999/read",
    ],
)
def test_non_web_addresses_become_none(url):
    assert canonical_url(url) is None


def test_google_redirect_is_unwrapped_and_target_cleaned():
    url = (
        "https://www.google.com/url?sa=t&rct=j&q=&esrc=s&source=web&cd=&url="
        "https%3A%2F%2Fwww.cnnindonesia.com%2Fekonomi%2F20240621101010-78-1112233%2F"
        "bi-tahan-suku-bunga%3Futm_source%3Dgoogle&usg=AOvVaw0"
    )
    assert canonical_url(url) == CNN


def test_google_redirect_with_q_parameter_on_country_domain():
    url = f"https://www.google.co.id/url?q={DETIK}&sa=U&ved=2ahUKEwj"
    assert canonical_url(url) == DETIK


def test_google_search_page_is_not_a_redirect():
    url = "https://www.google.com/search?q=suku+bunga+bi&utm_source=newsletter"
    assert canonical_url(url) == "https://www.google.com/search?q=suku+bunga+bi"


@pytest.mark.parametrize("host", ["l.facebook.com", "lm.facebook.com"])
def test_facebook_link_shim_is_unwrapped_with_its_fbclid(host):
    url = (
        f"https://{host}/l.php?u=https%3A%2F%2Fwww.antaranews.com%2Fberita%2F4123456%2F"
        "bi-pertahankan-suku-bunga-acuan%3Ffbclid%3DIwAR3xYz&h=AT0aBcD"
    )
    assert canonical_url(url) == ANTARA


def test_other_redirectors_are_unwrapped():
    assert canonical_url(f"https://out.reddit.com/t3_1abcd?url={TEMPO}&token=AQAA") == TEMPO
    assert canonical_url(f"https://href.li/?{KOMPAS}") == KOMPAS
    news = f"https://news.google.com/news/url?sa=t&fd=R&url={ANTARA}&usg=AFQjCNE"
    assert canonical_url(news) == ANTARA


def test_amp_cache_url_points_to_the_origin_page():
    url = (
        "https://money-kompas-com.cdn.ampproject.org/c/s/money.kompas.com/read/2024/06/21/"
        "120000526/bi-tahan-suku-bunga-acuan?amp_js_v=0.1&usqp=mq331AQIUAKwASCAAgM%3D"
    )
    assert canonical_url(url) == KOMPAS


def test_google_amp_viewer_points_to_the_origin_page():
    url = "https://www.google.com/amp/s/www.antaranews.com/berita/4123456/bi-pertahankan-suku-bunga-acuan/amp"
    assert canonical_url(url) == ANTARA


def test_trailing_amp_segment_is_removed_on_indonesian_outlets_only():
    assert canonical_url(f"{DETIK}/amp") == DETIK
    other = "https://blog.example.org/2024/06/catatan/amp"
    assert canonical_url(other) == other


def test_known_mobile_host_maps_to_desktop_host():
    url = "https://m.cnnindonesia.com/ekonomi/20240621101010-78-1112233/bi-tahan-suku-bunga"
    assert canonical_url(url) == CNN


@pytest.mark.parametrize(
    "url",
    [
        "https://m.detik.com/finance/moneter/d-7400123/bi-tahan-suku-bunga-di-6-25-persen",
        "https://amp.kompas.com/money/read/2024/06/21/120000526/bi-tahan-suku-bunga-acuan",
    ],
)
def test_mobile_and_amp_hosts_with_other_paths_are_left_alone(url):
    assert canonical_url(url) == url


@pytest.mark.parametrize("url", ["https://kmp.im/AbCdEf", "https://t.co/Xy12Ab34Cd"])
def test_short_links_are_never_followed(url):
    assert canonical_url(url) == url


def test_sql_in_a_parameter_stays_text_and_is_percent_encoded():
    url = "https://www.tempo.co/search?q='; DROP TABLE documents; --&utm_source=x"
    assert (
        canonical_url(url) == "https://www.tempo.co/search?q=%27;%20DROP%20TABLE%20documents;%20--"
    )


def test_existing_escapes_are_kept_and_stray_percent_encoded():
    url = "https://www.kompas.com/tag/suku%20bunga?kata=naik%2fturun&diskon=50%"
    assert (
        canonical_url(url)
        == "https://www.kompas.com/tag/suku%20bunga?kata=naik%2Fturun&diskon=50%25"
    )


def test_credentials_in_the_address_are_dropped():
    assert canonical_url("https://editor:rahasia@www.tempo.co/read/1883456") == (
        "https://www.tempo.co/read/1883456"
    )


def test_bare_host_gets_root_path():
    assert canonical_url("https://www.kompas.com") == "https://www.kompas.com/"


def test_canonical_url_is_idempotent():
    for url in (CNN, f"{KOMPAS}?page=all", "https://www.tempo.co/search?q=%27;%20DROP"):
        assert canonical_url(canonical_url(url)) == canonical_url(url)


@pytest.mark.parametrize(
    ("url", "filed"),
    [
        (KOMPAS, date(2024, 6, 21)),
        (CNN, date(2024, 6, 21)),
        ("https://www.tribunnews.com/regional/2025/07/11/warga-gotong-royong", date(2025, 7, 11)),
        ("https://ekonomi.bisnis.com/read/20250529/9/1880123/bi-tahan-bunga", date(2025, 5, 29)),
        ("https://news.okezone.com/read/2015/11/04/337/1244261/gunung-barujari", date(2015, 11, 4)),
    ],
)
def test_the_filing_day_is_read_from_the_article_path(url, filed):
    assert filing_date_in_url(url) == filed


@pytest.mark.parametrize(
    "url",
    [
        DETIK,  # detik and Antara ids carry no date
        ANTARA,
        "http://kmp.im/AGIGDy",  # a short link says nothing
        "https://www.kompas.com/tag/banjir?date=2024/06/21/",  # a query is a filter, not a day
        "https://www.kompas.com/read/2024/13/45/120000/slug",  # no such month
        None,
    ],
)
def test_paths_without_a_real_filing_day_give_none(url):
    assert filing_date_in_url(url) is None


@pytest.mark.parametrize(
    ("name", "filed"),
    [
        ("xml.2025.11.01.190000221.md", date(2025, 11, 1)),  # Kompas's article id as file name
        ("20250529_143000_bi-tahan-bunga.html", date(2025, 5, 29)),  # a crawl time
        ("tribun_2025_07_11_0930_gotong-royong.md", date(2025, 7, 11)),
        ("antara-2025-06-02T081500.txt", date(2025, 6, 2)),
    ],
)
def test_the_filing_day_is_read_from_a_date_stamped_file_name(name, filed):
    assert filing_date_in_file_name(name) == filed


@pytest.mark.parametrize(
    "name",
    [
        "mahasiswa-feb-unila-meninggal.md",  # a slug alone says nothing
        "pahami-2024-06-21.txt",  # a bare day in a slug may name the event, not the filing
        "artikel-1202506011.txt",  # digits of an id, not a stamp standing alone
        "laporan-2025-13-40-1200.md",  # no such month
        "arsip-1980-01-02.txt",  # before online news
        None,
    ],
)
def test_file_names_without_a_real_filing_day_give_none(name):
    assert filing_date_in_file_name(name) is None
