"""Write offline/tayho-archive-offline.zip: both languages, browsable from file:// with navigation and search.

A separate build with Material's offline plugin (TAYHO_OFFLINE=true), whose directory links are then pointed at
their index.html files (a browser opening file:// shows a folder listing for "supervision/"), with the search
index inlined and the Web Worker shim served from the site itself.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.build import build_site, source_date_epoch  # noqa: E402

ZIP = ROOT / "offline" / "tayho-archive-offline.zip"
SHIM = ROOT / "tools" / "vendor" / "iframe-worker-shim.js"
_LOCAL_LINK = re.compile(r'(?P<attr>\b(?:href|src)=")(?P<url>(?![a-z][a-z0-9+.-]*:|#|/)[^"]*)"')


def to_index_html(url: str) -> str:
    """supervision/#fig-x → supervision/index.html#fig-x; "" and "./" → index.html; files are kept."""
    path, hash_mark, fragment = url.partition("#")
    path, query_mark, query = path.partition("?")
    if path == "" and hash_mark:
        return url  # a same-page anchor
    if path in ("", ".", "./") or path.endswith("/") or path in ("..", "."):
        path = (path.rstrip("/") + "/" if path not in ("", ".", "./") else "") + "index.html"
    return path + (query_mark + query) + (hash_mark + fragment)


def rewrite_page(text: str) -> str:
    return _LOCAL_LINK.sub(lambda m: f'{m.group("attr")}{to_index_html(m.group("url"))}"', text)


def rewrite_search(site: Path) -> None:
    for index_json in site.rglob("search/search_index.json"):
        index = json.loads(index_json.read_text(encoding="utf-8"))
        for entry in index["docs"]:
            entry["location"] = to_index_html(entry["location"]) if entry["location"] else "index.html"
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        index_json.write_text(data, encoding="utf-8")
        (index_json.parent / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")


def make_offline_site(root: Path, site: Path) -> None:
    os.environ["TAYHO_OFFLINE"] = "true"
    try:
        build_site(root, site)
    finally:
        del os.environ["TAYHO_OFFLINE"]
    for page in site.rglob("*.html"):
        page.write_text(rewrite_page(page.read_text(encoding="utf-8")), encoding="utf-8")
    rewrite_search(site)
    for javascripts in [site / "assets" / "javascripts", site / "en" / "assets" / "javascripts"]:
        shutil.copy2(SHIM, javascripts / "iframe-worker-shim.js")


def write_zip(root: Path, site: Path, target: Path) -> None:
    """A zip whose bytes depend only on the site: sorted entries, one fixed timestamp."""
    stamp = time.gmtime(max(int(source_date_epoch(root)), 315532800))[:6]
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"tayho-archive/{path.relative_to(site).as_posix()}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())


def main(argv: list[str] | None = None) -> int:
    import argparse

    from mkdocs.exceptions import MkDocsException

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--output", type=Path, default=ZIP)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        try:
            make_offline_site(args.root.resolve(), site)
        except MkDocsException as error:
            print(f"Offline build failed.\n{error}", file=sys.stderr)
            return 1
        (site / "SHA256SUMS").unlink(missing_ok=True)
        write_zip(args.root.resolve(), site, args.output)
    print(f"{args.output}: open tayho-archive/index.html from the unzipped folder")
    return 0


if __name__ == "__main__":
    sys.exit(main())
