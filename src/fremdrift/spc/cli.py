"""`fremdrift spc`: analyse a CSV file and print the summary per phase as JSON.

Runs without Django. Exit codes: 0 analysed, 2 bad input or usage (with a one-line error on stderr).
"""

import argparse
import dataclasses
import json
import sys

from .analysis import analyse
from .csvinput import read_csv
from .errors import SpcInputError
from .explain import LANGUAGES
from .limits import CHARTS


def _whole_numbers(text: str) -> list[int | None]:
    try:
        return [int(part) if part.strip() else None for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a comma-separated list of whole numbers") from None


def _without_gaps(numbers: list[int | None], option: str) -> list[int]:
    if None in numbers:
        raise SpcInputError(f"{option} has an empty entry")
    return numbers


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fremdrift spc",
        description="Run chart or control chart analysis (Anhøj rules, as qicharts2) of a CSV file with a "
        "column y (numerators for p, u, pp and up charts), n (denominators) and x (dates or subgroups).",
    )
    parser.add_argument("--chart", choices=list(CHARTS), default="run", help="the chart type (default: run)")
    parser.add_argument(
        "--freeze",
        type=_whole_numbers,
        metavar="K[,K...]",
        help="compute centre and limits from the first K points of the first phase only; "
        "a list gives one baseline per phase, an empty entry none (e.g. ',6')",
    )
    parser.add_argument(
        "--part",
        type=_whole_numbers,
        metavar="I[,J...]",
        help="start a new phase after point I (and J, ...), counted from 1 as in qicharts2",
    )
    parser.add_argument(
        "--exclude",
        type=_whole_numbers,
        metavar="I[,J...]",
        help="leave point I (counted from 1) out of centre, limits and runs analysis",
    )
    parser.add_argument("--sigma", type=float, default=3.0, help="width of the limits in sigmas (default: 3)")
    parser.add_argument("--centre", type=float, help="a fixed centre line")
    parser.add_argument("--target", type=float, help="a target value, mentioned in the explanation")
    parser.add_argument("--points", action="store_true", help="also print every point")
    parser.add_argument("--explain", choices=LANGUAGES, help="also print an explanation of each phase")
    parser.add_argument("file", metavar="FILE.csv", help="the CSV file ('-' for standard input)")
    return parser


def _analyse_file(args: argparse.Namespace):
    if args.file == "-":
        series = read_csv(sys.stdin, args.chart)
    else:
        with open(args.file, encoding="utf-8-sig", newline="") as stream:
            series = read_csv(stream, args.chart)
    freeze = args.freeze
    if freeze is not None and len(freeze) == 1:
        freeze = _without_gaps(freeze, "--freeze")[0]
    return analyse(
        series.values,
        chart=args.chart,
        denominators=series.denominators,
        labels=series.labels,
        phase_starts=_without_gaps(args.part or [], "--part"),
        freeze=freeze,
        exclude=[point - 1 for point in _without_gaps(args.exclude or [], "--exclude")],
        centre=args.centre,
        target=args.target,
        sigma=args.sigma,
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # argparse has printed the usage error or the help
        return exit.code if isinstance(exit.code, int) else 2
    try:
        analysis = _analyse_file(args)
    except OSError as error:
        print(f"fremdrift spc: cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return 2
    except SpcInputError as error:
        print(f"fremdrift spc: {args.file}: {error}", file=sys.stderr)
        return 2
    output = {"chart": analysis.chart, "phases": [phase.as_dict() for phase in analysis.phases]}
    if args.explain:
        output["explanations"] = [phase.explanation(args.explain) for phase in analysis.phases]
    if args.points:
        output["points"] = [dataclasses.asdict(point) for point in analysis.points]
    # allow_nan=False: a NaN reaching the output is a bug, never something to print.
    print(json.dumps(output, indent=2, ensure_ascii=False, allow_nan=False))
    return 0
