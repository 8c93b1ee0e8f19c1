"""A search index in chunks, so that a page view downloads no index and a search only what its words need.

Material's search downloads one index with the text of every page on every page view. The build writes instead,
under search/chunks/, an inverted index split by the first two letters of each word (t-*.json) and the entries'
titles and text split into files of whole pages (d-*.json); search_index.json keeps only Material's
configuration. A small worker behind the same search box (tayho-search.js, speaking Material's worker
protocol, loaded at the reader's first query by tayho-search-loader.js) downloads the one or two index files a
query needs and the entries it shows. Words are folded (see tayho/search.py) on both sides, so queries with and
without Vietnamese tone marks find the same entries.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from .search import fold
from .snippets import shown_text

WORD = re.compile(r"[^\W_]+")
# Characters of an entry's text shown under its title in the results: two to three lines of a phone's results,
# a little less than a search engine's snippet. Material shows what it is given; longer texts are cut at a word.
SHOWN_TEXT = 120
# The entries' files: at least ENTRIES_PER_FILE entries each, a file always ending with the last section of a page,
# and one file for a record of up to ONE_FILE_UP_TO entries (about 20 highlights). A query's results hold sections of
# about half the pages of a small record, so fetching all of it costs least; in a larger one they are a few per cent
# of its pages, spread all over it, so small files spare most of it (`make bench` measures both).
ENTRIES_PER_FILE = 25
ONE_FILE_UP_TO = 200
CHUNK_FOLDER = "chunks"
WORKER = "assets/javascripts/tayho-search-loader.js"  # loads tayho-search.js at the first query
# The table of contents (meta.json) names the files' format, which the worker checks, and their version, which the
# worker adds to each file's address (t-gi.json?v=…): a browser never mixes files of two builds from its cache. The
# worker asks the host for meta.json again each time it starts.
FORMAT = 2
VERSION_DIGITS = 12
TITLE_BOOST = 10  # a word in an entry's title counts as much as ten in its text


def words(text: str) -> list[str]:
    """What the index and the worker match on: folded, lower-case runs of letters and digits."""
    return WORD.findall(fold(text).lower())


def shard_key(word: str) -> str:
    """The file holding a word's postings, from its first two characters (ASCII-safe, as the worker computes it)."""
    return "".join(char if "a" <= char <= "z" or "0" <= char <= "9" else f"_{ord(char):x}" for char in word[:2])


def _page_of(location: str) -> str:
    return location.split("#", 1)[0]


def write_chunks(config: dict, entries: list[tuple[str, str, str]], search_dir: Path) -> dict:
    """Write the chunked index of `entries` (location, plain title, plain text) into search_dir/chunks/; return the
    stub that search_index.json holds instead of the entries."""
    folder = search_dir / CHUNK_FOLDER
    folder.mkdir(parents=True, exist_ok=True)

    postings: dict[str, dict[str, list[list[int]]]] = defaultdict(dict)
    text_lengths = []
    for number, (_, title, text) in enumerate(entries):
        text_words = words(text)
        text_lengths.append(len(text_words))
        title_counts, text_counts = Counter(words(title)), Counter(text_words)
        for word in sorted(set(title_counts) | set(text_counts)):
            # [entry, times in its text], and the times in its title when there are any
            posting = [number, text_counts[word]] + ([title_counts[word]] if title_counts[word] else [])
            postings[shard_key(word)].setdefault(word, []).append(posting)
    contents = hashlib.sha256()  # of every file the table of contents leads to: their version
    for key, shard in sorted(postings.items()):
        contents.update(_write_json(folder / f"t-{key}.json", dict(sorted(shard.items()))))

    starts = []
    per_file = ENTRIES_PER_FILE if len(entries) > ONE_FILE_UP_TO else len(entries)
    for number, (location, _, _) in enumerate(entries):
        new_page = number == 0 or _page_of(location) != _page_of(entries[number - 1][0])
        if new_page and (not starts or number - starts[-1] >= per_file):
            starts.append(number)
    for part, start in enumerate(starts):
        end = starts[part + 1] if part + 1 < len(starts) else len(entries)
        rows = [[location, title, shown_text(text, SHOWN_TEXT)] for location, title, text in entries[start:end]]
        contents.update(_write_json(folder / f"d-{part}.json", rows))

    _write_json(
        folder / "meta.json",
        {
            "format": FORMAT,
            "version": contents.hexdigest()[:VERSION_DIGITS],
            "files": starts,
            "shards": sorted(postings),
            "lengths": text_lengths,  # words in each entry's text (and so the number of entries)
            "title_boost": TITLE_BOOST,
        },
    )
    return {"config": config, "docs": [], "chunks": f"{CHUNK_FOLDER}/"}


def _write_json(path: Path, data) -> bytes:
    written = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(written)
    return written
