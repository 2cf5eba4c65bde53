"""Benchmark of the document importers (fremdrift.importers): parse each source document.

Prints, per document found in the seeds folder, the best of a few parse times and what the
parse produced, then the total against the target (all five well under 10 seconds). Not a
test: run it by hand,

    .venv/bin/python benchmarks/import_benchmark.py [SEEDS_DIR] [--repeat 3]

SEEDS_DIR defaults to $FREMDRIFT_SEEDS, else ../shared/seeds next to the repository.
With --into-database it then times the whole import (parse and write, as `fremdrift
import-documents` does) into a fresh embedded database, or into $DATABASE_URL when set.
"""

import argparse
import os
import sys
import time
from pathlib import Path

from fremdrift.importers import ParsedDocument, parse_document

TARGET_SECONDS = 10.0
COUNTED = (
    "cases",
    "themes",
    "clusters",
    "projects",
    "knowledge_posts",
    "chapters",
    "initiatives",
    "strategies",
    "action_plan_rows",
)


def counts(document: ParsedDocument) -> str:
    parts = [f"{name}={len(getattr(document, name))}" for name in COUNTED if getattr(document, name)]
    for strategy in document.strategies:
        efforts = sum(len(b.efforts) for b in strategy.beacons)
        parts.append(f"[{strategy.title[:28]}: {len(strategy.beacons)} beacons, {efforts} efforts]")
    if document.cases:
        parts.append(f"contacts={sum(len(c.contacts) for c in document.cases)}")
    parts.append(f"warnings={len(document.warnings)}")
    return " ".join(parts)


def main() -> int:
    default = (
        os.environ.get("FREMDRIFT_SEEDS") or Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    )
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("seeds", nargs="?", type=Path, default=Path(default))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--into-database", action="store_true", help="also time the import into a database")
    args = parser.parse_args()
    files = sorted(args.seeds.glob("*.txt"))
    if not files:
        print(f"no documents in {args.seeds}", file=sys.stderr)
        return 1
    total = 0.0
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            document = parse_document(text)
            best = min(best, time.perf_counter() - started)
        total += best
        print(f"{path.name:32} {document.kind:20} {best * 1000:8.1f} ms  {counts(document)}")
        for warning in document.warnings:
            print(f"{'':54}warning: {warning}")
    verdict = "within" if total < TARGET_SECONDS else "OVER"
    print(f"parsing: {total:.2f} s for {len(files)} documents ({verdict} the {TARGET_SECONDS:.0f} s target)")
    if args.into_database:
        total = import_into_database(files)
    return 0 if total < TARGET_SECONDS else 1


def import_into_database(files: list[Path]) -> float:
    """Parse and write every document into an empty database, twice (the second run changes nothing)."""
    import tempfile

    if not os.environ.get("DATABASE_URL"):
        os.environ["FREMDRIFT_DATA_DIR"] = tempfile.mkdtemp(prefix="fremdrift-import-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fremdrift.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from fremdrift.importers import parse_path
    from fremdrift.library.importing import import_document

    call_command("migrate", verbosity=0)
    if os.environ.get("DATABASE_URL"):
        if "bench" not in connection.settings_dict["NAME"]:
            raise SystemExit("The benchmark empties its database: use one whose name contains 'bench'.")
        call_command("flush", interactive=False, verbosity=0)
    timings = []
    for _ in range(2):
        started = time.perf_counter()
        for path in files:
            import_document(parse_path(path))
        timings.append(time.perf_counter() - started)
    verdict = "within" if timings[0] < TARGET_SECONDS else "OVER"
    print(
        f"import into {connection.vendor}: {timings[0]:.2f} s the first time ({verdict} the "
        f"{TARGET_SECONDS:.0f} s target), {timings[1]:.2f} s again (nothing changes)"
    )
    return timings[0]


if __name__ == "__main__":
    sys.exit(main())
