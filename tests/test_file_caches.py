"""The PDFs and share images are kept in .tayho-cache/ under the hash of their input: a build draws again only
those an edit changed, copies the others, and prunes the ones the site no longer uses. One project is built three
times (cold, unchanged, edited) for both kinds, since each build draws PDFs; a damaged cached file is tested in
test_attacks_more.py."""

from __future__ import annotations

import pytest

from .conftest import FIXTURES, build, make_project

pytestmark = [pytest.mark.build]

CAPTION = ("Hội nghị giám sát năm 2023.", "Hội nghị năm 2023.")  # a photo caption of highlight 1, Vietnamese only
TITLE = ('title: {vi: "Giám sát",', 'title: {vi: "Giám sát nhân dân",')  # the Vietnamese title of highlight 1


def cached(project, kind: str, suffix: str) -> dict[str, int]:
    """The files of one kind in the project's cache, each with the time it was last written."""
    return {path.name: path.stat().st_mtime_ns for path in (project / ".tayho-cache" / kind).glob(f"*{suffix}")}


def test_an_edit_draws_again_only_the_pdfs_and_share_images_it_changes(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    build(project, pdf=True)
    pdfs, images = cached(project, "pdf", ".pdf"), cached(project, "images", ".png")
    assert len(pdfs) == 2 * (1 + 2)  # per language: the record and each of its two highlights
    assert len(images) == 2 * (1 + 2 + 1)  # per language: the record's card, the two highlights' and the chart's PNG
    site_sums = (project / "site" / "SHA256SUMS").read_bytes()

    build(project, pdf=True)
    assert cached(project, "pdf", ".pdf") == pdfs and cached(project, "images", ".png") == images
    assert (project / "site" / "SHA256SUMS").read_bytes() == site_sums

    record = project / "data" / "achievements.yaml"
    text = record.read_text(encoding="utf-8")
    for old, new in (CAPTION, TITLE):
        assert text.count(old) == 1
        text = text.replace(old, new)
    record.write_text(text, encoding="utf-8")
    build(project, pdf=True)
    now_pdfs, now_images = set(cached(project, "pdf", ".pdf")), set(cached(project, "images", ".png"))
    # PDFs: the Vietnamese record and highlight 1 show the caption and the title; the English record carries the
    # changed record.json; the English highlight 1 (its own caption, title and CSV unchanged) and both highlights 2
    # are copied from the cache
    assert len(now_pdfs - set(pdfs)) == 3 and len(set(pdfs) - now_pdfs) == 3  # the replaced ones are pruned
    # share images: only the Vietnamese card of highlight 1 shows its title; no card or chart shows a caption
    assert len(now_images - set(images)) == 1 and len(set(images) - now_images) == 1
