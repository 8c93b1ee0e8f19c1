"""Regression tests for hostile inputs found by attacking the build (second round): site addresses that pass a naive
check but break every absolute link or every XML file, correction templates whose format specs fill the memory or
put quotes in a link, and share-image texts wider than the card."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml

from tayho.corrections import CorrectionsError, CorrectionTarget
from tayho.file_cache import FileCache
from tayho.offline import write_offline_copy
from tayho.permalinks import collect
from tayho.plugin.config import AddressError, site_address
from tayho.share_images import HEIGHT, PAPER, WIDTH, Card, draw

from .commands import build_command, tayho
from .conftest import FIXTURES, ROOT, build, make_project

# --- the site address ----------------------------------------------------------------------------------------------

HOSTILE_ADDRESSES = [
    "https://example.org/?",  # an empty query: every link became https://example.org/?/page/
    "https://example.org/#",  # an empty fragment: every link became https://example.org/#/page/
    "https://example.org/a\x0bb/",  # a control character: feed.xml and sitemap.xml were not well-formed XML
    "https://example.org/a\x7fb/",
    "https://example.org/a\u00a0b/",  # a no-break space in every canonical link
    "https://example.org/a\u2028b/",  # a line separator
    "https://user:secret@example.org/",  # a password printed in every page
    "https://example.org:99999/",  # a port that does not exist
    "https://:80/",  # no host
]


@pytest.mark.parametrize("address", HOSTILE_ADDRESSES)
def test_a_site_address_with_an_empty_query_a_control_character_or_a_password_is_refused(address):
    with pytest.raises(AddressError, match="must be an absolute http:// or https:// URL"):
        site_address(address)


@pytest.mark.parametrize(
    "address", ["https://example.org/archive", "http://127.0.0.1:8000/", "http://[::1]:8080/a/", "https://exämple.org/"]
)
def test_ordinary_site_addresses_are_still_accepted(address):
    assert site_address(address).startswith(address)


@pytest.mark.build
def test_the_build_refuses_a_site_address_ending_in_a_question_mark(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    result = build_command(project, "--no-pdf", "--site-url", "https://example.org/?")
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "must be an absolute http:// or https:// URL" in result.stderr
    assert not (project / "site").exists()


def test_a_site_address_too_long_for_a_qr_code_is_refused_before_the_build():
    """A 3,000-character address ended a PDF build in "Unexpected error DataOverflowError" from the QR codes."""
    with pytest.raises(AddressError, match="at most 1000"):
        site_address("https://example.org/" + "a" * 3000 + "/")
    assert site_address("https://example.org/" + "a" * 960 + "/")


# --- the corrections template --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "https://x.org/new?t={title:300000000}",  # 300 MB per link: the build used 13 GB and its workers died
        "https://x.org/new?t={title:%}",  # ValueError at build time ("Unexpected error … report it")
        "https://x.org/new?t={title:{body}}",
        "https://x.org/new?t={title!a}&b={body}",  # quotes and \\u escapes in the link
        "mailto:editors@example.org?subject={title!r}",
    ],
)
def test_a_corrections_placeholder_with_a_format_spec_or_conversion_is_refused(template):
    with pytest.raises(CorrectionsError, match="placeholder with a format"):
        CorrectionTarget.parse(template)


@pytest.mark.parametrize(
    "template", ["https://x.org/\u200b{title}", "https://x.org/\u00a0{title}", "mailto:a@b.org\u2028"]
)
def test_a_corrections_address_with_an_invisible_character_is_refused(template):
    with pytest.raises(CorrectionsError, match="holds a space or a quote"):
        CorrectionTarget.parse(template)


def test_plain_placeholders_are_still_filled():
    target = CorrectionTarget.parse("https://x.org/new?title={title}&body={body}")
    assert target.href("a b", "c", "u") == "https://x.org/new?title=a%20b&body=c"


# --- share images --------------------------------------------------------------------------------------------------


def _margin_is_blank(png: bytes, from_x: int) -> bool:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (WIDTH, HEIGHT)
    paper = tuple(int(PAPER[i : i + 2], 16) for i in (1, 3, 5))
    return all(image.getpixel((x, y)) == paper for x in range(from_x, WIDTH) for y in range(HEIGHT))


@pytest.mark.parametrize(
    "title,label,host",
    [
        ("W" * 5000, "persons", "example.org"),  # one word wider than the card: it was drawn past the right edge
        ("Title", "Ж" * 3000, "example.org"),
        ("Title", "persons", "a" * 300 + ".example.org"),
    ],
)
def test_a_share_image_never_draws_text_past_its_right_margin(title, label, host):
    png = draw(Card("1", "/ 10", "Body · 2019–2024", title, "151", label, host, "x.png"))
    assert _margin_is_blank(png, WIDTH - 55)


# --- highlight ids -------------------------------------------------------------------------------------------------


@pytest.mark.build
def test_a_highlight_id_that_takes_the_generated_versions_page_is_a_record_error(tmp_path):
    """versions.md is generated (not a prose page of docs/): a highlight `versions` failed the build with
    "the element ids __toc are used more than once" instead of naming the record's line."""
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    record = project / "data" / "achievements.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(
        text.replace("  - id: supervision\n", "  - id: versions\n", 1).replace(
            "highlights: [supervision]", "highlights: [versions]"
        ),
        encoding="utf-8",
    )
    result = tayho("check", "--root", str(project))
    assert result.returncode != 0
    assert "'versions' is taken by the versions page" in result.stderr, result.stderr[-2000:]


