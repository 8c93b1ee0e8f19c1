"""Arithmetic the record can be checked by: shares recomputed from their count and total, totals from their parts."""

from __future__ import annotations

import dataclasses
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional

from .model import Figure, Record


@dataclasses.dataclass(frozen=True)
class Recomputation:
    """What the source stated beside what its own numbers give."""

    figure_id: str
    kind: str  # "share" or "sum"
    stated: Decimal
    recomputed: Decimal

    @property
    def matches(self) -> bool:
        return self.stated == self.recomputed


def as_decimal(value: float | int) -> Decimal:
    return Decimal(str(value))


def recompute_share(record: Record, figure: Figure) -> Optional[Recomputation]:
    """The stated percentage against count / total × 100, rounded half-up to the decimals the source gave."""
    if figure.share_of is None:
        return None
    count = as_decimal(record.figure(figure.share_of.count).value)
    total = as_decimal(record.figure(figure.share_of.total).value)
    if total == 0:
        return None
    quantum = Decimal(1).scaleb(-figure.decimals)
    recomputed = (count * 100 / total).quantize(quantum, rounding=ROUND_HALF_UP)
    return Recomputation(figure.id, "share", as_decimal(figure.value).quantize(quantum), recomputed)


def recompute_sum(record: Record, figure: Figure) -> Optional[Recomputation]:
    """The stated total against the sum of its parts."""
    if not figure.parts:
        return None
    recomputed = sum((as_decimal(record.figure(part).value) for part in figure.parts), Decimal(0))
    return Recomputation(figure.id, "sum", as_decimal(figure.value), recomputed)


def recomputations(record: Record) -> list[Recomputation]:
    """Every check the record allows, in source order."""
    found = []
    for figure in record.figures():
        for result in (recompute_share(record, figure), recompute_sum(record, figure)):
            if result is not None:
                found.append(result)
    return found
