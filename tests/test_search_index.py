"""The search entries written from rendered pages (tayho/search_index.py): one per page and per section heading,
with plain text in which words that markup separated stay separate and the page's chrome is left out."""

from __future__ import annotations

from tayho.search_index import page_entries

PAGE = """<h1 id="supervision">1. Giám sát</h1>
<p class="tayho-meta" data-search-exclude>Cập nhật lần cuối: 01-06-2024 · Phiên bản hồ sơ</p>
<p>Mở đầu <b>đậm</b>.</p>
<h2 id="summary" data-search-continue>Tóm tắt chung</h2><p>Câu tóm tắt.</p>
<div class="tayho-heading"><h2 id="summary">Tóm tắt<a class="headerlink" href="#summary">¶</a></h2>
<button type="button" class="tayho-copy">Sao chép liên kết</button></div>
<dl><dt>151</dt><dd>nội dung</dd></dl>
<h2 id="figures">Số liệu</h2><table><tr><td>97</td><td>xuất sắc</td></tr></table>
<svg><title>Biểu đồ</title><text>nhãn</text></svg><script>var x = "<p>";</script>
<h3>No id, part of the section</h3><p>tiếp</p>"""


def test_a_page_gives_an_entry_for_its_opening_and_one_per_heading_with_an_id():
    entries = page_entries(PAGE, "supervision/", "1. Giám sát")
    assert [(entry.location, entry.title) for entry in entries] == [
        ("supervision/", "1. Giám sát"),
        ("supervision/#summary", "Tóm tắt"),
        ("supervision/#figures", "Số liệu"),
    ]
    assert entries[0].text == "Mở đầu đậm. Câu tóm tắt."  # inline markup (b) joins, block markup separates


def test_markup_never_joins_two_words_and_chrome_is_left_out():
    entries = page_entries(PAGE, "supervision/", "1. Giám sát")
    assert entries[1].text == "151 nội dung"
    assert entries[2].text == "97 xuất sắc No id, part of the section tiếp"
    everything = " ".join(entry.text for entry in entries)
    for chrome in ("Cập nhật", "Sao chép", "¶", "Biểu đồ", "nhãn", "var x"):
        assert chrome not in everything


def test_text_is_plain_and_entities_are_decoded():
    entries = page_entries("<h1>T</h1><p>a &amp; b &lt;script&gt;</p>", "p/", "T")
    assert entries == [type(entries[0])("p/", "T", "a & b <script>")]
