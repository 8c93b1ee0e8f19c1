"""Where each page and anchor of the archive lives, and relative links between them (directory URLs)."""

from __future__ import annotations

import posixpath

LANGUAGE_PREFIX = {"vi": "", "en": "en/"}


def highlight_url(highlight_id: str) -> str:
    """The page of one highlight, relative to its language's root: supervision/."""
    return f"{highlight_id}/"


ABOUT_URL = "about/"
CHANGES_URL = "changes/"
FEED_FILE = "feed.xml"
HOME_URL = ""
DATA_DIR = "data/"  # at the root of the whole site, shared by both languages


def relative(target: str, current: str) -> str:
    """A link from page `current` to page `target` (both relative to one root, directory style)."""
    start = posixpath.dirname(current.rstrip("/") + "/x") if current else "."
    if "." in posixpath.basename(target):  # a file such as 404.html or feed.xml
        return posixpath.relpath(target, start or ".")
    path = posixpath.relpath(target or ".", start or ".")
    return "./" if path == "." else path + "/"


def other_language(url: str, lang: str, target_lang: str) -> str:
    """From a page of language `lang` to the same page in `target_lang`, relatively."""
    here = LANGUAGE_PREFIX[lang] + url
    there = LANGUAGE_PREFIX[target_lang] + url
    return relative(there, here)


def anchor(kind: str, item_id: str) -> str:
    """The fragment id of an item on a highlight page: fig-…, photo-…, note-…"""
    return f"{kind}-{item_id}"


def language_root(site_path: str, lang: str, target_lang: str) -> str:
    """The absolute path of `target_lang`'s home, given this language's site path (/ or /en/)."""
    root = site_path.removesuffix(LANGUAGE_PREFIX[lang]) if LANGUAGE_PREFIX[lang] else site_path
    return root + LANGUAGE_PREFIX[target_lang]


def to_shared(target: str, url: str, lang: str) -> str:
    """A link from a page of `lang` to a path at the root of the whole site (such as data/)."""
    return relative(target, LANGUAGE_PREFIX[lang] + url)
