"""The SPC engine: run charts and control charts with the Anhøj rules, as qicharts2 computes them.

Pure Python and NumPy, no Django: the web app, the `fremdrift spc` command and the benchmark all
use it. One series: `analyse(values, chart=...)`. Many equal-length series at once:
`analyse_batch(matrix, chart=...)`, or only the runs analysis with `runs_analysis_batch`.

The results agree with qicharts2's formulas (tests/spc/test_spc_qicharts2.py checks them against
qicharts2's own functions run in R). Where qicharts2 leaves room or we chose differently:
- A baseline can be frozen in any phase; qicharts2 ignores `freeze` once there are parts.
- Zero or negative denominators, negative counts, counts above their denominator, and phase
  starts, frozen baselines or excluded points outside the series are errors; qicharts2 gives
  infinite or missing limits, or silently drops the argument.
- Labels never switch the runs analysis off, and Laney's sigma_z always comes from moving ranges;
  qicharts2 does both differently when x is text (its funnel plots).
- Xbar and S charts: a subgroup without values is a missing point and does not count as a
  subgroup size; qicharts2 counts it as size 0 when deciding whether sizes vary.
- As qicharts2 by default, moving ranges are not screened (option qic.screenedmr); the MR chart's
  runs never signal; excluded points are left out of centre, limits and runs but still tested
  against the limits; `sigma.signal` counts the points outside the limits.
"""

from .analysis import Analysis, BatchAnalysis, PhaseSummary, Point, analyse, analyse_batch
from .errors import SpcInputError
from .explain import LANGUAGES
from .limits import CHARTS
from .runs import RunsBatch, runs_analysis_batch
from .thresholds import crossings_minimum, longest_run_limit

CHART_TYPES = tuple(CHARTS)

__all__ = [
    "CHART_TYPES",
    "LANGUAGES",
    "Analysis",
    "BatchAnalysis",
    "PhaseSummary",
    "Point",
    "RunsBatch",
    "SpcInputError",
    "analyse",
    "analyse_batch",
    "crossings_minimum",
    "longest_run_limit",
    "runs_analysis_batch",
]
