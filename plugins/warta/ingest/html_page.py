"""HTML pages -> article title, date and body text, starting from trafilatura.

trafilatura does the heavy lifting; we add what Indonesian sites need: titles without the site
suffix (" - Liputan6.com", " | Republika Online"), the date from the page's own metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SITE_SUFFIX = re.compile(
    r"\s*[|\-–—:]\s*(?:[\w .]*(?:\.com|\.co\.id|\.id|\.co|\.net|news|online|indonesia|antara|"
    r"tempo|kompas|detik(?:com)?|okezone|tribun\w*|liputan6|kapanlagi|republika)[\w .]*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    body: str  # one paragraph per line
    title: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None


def strip_site_suffix(title: str | None) -> str | None:
    """"Harga Beras Naik - Liputan6.com" -> "Harga Beras Naik"."""
    if not title:
        return title
    stripped = SITE_SUFFIX.sub("", title.strip())
    return stripped or title.strip()


def extract_html_article(html: str) -> HtmlArticle:
    """Main text and metadata of one article page; empty body when the page holds no article."""
    import trafilatura  # heavy import, only when an HTML page arrives

    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=True,
    )
    if result is None:
        return HtmlArticle(body="")
    return HtmlArticle(
        body=(result.text or "").strip(),
        title=strip_site_suffix(result.title),
        date=result.date,
        url=result.url,
        author=result.author,
    )