# --- renamed charts ------------------------------------------------------------------------------------------------


def _edit_real_record(tmp_path, edit) -> Path:
    """A copy of the project around the real record (and its real permalinks.lock), edited by `edit(data)`."""
    project = make_project(tmp_path, ROOT / "data")
    record = project / "data" / "achievements.yaml"
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    edit(data)
    record.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9), encoding="utf-8")
    return project


def _highlight(data, highlight_id):
    return next(h for h in data["highlights"] if h["id"] == highlight_id)


def _rename_chart(data):
    chart = next(c for h in data["highlights"] for c in h.get("charts", []) if c["id"] == "deputies-elected")
    chart["id"] = "deputies"
    data.setdefault("redirects", []).append({"kind": "chart", "from": "deputies-elected", "to": "deputies"})


def _rename_highlight(data):
    _highlight(data, "party-and-government-building")["id"] = "elections"
    for change in data["changes"]:
        change["highlights"] = [
            "elections" if ref == "party-and-government-building" else ref for ref in change.get("highlights", [])
        ]
    data.setdefault("redirects", []).append(
        {"kind": "highlight", "from": "party-and-government-building", "to": "elections"}
    )


@pytest.mark.build
@pytest.mark.parametrize(
    "edits",
    [
        [_rename_chart],  # failed: "4 published link(s) would break … #chart-deputies-elected-title, -desc"
        [_rename_highlight, _rename_chart],  # failed too: the old embed folder was copied before the chart's
        [_rename_chart, _rename_highlight],
    ],
    ids=["chart", "highlight-then-chart", "chart-then-highlight"],
)
def test_a_renamed_chart_keeps_every_published_link_with_its_redirect(tmp_path, edits):
    project = _edit_real_record(tmp_path, lambda data: [edit(data) for edit in edits])
    site = build(project)
    renamed = "elections" if _rename_highlight in edits else "party-and-government-building"
    page = (site / renamed / "index.html").read_text(encoding="utf-8")
    for suffix in ("", "-title", "-desc"):
        assert f'id="chart-deputies-elected{suffix}"' in page
    for lang in ("", "en/"):  # no chart.png: a build without PDFs draws none
        old = site / f"{lang}embed/party-and-government-building/deputies-elected"
        assert sorted(path.name for path in old.iterdir()) == ["chart.svg", "figures.csv", "index.html"]


# --- the permalink lock --------------------------------------------------------------------------------------------


