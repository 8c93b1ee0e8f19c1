"""Build every language of the site into a fresh folder and make it site/ only when everything succeeded.

Each language is one MkDocs build of the same mkdocs.yml, told by the tayho plugin which language it is for; the
languages build at the same time in separate processes, each its pages and then its PDF. The first language is
the site root, the others are moved into their folders; the permalink lock is checked, SHA256SUMS written, and
the result swapped in for site/ in one atomic step (tayho/sitedir.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
import re
import shutil
import subprocess
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.exceptions import Abort

from . import sitedir, versions
from .broken_links import listed
from .embeds import write_chart_pngs
from .file_cache import FileCache
from .languages import SiteLanguages
from .permalinks import missing, read_lock
from .plugin.config import BuildRequest, TayhoConfig
from .renamed_files import keep_renamed_files
from .share_images import write_cards
from .version_views import VersionInfo

CONFIG_FILE = "mkdocs.yml"


@dataclasses.dataclass(frozen=True)
class SiteBuild:
    """What to build: the project, where to, and for which published address."""

    root: Path
    site_dir: Path
    site_url: str | None = None  # None: mkdocs.yml's site_url
    pdf: bool = True
    offline: bool = False
    search: str = "auto"
    check_permalinks: bool = True
    progress: bool = False  # progress lines on standard error
    as_version: str | None = None  # a release's own snapshot (tayho/versions.py builds these)
    current_url: str | None = None  # …and the current site's address, for its banner


def source_date_epoch(root: Path) -> str:
    """The last commit's time, so that dates in the output depend on the commit, not on the clock."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout.strip()
        return out or "0"
    except (OSError, subprocess.SubprocessError):
        return "0"


def _set_source_date_epoch(root: Path) -> None:
    """Dates in the output come from the last commit (SOURCE_DATE_EPOCH, which MkDocs and WeasyPrint read), or
    from a SOURCE_DATE_EPOCH the caller set, which must then be a whole number of seconds."""
    given = os.environ.get("SOURCE_DATE_EPOCH")
    if given is None:
        os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(root)
    elif not given.isdigit():
        raise Abort(
            f"SOURCE_DATE_EPOCH is {given[:40]!r}; it must be a whole number of seconds since 1970 "
            "(or unset, to use the last commit's time)"
        )


def load_language_config(root: Path, lang: str | None, request: BuildRequest, site_dir: Path):
    """MkDocs' configuration for one language's build, with the plugin told what the build is for."""
    from mkdocs.config import load_config

    config = load_config(str(root / CONFIG_FILE), site_dir=str(site_dir), strict=True)
    plugin = config.plugins.get("tayho")
    if plugin is None:
        raise Abort(f"{CONFIG_FILE} does not use the tayho plugin (plugins: - tayho)")
    plugin.prepare(dataclasses.replace(request, language=lang))
    return config


def project_plugin(root: Path):
    """The tayho plugin as mkdocs.yml configures it (no build run): the project's record and languages."""
    return load_language_config(root, None, BuildRequest(), root / "site").plugins["tayho"]


def site_languages(root: Path) -> SiteLanguages:
    """The languages mkdocs.yml publishes, in order."""
    return project_plugin(root).languages()


def build_language(
    job: SiteBuild, lang: str, prefix: str, folder: Path, releases: tuple = (), release_folders: tuple = ()
) -> list[str]:
    """One language, complete: its pages, then (unless asked not to, or for the offline copy) its share images and
    PDFs, and the files of renamed ids at their old addresses; returns the cache keys of the files it used."""
    from mkdocs.commands.build import build

    request = BuildRequest(
        language=lang,
        site_url=job.site_url,
        offline=job.offline,
        search=job.search,
        pdf=job.pdf and not job.offline,
        progress=job.progress,
        as_version=job.as_version,
        current_url=job.current_url,
        releases=releases,
        release_folders=release_folders,
    )
    config = load_language_config(job.root, lang, request, folder)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    plugin = config.plugins["tayho"]
    keys = []
    if request.pdf:
        from .pdf import write_language_pdfs

        plugin.progress.phase("the share images")
        keys = write_cards(plugin.site, folder, image_cache(job.root))
        keys += write_chart_pngs(plugin.site, folder, image_cache(job.root))
        plugin.progress.phase("the PDFs")
        keys += write_language_pdfs(folder, plugin.site, pdf_cache(job.root))
    keep_renamed_files(plugin.site.record, folder, with_shared=not prefix)
    return keys


def pdf_cache(root: Path) -> FileCache:
    """Rendered PDFs, kept between builds by the hash of their input (outside site/, not in git)."""
    return FileCache(root / ".tayho-cache" / "pdf", ".pdf")


def image_cache(root: Path) -> FileCache:
    """Drawn share images, kept between builds by the hash of what they show."""
    return FileCache(root / ".tayho-cache" / "images", ".png")


