"""The permalink lock: every published page and anchor of both languages, kept in permalinks.lock.

  python tools/permalinks.py --write [SITE]   record the links of a built site (after `make build`)
  python tools/permalinks.py --check [SITE]   list locked links the site no longer serves

A link disappears only through a redirect declared in the record (redirects: in data/achievements.yaml):
the redirect page at the old URL forwards the reader and the #anchor, so its links stay served.
"""

from __future__ import annotations

import argparse
import html.parser
import posixpath
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "permalinks.lock"
SKIPPED = {"search", "assets", "data"}


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
        if set(url.split("/")) & SKIPPED:
            continue
        pages["" if url == "." else url + "/"] = _read(path)
    return pages


def collect(site: Path) -> list[str]:
    """Every served link, as a path from the site root: each page (/en/supervision/), and each anchor of its
    content (/en/supervision/#fig-registered-tasks); a redirect page serves its target's anchors."""
    pages = _pages(site)
    links = set()
    for url, page in pages.items():
        links.add(f"/{url}")
        target = page
        if page.redirect is not None:
            target = pages.get(posixpath.normpath(posixpath.join(url, page.redirect)) + "/", page)
        links.update(f"/{url}#{anchor}" for anchor in target.ids)
    return sorted(links)


def read_lock(lock: Path = LOCK) -> list[str]:
    if not lock.is_file():
        return []
    return [line for line in lock.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def missing(site: Path, lock: Path = LOCK) -> list[str]:
    served = set(collect(site))
    return [link for link in read_lock(lock) if link not in served]


def write_lock(site: Path, lock: Path = LOCK) -> int:
    links = sorted(set(collect(site)) | set(read_lock(lock)))
    header = "# Every published link of the site; `make permalinks` adds new ones. Never delete a line.\n"
    lock.write_text(header + "".join(f"{link}\n" for link in links), encoding="utf-8")
    return len(links)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check or update the permalink lock.")
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    gone = missing(args.site)
    if args.write and not gone:
        print(f"permalinks.lock: {write_lock(args.site)} links")
        return 0
    if gone:
        print(f"{len(gone)} published link(s) no longer served; declare a redirect in data/achievements.yaml "
              "(redirects:) or restore the id:", file=sys.stderr)
        print("\n".join(f"  {link}" for link in gone), file=sys.stderr)
        return 1
    print("every locked link is served")
    return 0


if __name__ == "__main__":
    sys.exit(main())
