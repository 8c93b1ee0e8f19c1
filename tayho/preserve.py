"""The preservation package of a release, for archives: a BagIt bag (the Library of Congress format) holding the
built site, the record, the source article with its SHA-256, the PDFs and a README for whoever opens it in twenty
years; and a WACZ web archive of the site at its published addresses, which ReplayWeb.page opens.

Both are written under release/ (not in git): release/tayho-archive-VERSION/ (the bag) and
release/tayho-archive-VERSION.wacz.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import mimetypes
import shutil
import tempfile
import uuid
import zipfile
from email.utils import format_datetime
from pathlib import Path

from .i18n import words
from .model import Record
from .releases import Release

OUTPUT = "release"
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("application/atom+xml", ".xml")  # feed.xml; sitemaps are served as XML either way


def package_name(release: Release) -> str:
    return f"tayho-archive-{release.version}"


def write_package(root: Path, site: Path, record: Record, release: Release, site_url: str) -> tuple[Path, Path]:
    """Write the bag and the WACZ of `release` (whose site is built in `site`) under root/release/."""
    output = root / OUTPUT
    output.mkdir(exist_ok=True)
    bag = write_bag(root, site, record, release, output / package_name(release))
    wacz = write_wacz(site, site_url, record, release, output / f"{package_name(release)}.wacz")
    return bag, wacz


# --- the bag -----------------------------------------------------------------------------------------------------


def write_bag(root: Path, site: Path, record: Record, release: Release, target: Path) -> Path:
    import bagit

    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copytree(site, target / "site")
    shutil.copytree(root / "data", target / "record")
    source = root / record.term.source.file
    (target / "source").mkdir()
    shutil.copy2(source, target / "source" / source.name)
    (target / "source" / f"{source.name}.sha256").write_text(
        f"{record.term.source.sha256}  {source.name}\n", encoding="utf-8"
    )
    (target / "pdf").mkdir()
    for pdf in sorted(site.rglob("*.pdf")):
        if "/v/" not in f"/{pdf.relative_to(site).as_posix()}":
            shutil.copy2(pdf, target / "pdf" / pdf.name)
    (target / "README.txt").write_text(_readme(record, release), encoding="utf-8")
    info = {
        "Source-Organization": words("en").pdf_author,
        "External-Identifier": package_name(release),
        "External-Description": f"{record.term.title.vi} / {record.term.title.en}",
        "Bagging-Date": release.date.isoformat(),
        "Version": release.version,
        "Record-Commit": release.commit or "",
        "Record-Source-SHA256": record.term.source.sha256,
    }
    bagit.make_bag(str(target), bag_info=info, checksums=["sha256", "sha512"], processes=1)
    return target


def _readme(record: Record, release: Release) -> str:
    term = record.term
    return f"""{term.title.vi}
{term.title.en}

Version {release.version} of the record, released {release.date.isoformat()} (git commit {release.commit}).

This folder is a BagIt bag (https://www.rfc-editor.org/rfc/rfc8493): data/ holds the files, and the manifests beside
it give the SHA-256 and SHA-512 of each, so that you can check that nothing changed since the bag was made.

data/site/    The website as it was published: open data/site/index.html in a browser (Vietnamese, the source
              language; data/site/en/ is the English translation). Every page is plain HTML.
data/record/  The record the site is built from: achievements.yaml (typed YAML, one source of truth for every
              text and figure; its schema is achievements.schema.json) and the files beside it.
data/source/  The source: a web copy of a Vietnamese news article, byte for byte, and its SHA-256.
              The archived copy names no publisher, author or publication date; it was written before
              {term.source.written_before.isoformat()}. Its text belongs to its publisher.
data/pdf/     The record, and each highlight alone, as PDF/A-3 files (the data attached inside).

Licence: the record's structure, its English translation and the editors' notes are under Creative Commons
Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/); the Vietnamese text of the article belongs to its
publisher. The code that built the site is under the MIT licence (it is in the same git repository).
"""


# --- the web archive ---------------------------------------------------------------------------------------------


def _url(site_url: str, path: str) -> str:
    """The address a reader uses for a file: folders for index.html, as static hosts serve them."""
    if path == "index.html":
        return site_url
    return site_url + (path[: -len("index.html")] if path.endswith("/index.html") else path)


def _record_id(url: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}>"


def write_warc(site: Path, site_url: str, moment: dt.datetime, target: Path) -> list[dict]:
    """A WARC of every file of `site` at its published address; the pages (for pages.jsonl) in order."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    date = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    pages = []
    with target.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        info = writer.create_warcinfo_record(target.name, {"software": "tayho", "format": "WARC File Format 1.1"})
        info.rec_headers.replace_header("WARC-Date", date)
        info.rec_headers.replace_header("WARC-Record-ID", _record_id(site_url + "#warcinfo"))
        writer.write_record(info)
        for path in sorted(site.rglob("*")):
            if not path.is_file():
                continue
            relative = path.relative_to(site).as_posix()
            body = path.read_bytes()
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if kind.startswith(TEXT_TYPES):
                kind += "; charset=utf-8"
            headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", kind),
                    ("Content-Length", str(len(body))),
                    ("Last-Modified", format_datetime(moment, usegmt=True)),
                ],
                protocol="HTTP/1.1",
            )
            url = _url(site_url, relative)
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": _record_id(url)},
            )
            writer.write_record(record)
            if relative.endswith("index.html"):
                pages.append({"id": hashlib.sha256(url.encode()).hexdigest()[:16], "url": url, "ts": date})
    return pages


def write_wacz(site: Path, site_url: str, record: Record, release: Release, target: Path) -> Path:
    """The site as a WACZ (WARC, CDXJ index, pages and a signed-by-digest datapackage), with fixed dates."""
    from wacz.main import main as wacz

    moment = dt.datetime.combine(release.date, dt.time(), tzinfo=dt.UTC)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        warc = folder / f"{package_name(release)}.warc.gz"
        pages = write_warc(site, site_url, moment, warc)
        listing = folder / "pages.jsonl"
        header = {"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}
        listing.write_text(
            "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in [header, *pages]), encoding="utf-8"
        )
        made = folder / "made.wacz"
        arguments = [
            "create",
            "-o",
            str(made),
            "-p",
            str(listing),
            "--url",
            site_url,
            "--ts",
            moment.strftime("%Y%m%d%H%M%S"),
            "--title",
            record.term.title.vi,
            "--desc",
            record.term.title.en,
            str(warc),
        ]
        with contextlib.redirect_stdout(io.StringIO()):  # wacz narrates its steps
            status = wacz(arguments)
        if status != 0:
            raise RuntimeError(f"wacz create failed with status {status}")
        _fix_dates(made, target, moment)
    return target


def _fix_dates(made: Path, target: Path, moment: dt.datetime) -> None:
    """Rewrite the WACZ with every date the release's, so that the same release gives the same bytes."""
    stamp = (moment.year, moment.month, moment.day, 0, 0, 0)
    with zipfile.ZipFile(made) as source:
        files = {name: source.read(name) for name in source.namelist()}
    package = json.loads(files["datapackage.json"])
    package["created"] = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    files["datapackage.json"] = json.dumps(package, indent=2, sort_keys=True).encode("utf-8")
    digest = {"path": "datapackage.json", "hash": "sha256:" + hashlib.sha256(files["datapackage.json"]).hexdigest()}
    files["datapackage-digest.json"] = json.dumps(digest).encode("utf-8")
    with zipfile.ZipFile(target, "w") as result:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if name.startswith("archive/") else zipfile.ZIP_DEFLATED
            result.writestr(info, files[name])