def build_site(job: SiteBuild) -> None:
    """Build every language into a staging folder beside job.site_dir, then swap it in.

    Raises MkDocs' Abort (a problem of the project, with its message) or OSError (a problem of the machine, with
    its path); in both cases job.site_dir is left as it was.
    """
    _set_source_date_epoch(job.root)
    try:
        sitedir.check_replaceable(job.site_dir, job.root)
    except sitedir.NotASiteError as error:
        raise Abort(str(error)) from None
    plugin = project_plugin(job.root)
    languages = plugin.languages()
    checked = job.check_permalinks and not job.offline
    locked = read_lock(job.root / "permalinks.lock") if checked else []  # a bad lock fails before the build
    with sitedir.build_lock(job.site_dir):
        sitedir.remove_leftovers(job.site_dir)
        releases = _release_sites(job, plugin)
        staging = sitedir.new_staging_folder(job.site_dir)
        try:
            folders = {code: staging / code for code in languages}
            generated = _build_languages(job, languages, folders, releases)
            built = folders[languages.root]
            for code in languages.folders():
                folders[code].rename(built / languages.prefix(code))
            if releases:
                versions.copy_into(built, releases)
            if checked:
                _check_permalinks(built, locked, job, plugin.config, languages)
            write_checksums(built)
            previous = sitedir.publish(built, job.site_dir)
            shutil.rmtree(previous, ignore_errors=True)
            if job.pdf and not job.offline:
                pdf_cache(job.root).prune(generated)
                image_cache(job.root).prune(generated)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _release_sites(job: SiteBuild, plugin) -> list[versions.VersionSite]:
    """Every release's snapshot, built from its own commit (or cached): not for a snapshot itself or the offline
    copy, which show one version only."""
    if job.offline or job.as_version:
        return []
    from .plugin.config import AddressError, site_address

    try:
        site_url = site_address(job.site_url or plugin_site_url(job.root))
    except AddressError as error:
        raise Abort(str(error)) from None
    sites = versions.release_sites(job.root, site_url)
    versions.prune(job.root, sites)
    return sites


def plugin_site_url(root: Path) -> str:
    from mkdocs.config import load_config

    return load_config(str(root / CONFIG_FILE), site_dir=str(root / "site")).site_url or ""


def _build_languages(
    job: SiteBuild, languages: SiteLanguages, folders: dict[str, Path], releases: list[versions.VersionSite]
) -> set[str]:
    """Every language in its own process; their problems are reported together (a problem of the record once)."""
    context = multiprocessing.get_context("fork")
    infos = tuple(VersionInfo(site.version, site.date, site.pages) for site in releases)
    release_folders = tuple((site.version, str(site.folder)) for site in releases)
    with ProcessPoolExecutor(max_workers=len(folders), mp_context=context) as pool:
        jobs = [
            pool.submit(build_language, job, code, languages.prefix(code), folders[code], infos, release_folders)
            for code in languages
        ]
        failures = [error for future in jobs if (error := future.exception()) is not None]
    aborted = [error for error in failures if isinstance(error, Abort)]
    if aborted:
        raise Abort(merge_reports([str(error) for error in aborted]))
    if failures:
        raise failures[0]
    return {key for future in jobs for key in future.result()}


_REPORT_HEADING = re.compile(r"^The (?P<subject>.+) (?:has|have) \d+ problems?:$")


def merge_reports(messages: list[str]) -> str:
    """Several languages' failure messages as one: the problems of one kind (the record's, the prose pages')
    listed once each under one heading with their total count; other messages once each."""
    listed: dict[str, list[str]] = {}
    others: list[str] = []
    for message in messages:
        heading, *lines = message.splitlines()
        match = _REPORT_HEADING.match(heading)
        if match and all(line.startswith("  ") for line in lines):
            bucket = listed.setdefault(match["subject"], [])
            bucket.extend(line for line in lines if line not in bucket)
        elif message not in others:
            others.append(message)
    merged = [_report(subject, lines) for subject, lines in listed.items()]
    return "\n".join(merged + others)


def _report(subject: str, lines: list[str]) -> str:
    verb = "has" if subject == "record" else "have"
    count = f"{len(lines)} problem{'s' if len(lines) != 1 else ''}"
    return "\n".join([f"The {subject} {verb} {count}:", *lines])


def _check_permalinks(
    site: Path, locked: list[str], job: SiteBuild, config: TayhoConfig, languages: SiteLanguages
) -> None:
    """Refuse a build that would break a published link (see tayho/permalinks.py), naming where in the record
    (`config`: the plugin's) each one comes from (tayho/broken_links.py)."""
    gone = missing(site, locked, job.pdf)
    if gone:
        where = listed(
            gone, job.root / config.record, job.root, languages, config.record_max_bytes, config.record_size_limits
        )
        lines = "\n".join(f"  {line}" for line in where)
        raise Abort(
            f"{len(gone)} published link(s) would break; declare a redirect in {config.record} "
            f"(redirects:) or restore the id:\n{lines}"
        )


def write_checksums(site: Path) -> None:
    """SHA256SUMS over every file of the site, sorted, in `sha256sum -c` format."""
    lines = [
        f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(site).as_posix()}\n"
        for path in sorted(site.rglob("*"))
        if path.is_file()
    ]
    (site / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")
