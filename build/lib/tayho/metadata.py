"""What a page tells crawlers and link previews: alternates by language (listed in the sitemaps), Open Graph, and
schema.org JSON-LD."""

from __future__ import annotations

import json

from . import urls
from .model import Record
from .urls import Links
from .views import DOWNLOADS


def alternates(links: Links, page: str) -> list[dict]:
    """The page in each language, and the default for other readers (hreflang), by absolute URL."""
    found = [{"hreflang": code, "href": links.absolute(page, code)} for code in links.languages]
    return found + [{"hreflang": "x-default", "href": links.absolute(page, links.languages.root)}]


def open_graph(
    links: Links, site_name: str, title: str, description: str, url: str, is_article: bool
) -> list[tuple[str, str]]:
    languages = links.languages
    tags = [
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:type", "article" if is_article else "website"),
        ("og:locale", languages.entry(links.lang).open_graph_locale),
    ]
    return tags + [
        ("og:locale:alternate", languages.entry(code).open_graph_locale) for code in languages if code != links.lang
    ]


def _organisation(record: Record, lang: str) -> dict:
    return {
        "@type": "GovernmentOrganization",
        "name": record.term.body[lang],
        "areaServed": f"{record.term.district[lang]}, {record.term.city[lang]}",
    }


def _translations(links: Links) -> dict:
    """The record in the site's other languages: the root language's text is the original, the others translations."""
    root = links.languages.root
    if links.lang != root:
        return {
            "translationOfWork": {
                "@type": "Report",
                "@id": links.absolute(urls.HOME, root) + "#record",
                "inLanguage": root,
            }
        }
    return {
        "workTranslation": [
            {"@type": "Report", "@id": links.absolute(urls.HOME, code) + "#record", "inLanguage": code}
            for code in links.languages
            if code != root
        ]
    }


def term_report(record: Record, links: Links) -> dict:
    """The term as a schema.org Report, its highlights as parts, its figures as a Dataset."""
    term, lang = record.term, links.lang
    home = links.absolute(urls.HOME)
    report = {
        "@context": "https://schema.org",
        "@type": "Report",
        "@id": home + "#record",
        "name": term.title[lang],
        "url": home,
        "inLanguage": lang,
        "temporalCoverage": f"{term.start_year}/{term.end_year}",
        "publisher": _organisation(record, lang),
        "about": _organisation(record, lang),
        "isBasedOn": {"@type": "NewsArticle", "name": term.source.title.vi, "inLanguage": "vi"},
        "hasPart": [
            {
                "@type": "Report",
                "position": h.order,
                "name": h.title[lang],
                "url": links.absolute(urls.highlight_page(h.id)),
            }
            for h in record.highlights
        ],
        "subjectOf": {
            "@type": "Dataset",
            "name": term.title[lang],
            "temporalCoverage": f"{term.start_year}/{term.end_year}",
            "distribution": [
                {
                    "@type": "DataDownload",
                    "contentUrl": links.absolute_shared(urls.DATA_DIR + name),
                    "encodingFormat": "text/csv" if name.endswith(".csv") else "application/json",
                }
                for name in DOWNLOADS
            ],
        },
    }
    return report | _translations(links)


def highlight_report(record: Record, links: Links, highlight_id: str) -> dict:
    highlight, lang = record.highlight(highlight_id), links.lang
    return {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": highlight.title[lang],
        "url": links.absolute(urls.highlight_page(highlight.id)),
        "position": highlight.order,
        "inLanguage": lang,
        "temporalCoverage": f"{record.term.start_year}/{record.term.end_year}",
        "dateModified": record.last_updated(highlight.id).isoformat(),
        "isPartOf": {"@id": links.absolute(urls.HOME) + "#record", "@type": "Report", "name": record.term.title[lang]},
        "publisher": _organisation(record, lang),
    }


def json_for_script(data: dict) -> str:
    """JSON that cannot close its <script> element, whatever text the data holds."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
