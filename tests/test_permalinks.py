"""The permalink lock: renaming a published id breaks the build unless the record declares a redirect."""

from __future__ import annotations

import shutil

import pytest
from mkdocs.exceptions import Abort

from tayho.permalinks import collect, read_lock, update_lock

from .conftest import FIXTURES, build, make_project
from .html import facts


@pytest.fixture(scope="module")
def published_project(tmp_path_factory):
    """The fixture record, published once: its lock lists every link of that first build."""
    project = make_project(tmp_path_factory.mktemp("published"), FIXTURES / "minimal" / "data")
    (project / "permalinks.lock").unlink()
    update_lock(project, pdf=False)
    build(project)
    return project


@pytest.fixture
def locked_project(published_project, tmp_path):
    """A copy of the published project for one test to rename things in."""
    return shutil.copytree(published_project, tmp_path / "project", symlinks=True)


def rename(project, old: str, new: str, redirect: str | None = None) -> None:
    record = project / "data" / "achievements.yaml"
    text = record.read_text(encoding="utf-8").replace(old, new)
    if redirect:
        text += redirect
    record.write_text(text, encoding="utf-8")


def test_the_lock_lists_pages_and_anchors_of_both_languages(locked_project):
    lock = read_lock(locked_project / "permalinks.lock")
    for link in (
        "/",
        "/en/",
        "/supervision/",
        "/en/supervision/",
        "/supervision/#fig-tasks-done",
        "/en/supervision/#fig-tasks-done",
        "/en/about/#notes",
        "/congress/#cite",
        "/changes/#change-1",
    ):
        assert link in lock
    for published_file in (
        "/supervision/feed.xml",
        "/en/feed.xml",
        "/data/figures.csv",
        "/data/figures/supervision.csv",
        "/embed/supervision/task-ratings/chart.svg",
        "/en/embed/supervision/task-ratings/figures.csv",
    ):
        assert published_file in lock
    assert not [link for link in lock if link.startswith(("/search", "/assets"))]
    assert not [link for link in lock if link.endswith(".pdf") or "/share/" in link]  # not drawn in this build


def test_renaming_a_highlight_without_a_redirect_fails_and_keeps_the_site(locked_project):
    before = (locked_project / "site" / "congress" / "index.html").read_bytes()
    rename(locked_project, "id: congress\n", "id: congress-vii\n")
    with pytest.raises(Abort) as failure:
        build(locked_project)
    message = str(failure.value)
    assert "published link(s) would break" in message
    assert "  /congress/\n" in message + "\n" and "  /en/congress/#fig-fund" in message
    assert (locked_project / "site" / "congress" / "index.html").read_bytes() == before


def test_renaming_a_chart_without_a_redirect_names_the_line_and_field_of_its_list(locked_project):
    rename(locked_project, "- id: task-ratings\n", "- id: ratings\n")
    with pytest.raises(Abort) as failure:
        build(locked_project)
    listed = [line.strip() for line in str(failure.value).splitlines()[1:]]
    # the anchors of the chart's figure, title and description, and its embeddable page and files, in both languages
    assert "data/achievements.yaml:65: highlights[0].charts: /supervision/#chart-task-ratings" in listed
    assert "data/achievements.yaml:65: highlights[0].charts: /en/embed/supervision/task-ratings/" in listed
    assert listed and all(line.startswith("data/achievements.yaml:65: highlights[0].charts: /") for line in listed)


def test_a_figure_renamed_in_a_renamed_highlight_is_found_through_the_highlight_redirect(locked_project):
    rename(locked_project, "- id: fund\n", "- id: fund-total\n")
    rename(locked_project, "{fig:fund}", "{fig:fund-total}")
    rename(
        locked_project,
        "id: congress\n",
        "id: congress-vii\n",
        "redirects:\n  - {kind: highlight, from: congress, to: congress-vii}\n",
    )
    with pytest.raises(Abort) as failure:
        build(locked_project)
    listed = [line.strip() for line in str(failure.value).splitlines()[1:]]
    assert sorted(listed) == [
        "data/achievements.yaml:93: highlights[1].figures: /congress/#fig-fund",
        "data/achievements.yaml:93: highlights[1].figures: /en/congress/#fig-fund",
    ]


def test_renaming_a_highlight_with_a_redirect_keeps_every_link(locked_project):
    rename(
        locked_project,
        "id: congress\n",
        "id: congress-vii\n",
        "redirects:\n  - {kind: highlight, from: congress, to: congress-vii}\n",
    )
    build(locked_project)
    site = locked_project / "site"
    for prefix, lang in (("", "vi"), ("en/", "en")):
        old = facts(site / prefix / "congress" / "index.html")
        assert old.lang == lang
        assert [link["href"] for link in old.links] == ["../congress-vii/"]
        assert (site / prefix / "congress-vii" / "index.html").is_file()
    assert set(read_lock(locked_project / "permalinks.lock")) <= set(collect(site))
    assert "/congress-vii/#fig-fund" in collect(site)


def test_renaming_a_highlight_keeps_its_feed_its_figures_and_its_embedded_charts_at_the_old_addresses(locked_project):
    """A feed reader, a spreadsheet or an <iframe> has no redirect page to follow: the files stay."""
    rename(
        locked_project,
        "id: supervision\n",
        "id: oversight\n",
        "redirects:\n  - {kind: highlight, from: supervision, to: oversight}\n",
    )
    rename(locked_project, "highlights: [supervision]", "highlights: [oversight]")
    build(locked_project)
    site = locked_project / "site"
    for old, new in (
        ("supervision/feed.xml", "oversight/feed.xml"),
        ("data/figures/supervision.csv", "data/figures/oversight.csv"),
        ("en/embed/supervision/task-ratings/chart.svg", "en/embed/oversight/task-ratings/chart.svg"),
        ("embed/supervision/task-ratings/index.html", "embed/oversight/task-ratings/index.html"),
    ):
        assert (site / old).read_bytes() == (site / new).read_bytes(), old
    assert set(read_lock(locked_project / "permalinks.lock")) <= set(collect(site))


def test_renaming_a_figure_with_a_redirect_keeps_its_anchor(locked_project):
    rename(
        locked_project,
        "tasks-done-share",
        "share-completed",
        "redirects:\n  - {kind: figure, from: tasks-done-share, to: share-completed}\n",
    )
    build(locked_project)
    ids = facts(locked_project / "site" / "en" / "supervision" / "index.html").ids
    assert "fig-share-completed" in ids and "fig-tasks-done-share" in ids


def test_renaming_a_figure_without_a_redirect_fails(locked_project):
    rename(locked_project, "tasks-done-share", "share-completed")
    with pytest.raises(Abort, match="/supervision/#fig-tasks-done-share"):
        build(locked_project)


def test_a_redirect_to_an_id_that_does_not_exist_is_a_record_error(locked_project):
    rename(
        locked_project,
        "id: congress\n",
        "id: congress-vii\n",
        "redirects:\n  - {kind: highlight, from: congress, to: congres-vii}\n",
    )
    with pytest.raises(Abort, match=r"redirects\[0\]\.to: 'congres-vii' is not a current highlight id"):
        build(locked_project)
