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

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from .search import fold

WORD = re.compile(r"[^\W_]+")
SHOWN_TEXT = 320  # characters of an entry's text shown under its title in the results
ENTRIES_PER_FILE = 100  # at least; a file always ends with the last section of a page
CHUNK_FOLDER = "chunks"
WORKER = "assets/javascripts/tayho-search-loader.js"  # loads tayho-search.js at the first query
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
    title_lengths, text_lengths = [], []
    for number, (_, title, text) in enumerate(entries):
        title_words, text_words = words(title), words(text)
        title_lengths.append(len(title_words))
        text_lengths.append(len(text_words))
        title_counts, text_counts = Counter(title_words), Counter(text_words)
        for word in sorted(set(title_counts) | set(text_counts)):
            postings[shard_key(word)].setdefault(word, []).append(
                [number, title_counts[word], text_counts[word], len(text_words)]
            )
    for key, shard in sorted(postings.items()):
        _write_json(folder / f"t-{key}.json", dict(sorted(shard.items())))

    starts = []
    for number, (location, _, _) in enumerate(entries):
        new_page = number == 0 or _page_of(location) != _page_of(entries[number - 1][0])
        if new_page and (not starts or number - starts[-1] >= ENTRIES_PER_FILE):
            starts.append(number)
    for part, start in enumerate(starts):
        end = starts[part + 1] if part + 1 < len(starts) else len(entries)
        _write_json(
            folder / f"d-{part}.json",
            [[location, title, text[:SHOWN_TEXT]] for location, title, text in entries[start:end]],
        )

    _write_json(
        folder / "meta.json",
        {
            "entries": len(entries),
            "files": starts,
            "shards": sorted(postings),
            "average_text_words": sum(text_lengths) / len(entries) if entries else 0,
            "title_boost": TITLE_BOOST,
        },
    )
    return {"config": config, "docs": [], "chunks": f"{CHUNK_FOLDER}/"}


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
