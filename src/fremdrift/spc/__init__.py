"""The SPC engine: run charts and control charts with the Anhøj rules, as qicharts2 computes them.

Pure Python and NumPy, no Django: the web app, the `fremdrift spc` command and the benchmark all
use it. One series: `analyse(values, chart=...)`. Many equal-length series at once:
`analyse_batch(matrix, chart=...)`, or only the runs analysis with `runs_analysis_batch`.
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
