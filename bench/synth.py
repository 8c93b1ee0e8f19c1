"""Synthetic records of N highlights, made from the real record's shape for the benchmark.

Highlight k of the synthetic record is a copy of real highlight (k mod 10) whose ids (highlight, figures,
charts, photos, events, notes) carry the suffix -k, with every reference rewritten (a note citing a figure of
another highlight cites that highlight's copy in the same run of ten); the term, places,
people, documents and changes are the real ones (a change naming a highlight names its first copy). The result
passes the same validation as the real record.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import yaml

FIGURE_TOKEN = re.compile(r"\{fig:([a-z0-9-]+)\}")


def _suffix_tokens(value, suffix: str):
    if isinstance(value, str):
        return FIGURE_TOKEN.sub(lambda m: "{fig:" + m.group(1) + suffix + "}", value)
    if isinstance(value, dict):
        return {key: _suffix_tokens(item, suffix) for key, item in value.items()}
    if isinstance(value, list):
        return [_suffix_tokens(item, suffix) for item in value]
    return value


def _copy_highlight(highlight: dict, number: int, owners: dict[str, int], cycle: int, size: int) -> dict:
    """Copy `highlight` as number `number` of `size`; `owners` maps each real figure id to the index of its
    highlight among the `cycle` real ones."""
    suffix = f"-n{number}"
    own_index = (number - 1) % cycle

    def note_reference(ref: str) -> str | None:
        target = number - own_index + owners[ref]
        return f"{ref}-n{target}" if 1 <= target <= size else None

    copied = _suffix_tokens(copy.deepcopy(highlight), suffix)
    copied["id"] += suffix
    copied["order"] = number
    for figure in copied.get("figures", []):
        figure["id"] += suffix
        if "share_of" in figure:
            figure["share_of"] = {key: ref + suffix for key, ref in figure["share_of"].items()}
        if "parts" in figure:
            figure["parts"] = [ref + suffix for ref in figure["parts"]]
    for kind in ("charts", "photos", "events", "notes"):
        for item in copied.get(kind, []):
            item["id"] += suffix
    for chart in copied.get("charts", []):
        chart["figures"] = [ref + suffix for ref in chart["figures"]]
    for note in copied.get("notes", []):
        references = (note_reference(ref) for ref in note.get("figures", []))
        note["figures"] = [ref for ref in references if ref is not None]
    return copied


def synthetic_record(real: dict, size: int) -> dict:
    """A record with `size` highlights cycling through the real ones."""
    record = copy.deepcopy(real)
    originals = real["highlights"]
    owners = {figure["id"]: index for index, h in enumerate(originals) for figure in h.get("figures", [])}
    record["highlights"] = [
        _copy_highlight(originals[(k - 1) % len(originals)], k, owners, len(originals), size)
        for k in range(1, size + 1)
    ]
    delegates = real["term"]["next_congress"]["delegates"]
    holder = next(index for index, h in enumerate(originals) if any(f["id"] == delegates for f in h.get("figures", [])))
    record["term"]["next_congress"]["delegates"] = f"{delegates}-n{holder + 1}"
    record.pop("redirects", None)
    positions = {h["id"]: index + 1 for index, h in enumerate(originals)}  # a change names the first copy
    for change in record.get("changes", []):
        if "highlights" in change:
            named = [f"{ref}-n{positions[ref]}" for ref in change["highlights"] if positions[ref] <= size]
            change["highlights"] = named
    return record


# libyaml's dumper writes the same text as PyYAML's own, five times faster (4 MB at the 500-highlight limit).
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def write_synthetic(real_file: Path, size: int, target: Path) -> None:
    real = yaml.safe_load(real_file.read_text(encoding="utf-8"))
    header = "# yaml-language-server: $schema=./achievements.schema.json\n"
    target.write_text(
        header
        + yaml.dump(synthetic_record(real, size), Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=10_000),
        encoding="utf-8",
    )
