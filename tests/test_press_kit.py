"""What the press office shares: the preview card of every page (a 1200 × 630 share image per highlight and one
for the record, with its Open Graph and Twitter tags), read back from the real record built in both languages."""

from __future__ import annotations

import hashlib
import io
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from PIL import Image

from .conftest import FIXTURES, ROOT, build, make_project
from .html import facts, page

pytestmark = pytest.mark.build

SITE_URL = "https://tayho-archive.github.io/"


def _image_file(site, url: str):
    """The built file behind an absolute address of the default site."""
    assert url.startswith(SITE_URL), url
    return site / urlsplit(url).path.lstrip("/")


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("path", ["", "covid-19/", "supervision/", "timeline/", "about/"])
def test_every_page_names_a_share_image_of_1200_by_630_at_an_absolute_address(real_site_with_pdf, prefix, path):
    meta = facts(page(real_site_with_pdf, prefix + path)).meta
    (url,) = meta["og:image"]
    assert meta["og:image:width"] == ["1200"] and meta["og:image:height"] == ["630"]
    assert meta["og:image:type"] == ["image/png"] and meta["twitter:card"] == ["summary_large_image"]
    assert meta["og:image:alt"][0].strip()
    with Image.open(_image_file(real_site_with_pdf, url)) as image:
        assert image.format == "PNG" and image.size == (1200, 630)


def test_a_highlight_page_shows_its_own_card_and_other_pages_the_record_card(real_site_with_pdf):
    def image(path):
        return facts(page(real_site_with_pdf, path)).meta["og:image"][0]

    assert image("covid-19/") == SITE_URL + "share/covid-19.png"
    assert image("en/covid-19/") == SITE_URL + "en/share/covid-19.png"
    assert image("timeline/") == image("") == SITE_URL + "share/record.png"
    alt = facts(page(real_site_with_pdf, "en/covid-19/")).meta["og:image:alt"][0]
    assert "COVID-19" in alt and "VND 29.004 billion" in alt  # its title and its headline figure, in English


def test_every_share_image_differs_from_every_other(real_site_with_pdf):
    images = sorted(real_site_with_pdf.glob("share/*.png")) + sorted(real_site_with_pdf.glob("en/share/*.png"))
    assert len(images) == 2 * 11  # per language: the record's card and one per highlight
    pixels = {}
    for path in images:
        with Image.open(path) as image:
            assert image.size == (1200, 630)
            pixels[path] = hashlib.sha256(image.convert("RGB").tobytes()).hexdigest()
    assert len(set(pixels.values())) == len(images)


def test_the_cards_are_drawn_in_the_page_language_with_a_font_that_has_every_letter(real_site_with_pdf):
    """The Vietnamese and English cards of a highlight differ, and the shipped font has a glyph for every character
    the real record's cards show (a missing one would be drawn as an empty box)."""
    from fontTools.ttLib import TTFont

    from tayho.languages import SiteLanguages
    from tayho.load import load_record
    from tayho.share_images import FONTS, cards
    from tayho.urls import Links

    record = load_record(ROOT / "data" / "achievements.yaml", ROOT)

    def language_cards(lang):
        return cards(
            SimpleNamespace(record=record, lang=lang, links=Links(SiteLanguages(("vi", "en")), lang, SITE_URL))
        )

    with (
        Image.open(real_site_with_pdf / "share" / "covid-19.png") as vi,
        Image.open(real_site_with_pdf / "en" / "share" / "covid-19.png") as en,
    ):
        assert vi.convert("RGB").tobytes() != en.convert("RGB").tobytes()
    covered = set(TTFont(FONTS / "DejaVuSans-Bold.ttf").getBestCmap()) & set(
        TTFont(FONTS / "DejaVuSans.ttf").getBestCmap()
    )
    for lang in ("vi", "en"):
        for card in language_cards(lang):
            shown = card.number + card.number_caption + card.kicker + card.title + card.figure + card.figure_label
            assert {char for char in shown if ord(char) not in covered and not char.isspace()} == set(), card.name
    assert "ồ" in "".join(card.kicker + card.title for card in language_cards("vi"))


