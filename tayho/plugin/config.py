"""The plugin's settings: what mkdocs.yml says about the project, and what one build asks for.

`TayhoConfig` is read from mkdocs.yml (`plugins: - tayho: {…}`) and validated by MkDocs. `BuildRequest` is what
the `tayho` command asks of one language build (which language, the offline copy or not, the published address);
`mkdocs build` on its own builds the first language for the address in mkdocs.yml.
"""

from __future__ import annotations

import dataclasses
from typing import Literal, Optional
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..yamlsource import MAX_BYTES


class TayhoConfig(base.Config):
    """`plugins: - tayho:` in mkdocs.yml."""

    record = c.Type(str, default="data/achievements.yaml")
    languages = c.ListOfItems(c.Type(str), default=["vi", "en"])  # the first is served at the site root
    record_max_bytes = c.Type(int, default=MAX_BYTES)
    # false only for deliberately large records (the benchmark's): the counts of tayho/limits.py are not enforced
    record_size_limits = c.Type(bool, default=True)
    search_chunks_from = c.Type(int, default=0)  # highlights; from here on the online search index comes in chunks
    # where readers report a correction: https://…/issues/new?title={title}&body={body}, or mailto:address
    corrections = c.Optional(c.Type(str))


SearchMode = Literal["auto", "chunked", "single"]


MAX_ADDRESS_BYTES = 1000  # a page's address (this, a language folder, a 64-character id) fits a QR code (tayho/qr.py)


class AddressError(ValueError):
    """A published address that is not an absolute http(s) URL."""


def site_address(url: str) -> str:
    """The site's published address, checked: an absolute http(s) URL of a folder (a final "/" is added)."""
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 (a port that is not a number from 0 to 65535 raises)
        bad_port = False
    except ValueError:
        bad_port = True
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or bad_port
        or parts.username is not None  # user:password@ would be printed in every page
        or any(char in url for char in "?#\"<>'`\\")  # an empty ?query or #fragment is still one
        or any(char.isspace() or not char.isprintable() for char in url)  # controls, NBSP, U+2028: invalid XML
    ):
        raise AddressError(
            f"the site address {url!r} must be an absolute http:// or https:// URL, "
            "such as https://example.org/archive/ (no spaces, control characters, quotes, user name, query or "
            "#fragment)"
        )
    if len(url.encode("utf-8")) > MAX_ADDRESS_BYTES:
        raise AddressError(
            f"the site address is {len(url.encode('utf-8'))} bytes long; it may be at most {MAX_ADDRESS_BYTES} "
            "(the printed pages carry each page's address as a QR code, which holds at most 2,331 bytes)"
        )
    return url if url.endswith("/") else url + "/"


@dataclasses.dataclass(frozen=True)
class BuildRequest:
    """What one language build is asked for (by `tayho build`, `tayho offline` or `tayho serve`)."""

    language: Optional[str] = None  # None: the first of the site's languages
    site_url: Optional[str] = None  # the whole site's published address; None: mkdocs.yml's site_url
    offline: bool = False  # the copy read from file://: page.html URLs, Material's single search index, no PDFs
    search: SearchMode = "auto"  # chunked or single online index; auto: by search_chunks_from
    pdf: bool = True  # whether this build renders the PDFs (the pages then link them)
    progress: bool = False  # print progress lines (the command turns them on for a terminal, off under CI)
    as_version: Optional[str] = None  # building a release's own snapshot (served under v/VERSION/)
    current_url: Optional[str] = None  # …and the current site's address, for its banner's link
    releases: tuple = ()  # the releases built for the current site (version_views.VersionInfo), oldest first
    release_folders: tuple = ()  # (version, folder of its built site), for their record.json
