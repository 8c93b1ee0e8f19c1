"""What each page is, in schema.org JSON-LD: one graph per page with the page itself, what it is mainly about and
where it sits (a BreadcrumbList).

- the home page: the record (a Report) with its highlights as parts;
- a highlight page: the highlight, an Article that is part of the record, with its own @id, its dates from the
  record's change history, the Front and the places it names (about), the people and documents it names (mentions);
- the timeline, places, documents and changes pages: collections (CollectionPage) about the record;
- the about page: the record's description (AboutPage), and the one Dataset of the open data with what Google's
  Dataset Search requires;
- the printable page: the whole record on one page.

Only what is known is said: the source has no author, publisher or date here, so none is given; the record's
editors are its editors (and, in another language than the source's, its translators), never its authors.
"""

from __future__ import annotations

from . import opendata, urls
from .citation import SOURCE_LANGUAGE, editors, source_statement
from .i18n import words
from .model import Highlight, Record
from .urls import Links
from .version import RecordVersion

CONTEXT = "https://schema.org"
COLLECTIONS = (urls.TIMELINE, urls.PLACES, urls.DOCUMENTS, urls.CHANGES)


def record_id(links: Links, lang: str | None = None) -> str:
    return links.absolute(urls.HOME, lang, fragment="record")


def highlight_id(links: Links, highlight_id_: str, lang: str | None = None) -> str:
    return links.absolute(urls.highlight_page(highlight_id_), lang, fragment=highlight_id_)


def source_id(links: Links) -> str:
    """The archived article, described in the "source" section of the about page in the source's language."""
    return links.absolute(urls.ABOUT, links.languages.root, fragment="source")


def dataset_id(links: Links) -> str:
    """The one Dataset of the whole site, described in the "downloads" section of the root language's about page."""
    return links.absolute(urls.ABOUT, links.languages.root, fragment="downloads")


def editors_node(links: Links) -> dict:
    return {"@type": "Organization", "@id": links.site_url + "#editors", "name": editors(links.lang)}


def front_node(record: Record, lang: str) -> dict:
    """The Front of the district, whose term the record is about (the source credits the highlights to the Front as a
    whole, not to its Committee alone)."""
    term = record.term
    return {
        "@type": "Organization",
        "name": term.short_name[lang],
        "areaServed": {"@type": "AdministrativeArea", "name": f"{term.district[lang]}, {term.city[lang]}"},
    }


def source_node(record: Record, links: Links) -> dict:
    """The article as its archived copy shows it: a title, a language, what is known of it; no author or date that
    the copy does not give."""
    source, lang = record.term.source, links.lang
    node = {
        "@type": "NewsArticle",
        "@id": source_id(links),
        "name": source.title[SOURCE_LANGUAGE],
        "inLanguage": SOURCE_LANGUAGE,
        "description": source_statement(record, lang),
    }
    node |= {"url": source.url} if source.url else {}
    node |= {"publisher": {"@type": "Organization", "name": source.publisher}} if source.publisher else {}
    return node | ({"datePublished": source.published.isoformat()} if source.published else {})


def credits(links: Links, work_id, work_type: str) -> dict:
    """Who made this language's text, and its other languages: in the source's language the editors compiled it; in
    another, it is their translation (under the licence of the editors' work) of the source-language work."""
    lang = links.lang
    original = SOURCE_LANGUAGE if SOURCE_LANGUAGE in links.languages else links.languages.root

    def work(code: str) -> dict:
        return {"@type": work_type, "@id": work_id(code), "inLanguage": code}

    if lang != original:
        return {"translator": editors_node(links), "translationOfWork": work(original)} | {
            "license": opendata.LICENCE["path"]
        }
    others = [work(code) for code in links.languages if code != lang]
    return {"editor": editors_node(links)} | ({"workTranslation": others} if others else {})


def change_dates(record: Record, highlight_id_: str | None = None) -> dict:
    """First and last dates of the record's changes (to one highlight, or to the whole record)."""
    dates = [c.date for c in (record.changes_to(highlight_id_) if highlight_id_ else record.changes)]
    return {"datePublished": min(dates).isoformat(), "dateModified": max(dates).isoformat()}


def record_node(record: Record, links: Links, description: str, version: RecordVersion) -> dict:
    term, lang = record.term, links.lang
    node = {
        "@type": "Report",
        "@id": record_id(links),
        "name": term.title[lang],
        "headline": term.title[lang],
        "description": description,
        "url": links.absolute(urls.HOME),
        "inLanguage": lang,
        "temporalCoverage": f"{term.start_year}/{term.end_year}",
        "about": front_node(record, lang),
        "spatialCoverage": {"@type": "Place", "name": f"{term.district[lang]}, {term.city[lang]}"},
        "isBasedOn": source_node(record, links),
        "hasPart": [
            {
                "@type": "Article",
                "@id": highlight_id(links, h.id),
                "position": h.order,
                "name": f"{h.order}. {h.title[lang]}",
                "url": links.absolute(urls.highlight_page(h.id)),
            }
            for h in record.highlights
        ],
    }
    node |= {"version": version.commit} if version.known else {}
    return node | change_dates(record) | credits(links, lambda code: record_id(links, code), "Report")


def place_node(record: Record, place_id: str, lang: str) -> dict:
    place = record.place(place_id)
    node = {"@type": "Place", "name": place.name[lang]}
    return node | ({"containedInPlace": place_node(record, place.ward, lang)} if place.ward else {})


