"""What a page tells crawlers and link previews: alternates by language (listed in sitemap.xml), Open Graph, and
schema.org JSON-LD."""

from __future__ import annotations

import json

from . import urls
from .i18n import LANGUAGE_NAMES
from .model import Record
from .views import DOWNLOADS

OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}


def absolute_in(site_url: str, lang: str, target_lang: str, page_url: str) -> str:
    """The absolute URL of `page_url` in `target_lang`, given this language's site URL."""
    return urls.language_root(site_url, lang, target_lang) + page_url


def alternates(site_url: str, lang: str, page_url: str) -> list[dict]:
    """The page in each language, and the default for other readers (hreflang), by absolute URL."""
    links = [{"hreflang": other, "href": absolute_in(site_url, lang, other, page_url)} for other in LANGUAGE_NAMES]
    return links + [{"hreflang": "x-default", "href": absolute_in(site_url, lang, "vi", page_url)}]


def open_graph(record: Record, lang: str, site_name: str, title: str, description: str, url: str,
               is_article: bool) -> list[tuple[str, str]]:
    tags = [("og:site_name", site_name), ("og:title", title), ("og:description", description), ("og:url", url),
            ("og:type", "article" if is_article else "website"), ("og:locale", OG_LOCALES[lang])]
    return tags + [("og:locale:alternate", OG_LOCALES[other]) for other in LANGUAGE_NAMES if other != lang]


def _organisation(record: Record, lang: str) -> dict:
    return {"@type": "GovernmentOrganization", "name": record.term.body[lang],
            "areaServed": f"{record.term.district[lang]}, {record.term.city[lang]}"}


def term_report(record: Record, site_url: str, lang: str) -> dict:
    """The term as a schema.org Report, its highlights as parts, its figures as a Dataset."""
    term = record.term
    home = absolute_in(site_url, lang, lang, "")
    other = "en" if lang == "vi" else "vi"
    data_root = urls.language_root(site_url, lang, "vi") + urls.DATA_DIR
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
        "hasPart": [{"@type": "Report", "position": h.order, "name": h.title[lang],
                     "url": home + urls.highlight_url(h.id)} for h in record.highlights],
        "subjectOf": {
            "@type": "Dataset", "name": term.title[lang], "temporalCoverage": f"{term.start_year}/{term.end_year}",
            "distribution": [{"@type": "DataDownload", "contentUrl": data_root + name,
                              "encodingFormat": "text/csv" if name.endswith(".csv") else "application/json"}
                             for name in DOWNLOADS]},
    }
    relation = "workTranslation" if lang == "vi" else "translationOfWork"
    report[relation] = {"@type": "Report", "@id": absolute_in(site_url, lang, other, "") + "#record",
                        "inLanguage": other}
    return report


def highlight_report(record: Record, site_url: str, lang: str, highlight_id: str) -> dict:
    highlight = record.highlight(highlight_id)
    home = absolute_in(site_url, lang, lang, "")
    return {
        "@context": "https://schema.org", "@type": "Report", "name": highlight.title[lang],
        "url": home + urls.highlight_url(highlight.id), "position": highlight.order, "inLanguage": lang,
        "temporalCoverage": f"{record.term.start_year}/{record.term.end_year}",
        "dateModified": record.last_updated(highlight.id).isoformat(),
        "isPartOf": {"@id": home + "#record", "@type": "Report", "name": record.term.title[lang]},
        "publisher": _organisation(record, lang),
    }


def json_for_script(data: dict) -> str:
    """JSON that cannot close its <script> element, whatever text the data holds."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