def test_a_quick_preview_names_no_image_it_did_not_draw(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    site = build(project, pdf=False)
    assert not (site / "share").exists()
    assert "og:image" not in facts(site / "index.html").meta


def test_a_card_decodes_as_png_of_reasonable_weight(real_site_with_pdf):
    data = (real_site_with_pdf / "share" / "record.png").read_bytes()
    assert data.startswith(b"\x89PNG") and 5_000 < len(data) < 300_000
    Image.open(io.BytesIO(data)).verify()


# --- QR codes that lead a printed copy back ----------------------------------------------------------------------


def _decoded(image: Image.Image) -> list[str]:
    import zxingcpp

    return [result.text for result in zxingcpp.read_barcodes(image.convert("L")) if result.format.name == "QRCode"]


def _print_page_codes(site, prefix: str) -> list[str]:
    import base64
    import re

    html = page(site, prefix + "print/").read_text(encoding="utf-8")
    found = []
    for uri in re.findall(r'<img class="tayho-qr" src="data:image/png;base64,([^"]+)"', html):
        with Image.open(io.BytesIO(base64.b64decode(uri))) as image:
            found += _decoded(image)
    return found


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_printable_page_has_a_qr_code_of_each_highlight_address(real_site_with_pdf, prefix):
    from tayho.load import load_record

    record = load_record(ROOT / "data" / "achievements.yaml", ROOT)
    expected = [f"{SITE_URL}{prefix}{highlight.id}/" for highlight in record.highlights]
    assert _print_page_codes(real_site_with_pdf, prefix) == expected


@pytest.mark.parametrize(
    "pdf,expected",
    [
        ("en/covid-19/tayho-archive-covid-19-en.pdf", [f"{SITE_URL}en/covid-19/"]),
        ("supervision/tayho-archive-supervision-vi.pdf", [f"{SITE_URL}supervision/"]),
        ("print/tayho-archive-vi.pdf", None),  # every highlight, in order
    ],
)
def test_each_pdf_carries_the_qr_code_of_each_highlight_it_prints(real_site_with_pdf, pdf, expected):
    import pypdf

    from tayho.load import load_record

    if expected is None:
        record = load_record(ROOT / "data" / "achievements.yaml", ROOT)
        expected = [f"{SITE_URL}{highlight.id}/" for highlight in record.highlights]
    reader = pypdf.PdfReader(real_site_with_pdf / pdf)
    found, seen = [], set()
    for pdf_page in reader.pages:  # WeasyPrint lets pages share one resource dictionary: each image once
        for picture in pdf_page.images:
            if picture.indirect_reference.idnum not in seen:
                seen.add(picture.indirect_reference.idnum)
                found += _decoded(picture.image)
    assert found == expected


@pytest.mark.parametrize("prefix,lang", [("", "vi"), ("en/", "en")])
def test_a_highlight_page_links_its_own_pdf_and_its_own_feed(real_site_with_pdf, prefix, lang):
    import re

    for highlight_id in ("supervision", "covid-19"):
        source = page(real_site_with_pdf, f"{prefix}{highlight_id}/").read_text(encoding="utf-8")
        tools = source.split('<ul class="tayho-page-tools"')[1].split("</ul>")[0]
        hrefs = re.findall(r'href="([^"]+)"', tools)
        assert hrefs[:2] == [f"tayho-archive-{highlight_id}-{lang}.pdf", "feed.xml"]
        folder = real_site_with_pdf / prefix / highlight_id
        assert (folder / hrefs[0]).read_bytes().startswith(b"%PDF-")
        assert (folder / hrefs[1]).read_bytes().startswith(b"<?xml")
