"""What a page tells crawlers and link previews: alternates by language (listed in the sitemaps), Open Graph, and
the JSON-LD text of a page (its graph is made in tayho/jsonld.py)."""

from __future__ import annotations

import dataclasses
import json

from .urls import Links


def alternates(links: Links, page: str) -> list[dict]:
    """The page in each language, and the default for other readers (hreflang), by absolute URL."""
    found = [{"hreflang": code, "href": links.absolute(page, code)} for code in links.languages]
    return found + [{"hreflang": "x-default", "href": links.absolute(page, links.languages.root)}]


@dataclasses.dataclass(frozen=True)
class ShareImage:
    """The picture a link preview shows: its absolute address, size and text alternative."""

    url: str
    width: int
    height: int
    alt: str


def open_graph(
    links: Links,
    site_name: str,
    title: str,
    description: str,
    url: str,
    is_article: bool,
    image: ShareImage | None = None,
) -> list[tuple[str, str]]:
    """The Open Graph properties of a page (og:image and its size and text only when the build drew it)."""
    languages = links.languages
    tags = [
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:type", "article" if is_article else "website"),
        ("og:locale", languages.entry(links.lang).open_graph_locale),
    ]
    tags += [
        ("og:locale:alternate", languages.entry(code).open_graph_locale) for code in languages if code != links.lang
    ]
    if image is not None:
        tags += [
            ("og:image", image.url),
            ("og:image:type", "image/png"),
            ("og:image:width", str(image.width)),
            ("og:image:height", str(image.height)),
            ("og:image:alt", image.alt),
        ]
    return tags


def json_for_script(data: dict) -> str:
    """JSON that cannot close its <script> element, whatever text the data holds."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