def document_node(record: Record, document_id: str, lang: str) -> dict:
    document = record.document(document_id)
    title = document.title[lang] if document.title else None
    node = {"@type": "CreativeWork", "name": " ".join(p for p in (document.kind[lang], document.number, title) if p)}
    node |= {"identifier": document.number} if document.number else {}
    return node | ({"datePublished": document.date.isoformat()} if document.date else {})


def highlight_node(record: Record, links: Links, highlight: Highlight, description: str) -> dict:
    lang, page = links.lang, urls.highlight_page(highlight.id)
    title = f"{highlight.order}. {highlight.title[lang]}"
    people = [
        {"@type": "Person", "name": record.person(ref).name, "description": record.person(ref).role[lang]}
        for ref in highlight.people
    ]
    node = {
        "@type": "Article",
        "@id": highlight_id(links, highlight.id),
        "headline": title,
        "name": title,
        "description": description,
        "url": links.absolute(page),
        "mainEntityOfPage": {"@id": links.absolute(page)},
        "inLanguage": lang,
        "position": highlight.order,
        "isPartOf": {"@id": record_id(links), "@type": "Report", "name": record.term.title[lang]},
        "isBasedOn": {"@id": source_id(links)},
        "about": [front_node(record, lang)] + [place_node(record, ref, lang) for ref in highlight.places],
    }
    mentions = people + [document_node(record, ref, lang) for ref in highlight.documents]
    node |= {"mentions": mentions} if mentions else {}
    translations = credits(links, lambda code: highlight_id(links, highlight.id, code), "Article")
    return node | change_dates(record, highlight.id) | translations


def breadcrumbs(links: Links, page: str, title: str) -> dict:
    """Home, then the page (a highlight's place in the navigation's groups has no page of its own)."""
    trail = [(words(links.lang)["home"], links.absolute(urls.HOME))]
    if page != urls.HOME:
        trail.append((title, links.absolute(page)))
    return {
        "@type": "BreadcrumbList",
        "@id": links.absolute(page, fragment="breadcrumb"),
        "itemListElement": [
            {"@type": "ListItem", "position": index, "name": name, "item": url}
            for index, (name, url) in enumerate(trail, start=1)
        ],
    }


def dataset_node(record: Record, links: Links, version: RecordVersion) -> dict:
    """The record's open data as one schema.org Dataset: Google's Dataset Search requires a name and a description
    of 50 to 5,000 characters, and reads its licence, creator, version, dates and each download's format."""
    term, lang = record.term, links.lang
    node = {
        "@type": "Dataset",
        "@id": dataset_id(links),
        "name": term.title[lang],
        "description": opendata.dataset_description(record, lang),
        "url": links.absolute(urls.ABOUT, fragment="downloads"),
        "identifier": links.absolute_shared(urls.DATA_DIR + opendata.DESCRIPTOR),
        "inLanguage": list(links.languages),
        "license": opendata.LICENCE["path"],
        "isAccessibleForFree": True,
        "creator": editors_node(links),
        "temporalCoverage": f"{term.start_year}/{term.end_year}",
        "spatialCoverage": {"@type": "Place", "name": f"{term.district[lang]}, {term.city[lang]}"},
        "about": front_node(record, lang),
        "isBasedOn": source_node(record, links),
        "distribution": [
            {
                "@type": "DataDownload",
                "name": name,
                "contentUrl": links.absolute_shared(urls.DATA_DIR + name),
                "encodingFormat": media_type,
            }
            for name, media_type in opendata.DISTRIBUTIONS
        ],
    }
    node |= {"version": version.commit} if version.known else {}
    return node | {"dateModified": change_dates(record)["dateModified"]}


def page_node(record: Record, links: Links, page: str, title: str, kind: str) -> dict:
    url = links.absolute(page)
    return {
        "@type": kind,
        "@id": url,
        "url": url,
        "name": title,
        "inLanguage": links.lang,
        "isPartOf": {"@type": "WebSite", "name": record.term.title[links.lang], "url": links.absolute(urls.HOME)},
        "breadcrumb": {"@id": links.absolute(page, fragment="breadcrumb")},
        "dateModified": change_dates(record)["dateModified"],
    }


def page_graph(record: Record, links: Links, page: str, title: str, description: str, version: RecordVersion) -> dict:
    """The JSON-LD of one page (`page` is its source path: index.md, supervision.md, about.md…)."""
    highlight = record.highlight(page.removesuffix(".md")) if record.has_highlight(page.removesuffix(".md")) else None
    nodes: list[dict]
    if highlight is not None:
        article = highlight_node(record, links, highlight, description)
        nodes = [page_node(record, links, page, title, "WebPage") | {"mainEntity": {"@id": article["@id"]}}, article]
    elif page == urls.HOME:
        report = record_node(record, links, description, version)
        nodes = [page_node(record, links, page, title, "WebPage") | {"mainEntity": {"@id": report["@id"]}}, report]
    elif page == urls.ABOUT:
        about = page_node(record, links, page, title, "AboutPage") | {"about": {"@id": record_id(links)}}
        nodes = [about | {"mainEntity": {"@id": record_id(links)}}, dataset_node(record, links, version)]
    elif page in COLLECTIONS:
        nodes = [page_node(record, links, page, title, "CollectionPage") | {"about": {"@id": record_id(links)}}]
    else:  # the printable page, and any other prose page
        nodes = [page_node(record, links, page, title, "WebPage") | {"about": {"@id": record_id(links)}}]
    return {"@context": CONTEXT, "@graph": nodes + [breadcrumbs(links, page, title)]}