def test_the_lock_holds_the_embed_page_and_files_of_a_chart_named_like_a_skipped_folder(tmp_path):
    """A chart may be called data, search, assets or v: its embed page and files are published like any other's
    (they were left out of the lock, so renaming such a chart broke their links silently); the site's own
    folders of those names, at the root or a language's root, stay out."""
    site = tmp_path / "site"
    for folder in ("", "en/"):
        for chart in ("data", "search", "assets", "v", "ratings"):
            target = site / f"{folder}embed/supervision/{chart}"
            target.mkdir(parents=True)
            (target / "index.html").write_text("<article><p id='x'></p></article>", encoding="utf-8")
            (target / "chart.svg").write_text("<svg/>", encoding="utf-8")
        for own in ("search", "assets"):
            (site / f"{folder}{own}").mkdir(parents=True)
            (site / f"{folder}{own}/index.html").write_text("<article></article>", encoding="utf-8")
            (site / f"{folder}{own}/x.json").write_text("{}", encoding="utf-8")
    (site / "data").mkdir()
    (site / "data/index.html").write_text("<article></article>", encoding="utf-8")
    (site / "v/1.0").mkdir(parents=True)
    (site / "v/1.0/feed.xml").write_text("<feed/>", encoding="utf-8")
    links = set(collect(site))
    for folder in ("", "en/"):
        for chart in ("data", "search", "assets", "v", "ratings"):
            base = f"/{folder}embed/supervision/{chart}/"
            assert {base, base + "#x", base + "chart.svg"} <= links
        assert not any(link.startswith((f"/{folder}search/", f"/{folder}assets/")) for link in links)
    assert not any(link.startswith(("/data/", "/v/")) for link in links)


# --- the offline copy ----------------------------------------------------------------------------------------------


@pytest.mark.build
def test_the_offline_copy_builds_with_a_corrections_address(tmp_path):
    """mkdocs.yml sets `corrections:`, and the offline copy has no PDF or feed to offer: its highlight pages failed
    with "UndefinedError: 'dict object' has no attribute 'pdf'", so `tayho offline` never wrote a copy."""
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    assert "corrections:" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    archive = write_offline_copy(project, tmp_path / "offline.zip")
    with zipfile.ZipFile(archive) as copy:
        page = copy.read("tayho-archive/supervision.html").decode("utf-8")
    tools = page.split('<ul class="tayho-page-tools"', 1)[1].split("</ul>", 1)[0]
    assert "feed.xml" not in tools and ".pdf" not in tools
    assert 'rel="nofollow"' in tools  # the correction report is still offered


# --- the file cache ------------------------------------------------------------------------------------------------

WHOLE = {
    ".pdf": b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n",
    ".png": b"\x89PNG\r\n\x1a\n" + b"\0" * 20 + b"\0\0\0\0IEND\xaeB`\x82",
}


@pytest.mark.parametrize("suffix", [".pdf", ".png"])
@pytest.mark.parametrize("damage", [b"", b"garbage", "truncated"])
def test_a_damaged_cached_file_is_made_again_not_published(tmp_path, suffix, damage):
    """A cached PDF emptied or a share image overwritten in .tayho-cache/ was copied into the site as it was: the
    build succeeded and published a 0-byte PDF and PNGs no viewer opens."""
    cache = FileCache(tmp_path / "cache", suffix)
    cache.copy("key", lambda: WHOLE[suffix], tmp_path / f"first{suffix}")
    cached = tmp_path / "cache" / f"key{suffix}"
    cached.write_bytes(WHOLE[suffix][:-12] if damage == "truncated" else damage)
    made = []
    cache.copy("key", lambda: made.append(1) or WHOLE[suffix], tmp_path / f"second{suffix}")
    assert made == [1]
    assert (tmp_path / f"second{suffix}").read_bytes() == WHOLE[suffix]
    cache.copy("key", lambda: made.append(2) or WHOLE[suffix], tmp_path / f"third{suffix}")
    assert made == [1]  # a whole cached file is still used as it is


# --- the site folder -----------------------------------------------------------------------------------------------


@pytest.mark.build
def test_a_folder_of_downloads_with_its_own_sha256sums_is_never_replaced(tmp_path):
    """--site-dir pointed at a folder of downloads (an ISO image and its SHA256SUMS) replaced it with the site and
    deleted the image: any SHA256SUMS passed for a previous build's."""
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "image.iso").write_bytes(b"precious")
    (downloads / "SHA256SUMS").write_text(f"{'0' * 64}  image.iso\n", encoding="utf-8")
    result = build_command(project, "--no-pdf", "--site-dir", str(downloads))
    assert result.returncode != 0
    assert "is not a site built by tayho" in result.stderr, result.stderr[-2000:]
    assert sorted(path.name for path in downloads.iterdir()) == ["SHA256SUMS", "image.iso"]
    assert (downloads / "image.iso").read_bytes() == b"precious"
    site = tmp_path / "site"  # a previous build is still replaced, even twice
    for _ in range(2):
        result = build_command(project, "--no-pdf", "--site-dir", str(site))
        assert result.returncode == 0, result.stderr[-2000:]
