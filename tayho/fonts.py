"""The fonts the archive ships (tayho/pdf/fonts: DejaVu Sans, with every Vietnamese letter precomposed): the one
folder every drawing reads (PDFs, share images, chart PNGs, the measure of chart labels), and one digest of them for
the caches of drawn files, so that a changed font draws everything again."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

FONTS = Path(__file__).resolve().parent / "pdf" / "fonts"


@functools.cache
def fonts_digest() -> str:
    """The SHA-256 of every shipped font, in name order."""
    digest = hashlib.sha256()
    for font in sorted(FONTS.glob("*.ttf")):
        digest.update(hashlib.sha256(font.read_bytes()).digest())
    return digest.hexdigest()
