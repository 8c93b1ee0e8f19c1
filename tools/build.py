"""Build both languages into a fresh folder and swap it in as site/ only when everything succeeded.

The two languages (each its HTML, then its PDF) build at the same time in two processes.

Usage: python tools/build.py [--root DIR] [--site-dir DIR] [--no-pdf]
A failed build prints the problem (no traceback), exits non-zero and leaves the previous site/ untouched.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

CONFIGS = (("mkdocs.yml", ""), ("mkdocs.en.yml", "en"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tayho package and tools, for the hooks

from tools.pdf import write_language_pdf  # noqa: E402


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


def build_language_with_pdf(root: Path, config_name: str, site_dir: Path, prefix: str, pdf: bool) -> None:
    """One language, complete: its pages, then (unless asked not to, or building the offline copy) its PDF."""
    build_language(root, config_name, site_dir)
    if pdf and os.environ.get("TAYHO_OFFLINE") != "true":
        write_language_pdf(site_dir, prefix)


def build_site(root: Path, site_dir: Path, pdf: bool = True) -> None:
    """Build every language into a temporary sibling of site_dir, then replace site_dir with it.

    Each language builds into its own folder (MkDocs empties the folder it builds into), in its own process;
    the languages other than the root one are then moved under it. `pdf=False` is the quick preview of
    `make serve`, which follows it with a complete build.
    """
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(root))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        folders = {prefix: staging / (prefix or "root") for _, prefix in CONFIGS}
        with ProcessPoolExecutor(max_workers=len(CONFIGS), mp_context=multiprocessing.get_context("fork")) as pool:
            jobs = [pool.submit(build_language_with_pdf, root, config_name, folders[prefix], prefix, pdf)
                    for config_name, prefix in CONFIGS]
            for job in jobs:
                job.result()  # re-raises the first language's failure, with its message
        built = folders.pop("")
        for prefix, folder in folders.items():
            folder.rename(built / prefix)
        _check_permalinks(root, built)
        write_checksums(built)
        _swap(built, site_dir)
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
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDFs (a quick preview; not for publishing)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tayho package, for the hooks
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    from mkdocs.exceptions import MkDocsException

    try:
        build_site(root, (args.site_dir or root / "site").resolve(), pdf=not args.no_pdf)
    except MkDocsException as error:
        print(f"Build failed; the previous site/ is unchanged.\n{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
