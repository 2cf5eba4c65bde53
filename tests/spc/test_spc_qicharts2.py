"""Agreement with qicharts2: a set of cases (ties on the median, short series, all-equal series, missing
values, phases, frozen baselines, excluded points, every chart type) with the results of qicharts2's own
formulas computed in R; see "about" in qicharts2_cases.json.
"""

import json
import math
from pathlib import Path

import pytest

from fremdrift.spc import analyse

pytestmark = pytest.mark.spc

FIXTURE = json.loads((Path(__file__).parent / "qicharts2_cases.json").read_text())
CASES = FIXTURE["cases"]
FACTS = [
    "n.obs",
    "n.useful",
    "longest.run",
    "longest.run.max",
    "n.crossings",
    "n.crossings.min",
    "runs.signal",
]


def same(ours, theirs) -> bool:
    """Equal, to 12 significant digits: R and NumPy may differ in the last bit of a sum or a square root."""
    if ours is None or theirs is None:
        return ours is None and theirs is None
    return math.isclose(ours, theirs, rel_tol=1e-12, abs_tol=1e-15)


def test_the_cases_cover_what_the_issue_asks_for():
    names = " ".join(case["name"] for case in CASES)
    for topic in (
        "ties on the median",
        "short series",
        "all equal",
        "missing values",
        "phases",
        "frozen baseline",
    ):
        assert topic in names
    assert {case["chart"] for case in CASES} == {"run", "i", "mr", "p", "pp", "u", "up", "c", "xbar", "s"}


@pytest.mark.parametrize("sigma", [3.0, 2.0])
@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_same_runs_analysis_and_limits_as_qicharts2(case, sigma):
    suffix = "" if sigma == 3.0 else ".2"
    analysis = analyse(
        case["y"],
        chart=case["chart"],
        denominators=case["n"],
        phase_starts=case["part"],
        freeze=case["freeze"],
        exclude=case["exclude"],
        centre=case["cl"],
        sigma=sigma,
    )
    assert len(analysis.phases) == len(case["expected"])
    for phase, expected in zip(analysis.phases, case["expected"], strict=True):
        summary = phase.as_dict()
        assert {fact: summary[fact] for fact in FACTS} == {fact: expected[fact] for fact in FACTS}
        assert summary["sigma.signal"] == expected["sigma.signal" + suffix]
        assert same(summary["cl"], expected["cl"])
        points = analysis.points[phase.start : phase.stop]
        for field, key in (("value", "y"), ("lcl", "lcl" + suffix), ("ucl", "ucl" + suffix)):
            ours = [getattr(point, field) for point in points]
            assert all(same(a, b) for a, b in zip(ours, expected[key], strict=True)), (
                field,
                ours,
                expected[key],
            )
