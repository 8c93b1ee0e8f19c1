"""Build both languages into a fresh folder and swap it in as site/ only when everything succeeded.

Usage: python tools/build.py [--root DIR] [--site-dir DIR]
A failed build prints the problem (no traceback), exits non-zero and leaves the previous site/ untouched.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CONFIGS = (("mkdocs.yml", ""), ("mkdocs.en.yml", "en"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tayho package and tools, for the hooks

from tools.pdf import write_pdfs  # noqa: E402


def source_date_epoch(root: Path) -> str:
    """The last commit's time, so that dates in the output depend on the commit, not on the clock."""
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, check=True).stdout.strip()
        return out or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def build_language(root: Path, config_name: str, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(root / config_name), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def build_site(root: Path, site_dir: Path) -> None:
    """Build every language into a temporary sibling of site_dir, then replace site_dir with it."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(root))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        for config_name, subdir in CONFIGS:
            build_language(root, config_name, staging / subdir if subdir else staging)
        _check_permalinks(root, staging)
        if os.environ.get("TAYHO_OFFLINE") != "true":
            write_pdfs(staging)
        write_checksums(staging)
        _swap(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_permalinks(root: Path, site: Path) -> None:
    """Refuse a build that would break a published link (see tools/permalinks.py)."""
    from mkdocs.exceptions import Abort

    from tools.permalinks import missing

    gone = missing(site, root / "permalinks.lock")
    if gone:
        listed = "\n".join(f"  {link}" for link in gone[:50])
        raise Abort(f"{len(gone)} published link(s) would break; declare a redirect in data/achievements.yaml "
                    f"(redirects:) or restore the id:\n{listed}")


def write_checksums(site: Path) -> None:
    """SHA256SUMS over every file of the site, sorted, in `sha256sum -c` format."""
    lines = [f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(site).as_posix()}\n"
             for path in sorted(site.rglob("*")) if path.is_file()]
    (site / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def _swap(staging: Path, site_dir: Path) -> None:
    retired = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(retired, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--site-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tayho package, for the hooks
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    from mkdocs.exceptions import MkDocsException

    try:
        build_site(root, (args.site_dir or root / "site").resolve())
    except MkDocsException as error:
        print(f"Build failed; the previous site/ is unchanged.\n{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
