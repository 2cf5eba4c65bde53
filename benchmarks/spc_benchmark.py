"""Benchmark of the SPC engine (fremdrift.spc): run and I charts with the Anhøj runs analysis.

Prints points per second for 100,000 series of 50 points analysed as a run chart and as an I chart,
and in the same run the speed ratio against
  - a plain pure-Python implementation of the same rules (below; timed on a subsample and scaled),
    whose answers must equal the engine's, and
  - a Python peer package from PyPI, clinical-qikit (timed on a subsample and scaled), noting where
    its answers differ from ours and why.
Not a test: run it by hand on one core,

    .venv/bin/python benchmarks/spc_benchmark.py [--series 100000] [--points 50]

The peer is optional (`pip install clinical-qikit`, which brings pandas and plotly).
"""

import argparse
import math
import os
import platform
import time
from collections import Counter
from functools import cache

import numpy as np

from fremdrift.spc import analyse_batch

TARGET_SECONDS = 2.0


def make_series(count: int, length: int, seed: int = 2026) -> np.ndarray:
    """Indicator-like data: noise around a level, a fifth of the series shifting by 1.5 SD part way.

    Values have one decimal, as measurements do, so points on the median and mean occur.
    """
    generator = np.random.default_rng(seed)
    values = generator.normal(100, 10, size=(count, length))
    shifted = generator.random(count) < 0.2
    starts = generator.integers(length // 3, 2 * length // 3, size=count)
    values += np.where(shifted[:, None] & (np.arange(length) >= starts[:, None]), 15.0, 0.0)
    return values.round(1)


def best_time(function, repeat: int = 3) -> float:
    best = math.inf
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


# --- the engine -------------------------------------------------------------------------------------
# Each implementation reports, per series and chart, a dict of facts: centre, (for the I chart) lcl,
# ucl and outside (points outside the limits), and the runs facts longest, crossings, signal.

RUNS_FACTS = ("longest", "crossings", "signal")


def engine_facts(matrix: np.ndarray) -> list[dict]:
    """Per series the facts, from the engine's batch analysis (plus its runs limits, for explaining)."""
    charts = {chart: analyse_batch(matrix, chart=chart) for chart in ("run", "i")}
    facts = []
    for row in range(len(matrix)):
        series = {}
        for chart, result in charts.items():
            runs = result.runs
            series[chart] = {
                "centre": float(result.centre[row]),
                "longest": int(runs.longest_run[row]),
                "crossings": int(runs.n_crossings[row]),
                "signal": bool(runs.runs_signal[row]),
                "longest_max": int(runs.longest_run_max[row]),
                "crossings_min": int(runs.n_crossings_min[row]),
            }
            if chart == "i":
                series[chart].update(
                    lcl=float(result.lcl[row, 0]),
                    ucl=float(result.ucl[row, 0]),
                    outside=int(result.sigma_signal[row].sum()),
                )
        facts.append(series)
    return facts


# --- a plain pure-Python implementation of the same rules ------------------------------------------


def plain_mean(values: list[float]) -> float:
    mean = sum(values) / len(values)
    return mean + sum(value - mean for value in values) / len(values)  # R's refinement, as the engine


@cache
def plain_crossings_minimum(n_useful: int) -> int:
    trials = n_useful - 1
    cumulative = 0
    for k in range(trials + 1):
        cumulative += math.comb(trials, k)
        if 20 * cumulative >= 2**trials:
            return k
    raise AssertionError


def plain_runs(values: list[float], centre: float) -> dict:
    sides = [value > centre for value in values if value != centre]
    longest = current = 1
    crossings = 0
    for before, after in zip(sides, sides[1:], strict=False):
        if before == after:
            current += 1
            longest = max(longest, current)
        else:
            current = 1
            crossings += 1
    signal = longest > round(math.log2(len(sides))) + 3 or crossings < plain_crossings_minimum(len(sides))
    return {"longest": longest, "crossings": crossings, "signal": signal}


def plain_facts(values: list[float]) -> dict:
    ordered = sorted(values)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    mean = plain_mean(values)
    sigma = (
        plain_mean([abs(after - before) for before, after in zip(values, values[1:], strict=False)]) / 1.128
    )
    lcl, ucl = mean - 3 * sigma, mean + 3 * sigma
    outside = sum(value > ucl or value < lcl for value in values)
    return {
        "run": {"centre": median, **plain_runs(values, median)},
        "i": {"centre": mean, "lcl": lcl, "ucl": ucl, "outside": outside, **plain_runs(values, mean)},
    }


def same_answers(mine: dict, theirs: dict) -> bool:
    """Equal facts; numbers equal to 12 significant digits."""
    return all(
        math.isclose(mine[chart][key], value, rel_tol=1e-12)
        for chart in theirs
        for key, value in theirs[chart].items()
    )


# --- the peer: clinical-qikit -----------------------------------------------------------------------


def load_peer():
    try:
        from importlib.metadata import version

        from qikit.spc.compute import compute
    except ImportError as error:
        return (
            None,
            f"clinical-qikit is not installed ({error}); install it with `pip install clinical-qikit`",
        )
    return (
        compute,
        f"clinical-qikit {version('clinical-qikit')} (qikit.spc.compute.compute, one series a call)",
    )


def peer_facts(compute, values: np.ndarray) -> dict:
    facts = {}
    for chart in ("run", "i"):
        result = compute(chart, values)
        summary = result["summary"]
        facts[chart] = {
            "centre": float(result["cl"][0]),
            "longest": summary["longest_run"],
            "crossings": summary["n_crossings"],
            "long_run_signal": summary["run_signal"],
            "crossings_signal": summary["crossings_signal"],
        }
        if chart == "i":
            facts[chart].update(
                lcl=float(result["lcl"][0]),
                ucl=float(result["ucl"][0]),
                outside=int(result["sigma_signal"].sum()),
            )
    return facts


def screened_moving_ranges(values: np.ndarray) -> bool:
    ranges = np.abs(np.diff(values))
    return bool((ranges > 3.267 * ranges.mean()).any())


def peer_differences(matrix: np.ndarray, ours: list[dict], theirs: list[dict]) -> Counter:
    """Count the differences by cause; whatever the known causes do not explain is counted as such."""
    causes = Counter()
    for values, mine, peer in zip(matrix, ours, theirs, strict=True):
        for chart in ("run", "i"):
            our, their = mine[chart], peer[chart]
            if not math.isclose(our["centre"], their["centre"], rel_tol=1e-12):
                causes[f"{chart}: centre line differs (unexplained)"] += 1
            if (our["longest"], our["crossings"]) != (their["longest"], their["crossings"]):
                causes[f"{chart}: longest run or crossings differ (unexplained)"] += 1
            long_run = our["longest"] > our["longest_max"]
            few_crossings = our["crossings"] < our["crossings_min"]
            if few_crossings != their["crossings_signal"]:
                causes[f"{chart}: crossings signal differs (unexplained)"] += 1
            elif long_run != their["long_run_signal"] and our["signal"] != (
                their["long_run_signal"] or their["crossings_signal"]
            ):
                causes[f"{chart}: runs signal differs because of the longest-run rule"] += 1
        our, their = mine["i"], peer["i"]
        if not math.isclose(our["ucl"], their["ucl"], rel_tol=1e-9):
            if screened_moving_ranges(values):
                causes["i: limits differ because the peer screens moving ranges > 3.267 x mean"] += 1
            else:
                causes["i: limits differ (unexplained)"] += 1
            if our["outside"] != their["outside"]:
                causes["i: points outside the limits differ, as a consequence"] += 1
    return causes


PEER_NOTES = """\
  Why the peer differs (its source, qikit/spc/signals.py and limits.py, against qicharts2's helper.functions.R):
  - longest-run rule: the peer signals when the longest run >= floor(log2(n)) + 3; qicharts2 (and we)
    when it is > round(log2(n)) + 3. For n = 50 the peer flags runs of 8 and 9 points that qicharts2 accepts.
  - I-chart limits: the peer always drops moving ranges above 3.267 x their mean before estimating
    sigma (Provost & Murray); qicharts2 does so only with options(qic.screenedmr = TRUE), not by default.
  - not exercised here: the peer skips the runs analysis below 10 useful points (qicharts2 and we run it),
    and with missing values it joins the values either side into one moving range (qicharts2 drops both)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=100_000)
    parser.add_argument("--points", type=int, default=50)
    parser.add_argument("--plain-sample", type=int, default=2_000, help="series for the pure-Python timing")
    parser.add_argument("--peer-sample", type=int, default=1_000, help="series for the peer's timing")
    args = parser.parse_args()

    if hasattr(os, "sched_setaffinity"):  # one core, as the target says
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    matrix = make_series(args.series, args.points)
    points = matrix.size
    print(
        f"SPC benchmark: {args.series:,} series x {args.points} points, run chart + I chart with runs analysis"
    )
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores (pinned to one), "
        f"Python {platform.python_version()}, NumPy {np.__version__}\n"
    )

    analyse_batch(matrix[:10], chart="i")  # warm up the thresholds cache
    seconds = best_time(lambda: (analyse_batch(matrix, chart="run"), analyse_batch(matrix, chart="i")))
    verdict = "meets" if seconds < TARGET_SECONDS else "MISSES"
    print(
        f"fremdrift.spc (NumPy, vectorised)   {seconds:8.3f} s   {points / seconds / 1e6:8.2f} M points/s   "
        f"({verdict} the {TARGET_SECONDS:g} s target)"
    )

    sample = matrix[: args.plain_sample]
    plain_seconds = best_time(lambda: [plain_facts(row.tolist()) for row in sample], repeat=1)
    plain_scaled = plain_seconds * args.series / len(sample)
    print(
        f"plain pure Python (same rules)      {plain_scaled:8.3f} s   {points / plain_scaled / 1e6:8.2f} M points/s   "
        f"engine {plain_scaled / seconds:6.1f}x faster  (timed on {len(sample):,} series, scaled)"
    )
    ours = engine_facts(matrix[: max(args.plain_sample, args.peer_sample)])
    equal = sum(
        same_answers(mine, plain_facts(row.tolist())) for mine, row in zip(ours, sample, strict=False)
    )
    print(f"  answers equal to the engine's in {equal:,} of {len(sample):,} series")

    compute, description = load_peer()
    if compute is None:
        print(f"peer: {description}; no peer compared")
        return
    peer_sample = matrix[: args.peer_sample]
    peer_seconds = best_time(lambda: [peer_facts(compute, row) for row in peer_sample], repeat=1)
    peer_scaled = peer_seconds * args.series / len(peer_sample)
    print(f"peer {description}")
    print(
        f"                                    {peer_scaled:8.3f} s   {points / peer_scaled / 1e6:8.2f} M points/s   "
        f"engine {peer_scaled / seconds:6.1f}x faster  (timed on {len(peer_sample):,} series, scaled)"
    )
    theirs = [peer_facts(compute, row) for row in peer_sample]
    causes = peer_differences(peer_sample, ours[: len(peer_sample)], theirs)
    print("  differences from our answers:" if causes else "  answers equal to ours in every series")
    for cause, count in sorted(causes.items()):
        print(f"  {count:>6} of {len(peer_sample):,} series  {cause}")
    print(PEER_NOTES)


if __name__ == "__main__":
    main()
