"""The offline copy: both languages in a zip that works from the file system (unzip, open index.html).

A separate build for file:// (the tayho plugin's offline request): MkDocs writes page.html URLs instead of folders,
the search index is Material's single index inlined as a script, the Web Worker shim is served from the site
itself, and there are no PDFs, feeds to subscribe to or sitemaps. The zip's bytes depend only on the site.
"""

from __future__ import annotations

import tempfile
import time
import zipfile
from pathlib import Path

from .build import SiteBuild, build_site, source_date_epoch

DEFAULT_ZIP = Path("offline") / "tayho-archive-offline.zip"
FOLDER = "tayho-archive"


def write_offline_copy(root: Path, target: Path | None = None) -> Path:
    """Build the offline copy of the project at `root` and write it as a zip (default: offline/…zip)."""
    target = target or root / DEFAULT_ZIP
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        build_site(SiteBuild(root, site, pdf=False, offline=True))
        (site / "SHA256SUMS").unlink(missing_ok=True)
        write_zip(root, site, target)
    return target


def write_zip(root: Path, site: Path, target: Path) -> None:
    """A zip whose bytes depend only on the site: sorted entries, one fixed timestamp."""
    stamp = time.gmtime(max(int(source_date_epoch(root)), 315532800))[:6]
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site).as_posix()}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
