"""QR codes that lead a printed copy back to the living record: a highlight's canonical address, drawn at build
time with segno as a PNG data URI (no request, no file to lose; the same bytes on any machine)."""

from __future__ import annotations

import dataclasses
import functools

INK = "#1d1b1a"
MODULE_PIXELS = 6  # pixels per module: sharp at the 25 mm the print stylesheets give it


@dataclasses.dataclass(frozen=True)
class QrImage:
    """A QR code as an image to place: its data: URI and its side in pixels."""

    uri: str
    size: int


@functools.lru_cache(maxsize=4096)
def qr_image(url: str) -> QrImage:
    """The QR code of `url` (error correction M, quiet zone of four modules) as a PNG."""
    import segno

    code = segno.make(url, error="m", micro=False, boost_error=False)
    size, _ = code.symbol_size(scale=MODULE_PIXELS, border=4)
    return QrImage(code.png_data_uri(scale=MODULE_PIXELS, border=4, dark=INK, light="#ffffff"), size)
