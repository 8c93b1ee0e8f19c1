"""The permalink lock: every published page and anchor of every language, and every file the press and readers
link to (PDFs, feeds, share images, embeddable charts and their downloads, open data), kept in permalinks.lock.

Every build checks that it still serves each locked link and fails otherwise, and fails closed: a missing or
unreadable lock is an error, never "nothing to check". `tayho permalinks` adds the links of a new build to the
lock (never removes one). A link disappears only through a redirect declared in the record (redirects: in
data/achievements.yaml): the redirect page at the old URL forwards the reader and the #anchor, so its links stay
served.
"""

from __future__ import annotations

import html.parser
import posixpath
import tempfile
from pathlib import Path

from mkdocs.exceptions import Abort

LOCK_FILE = "permalinks.lock"
HEADER = "# Every published link of the site; `make permalinks` adds new ones. Never delete a line.\n"
SKIPPED = {"search", "assets", "data"}
# Files a reader or a journalist links to, by suffix: outside the theme's assets, the search index and the
# released snapshots (which never change). Pages are listed with their anchors instead.
PUBLISHED_SUFFIXES = {".pdf", ".xml", ".csv", ".json", ".png", ".svg", ".txt", ".yaml"}
NOT_PUBLISHED = {"search", "assets", "v"}
# Those folders are at the site's root or a language's (en/search/); deeper down, a folder of that name is the
# record's (a chart whose id is `data` or `v`: /embed/<highlight>/data/), and its page and files are published.
TOP = 2


def drawn_only(link: str) -> bool:
    """A file only a full build makes (PDFs, share images, chart PNGs), which a quick preview neither makes nor
    checks."""
    return link.endswith((".pdf", "/chart.png")) or link.startswith("/share/") or "/share/" in link


class _Anchors(html.parser.HTMLParser):
    """Ids inside the page's <article> (the content, not the theme's chrome), and a redirect target if any."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.redirect: str | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name") == "tayho-redirect":
            self.redirect = attributes.get("content")
        if tag == "article":
            self._depth += 1
        if self._depth and attributes.get("id"):
            self.ids.append(attributes["id"])

    def handle_endtag(self, tag):
        if tag == "article" and self._depth:
            self._depth -= 1


def _read(path: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(site: Path) -> dict[str, _Anchors]:
    pages = {}
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix()
        if set(url.split("/")[:TOP]) & SKIPPED:
            continue
        pages["" if url == "." else url + "/"] = _read(path)
    return pages


def _files(site: Path) -> set[str]:
    found = set()
    for path in site.rglob("*"):
        parts = path.relative_to(site).parts
        if path.suffix in PUBLISHED_SUFFIXES and path.is_file() and not set(parts[:-1][:TOP]) & NOT_PUBLISHED:
            found.add("/" + "/".join(parts))
    return found


def collect(site: Path) -> list[str]:
    """Every served link, as a path from the site root: each page (/en/supervision/), each anchor of its content
    (/en/supervision/#fig-registered-tasks; a redirect page serves its target's anchors), and each published file
    (/en/supervision/feed.xml)."""
    pages = _pages(site)
    links = _files(site)
    for url, page in pages.items():
        links.add(f"/{url}")
        target = page
        if page.redirect is not None:
            target = pages.get(posixpath.normpath(posixpath.join(url, page.redirect)) + "/", page)
        links.update(f"/{url}#{anchor}" for anchor in target.ids)
    return sorted(links)


def read_lock(lock: Path) -> list[str]:
    """The locked links; a lock that is missing, unreadable or not text fails the build with what to do."""
    recreate = (
        "if the site has never been published, create it with `make permalinks`; otherwise restore it "
        f"with `git checkout -- {LOCK_FILE}`"
    )
    if lock.exists() and not lock.is_file() and not lock.is_dir():  # a FIFO or a device: reading it could block
        raise Abort(f"{LOCK_FILE} cannot be read (it is not a regular file); {recreate}")
    try:
        text = lock.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise Abort(
            f"{LOCK_FILE} is missing, so the build cannot check that every published link still works; {recreate}"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "it is not UTF-8 text"
        raise Abort(f"{LOCK_FILE} cannot be read ({reason}); {recreate}") from None
    links = [line for line in text.splitlines() if line and not line.startswith("#")]
    # a site path has no space and no control or format character (ESC, U+202E), which a terminal would obey
    damaged = [
        line
        for line in links
        if not line.startswith("/") or not all(char.isprintable() and not char.isspace() for char in line)
    ]
    if damaged:
        raise Abort(
            f"{LOCK_FILE} is damaged: {damaged[0]!r} is not a site path such as /en/supervision/#text; {recreate}"
        )
    return links


def missing(site: Path, locked: list[str], drawn: bool = True) -> list[str]:
    """The locked links (read_lock) `site` does not serve; without `drawn` (a quick preview), PDFs and share
    images aside."""
    served = set(collect(site))
    return [link for link in locked if link not in served and (drawn or not drawn_only(link))]


def write_lock(links: list[str], lock: Path) -> int:
    lock.write_text(HEADER + "".join(f"{link}\n" for link in sorted(set(links))), encoding="utf-8")
    return len(set(links))


def update_lock(root: Path, pdf: bool = True) -> tuple[int, int]:
    """Build the site and add its links to the lock (created when missing); (links in the lock, links added).
    Without `pdf`, the PDFs and share images are neither built nor locked (the tests' quick fixture).

    With a lock, the build is the normal one (it refuses to lose a locked link) and becomes site/; without one,
    the site is built aside, since there is nothing yet to check it against.
    """
    from .build import SiteBuild, build_site

    lock = root / LOCK_FILE
    if lock.exists():
        build_site(SiteBuild(root, root / "site", pdf=pdf))
        before = read_lock(lock)
        served = collect(root / "site")
    else:
        before = []
        with tempfile.TemporaryDirectory() as scratch:
            build_site(SiteBuild(root, Path(scratch) / "site", pdf=pdf, check_permalinks=False))
            served = collect(Path(scratch) / "site")
    count = write_lock(before + served, lock)
    return count, count - len(set(before))
