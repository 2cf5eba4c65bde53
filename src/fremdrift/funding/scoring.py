"""Weighted scores, the spread between reviewers and a disagreement flag: plain functions, no Django."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Reviewers disagree when their weighted scores lie this many percentage points apart, or when
# their scores on one criterion differ by half the scale or more.
DISAGREEMENT_POINTS = Decimal("25")


@dataclass(frozen=True)
class CriterionSpec:
    key: int
    weight: Decimal
    scale_max: int


def weighted_percent(criteria: Sequence[CriterionSpec], scores: dict[int, int]) -> Decimal | None:
    """0–100: each score as a share of its scale, weighted. None when nothing can be weighed."""
    total_weight = sum((c.weight for c in criteria if c.key in scores), Decimal("0"))
    if total_weight == 0:
        return None
    points = sum(
        (c.weight * Decimal(scores[c.key]) / Decimal(c.scale_max) for c in criteria if c.key in scores),
        Decimal("0"),
    )
    return (points / total_weight * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Assessment:
    mean: Decimal | None
    spread: Decimal | None
    disagree: bool
    reviewers: int


def assess(criteria: Sequence[CriterionSpec], reviews: Sequence[dict[int, int]]) -> Assessment:
    percents = [p for p in (weighted_percent(criteria, r) for r in reviews) if p is not None]
    if not percents:
        return Assessment(None, None, False, 0)
    mean = (sum(percents, Decimal("0")) / len(percents)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    spread = max(percents) - min(percents)
    disagree = spread >= DISAGREEMENT_POINTS
    for c in criteria:
        values = [r[c.key] for r in reviews if c.key in r]
        if len(values) > 1 and (max(values) - min(values)) * 2 >= c.scale_max:
            disagree = True
    return Assessment(mean, spread, disagree, len(percents))
