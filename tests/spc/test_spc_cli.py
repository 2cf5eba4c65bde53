"""`fremdrift spc` / `python -m fremdrift.spc`: CSV in, JSON out, exit code 2 on bad input."""

import ast
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import fremdrift.spc
from fremdrift.spc.cli import main

pytestmark = pytest.mark.spc

SUMMARY_FIELDS = [
    "n.obs",
    "n.useful",
    "longest.run",
    "longest.run.max",
    "n.crossings",
    "n.crossings.min",
    "runs.signal",
    "sigma.signal",
    "cl",
    "lcl",
    "ucl",
]


@pytest.fixture
def csv_file(tmp_path):
    def write(text: str, name: str = "data.csv") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_run_chart_summary_as_json(capsys, csv_file):
    path = csv_file(
        "x,y\n"
        + "".join(
            f"2024-{month:02},{value}\n" for month, value in enumerate([3, 5, 2, 8, 5, 7, 1, 9, 5, 6], 1)
        )
    )
    code, out, err = run(capsys, path)
    assert (code, err) == (0, "")
    output = json.loads(out)
    assert output["chart"] == "run"
    (phase,) = output["phases"]
    assert list(phase) == SUMMARY_FIELDS
    assert phase == dict(zip(SUMMARY_FIELDS, [10, 7, 2, 6, 3, 1, False, 0, 5.0, None, None], strict=True))


def test_p_chart_with_phases_freeze_points_and_explanation(capsys, csv_file):
    rows = [(2, 20), (6, 30), (1, 10), (4, 40), (3, 30), (5, 25), (9, 30), (8, 20)]
    path = csv_file("y,n\n" + "".join(f"{y},{n}\n" for y, n in rows))
    code, out, _ = run(
        capsys, "--chart", "p", "--part", "4", "--freeze", ",2", "--points", "--explain", "da", path
    )
    assert code == 0
    output = json.loads(out)
    first, second = output["phases"]
    assert first["cl"] == pytest.approx(13 / 100)
    assert isinstance(first["ucl"], list) and len(first["ucl"]) == 4  # limits vary with the denominators
    assert second["cl"] == pytest.approx(8 / 55)  # frozen: the first two points of the second phase
    assert [point["phase"] for point in output["points"]] == [1] * 4 + [2] * 4
    assert output["points"][4]["value"] == pytest.approx(0.1)
    assert output["explanations"][1].startswith(
        "Centerlinjen og kontrolgrænserne er beregnet ud fra de første 2"
    )


def test_freeze_on_its_own_freezes_the_first_phase(capsys, csv_file):
    path = csv_file("y\n10\n12\n11\n13\n9\n11\n20\n21\n22\n")
    code, out, _ = run(capsys, "--chart", "i", "--freeze", "6", path)
    (phase,) = json.loads(out)["phases"]
    assert (code, phase["cl"], phase["sigma.signal"]) == (0, 11, 3)


def test_exclude_counts_points_from_one(capsys, csv_file):
    path = csv_file("y\n10\n12\n11\n30\n13\n9\n11\n")
    code, out, _ = run(capsys, "--chart", "i", "--exclude", "4", path)
    (phase,) = json.loads(out)["phases"]
    assert (code, phase["cl"], phase["n.obs"]) == (0, 11, 6)


def test_xbar_chart_groups_rows_by_x(capsys, csv_file):
    path = csv_file("x,y\na,1\na,2\nb,2\na,3\nb,3\nb,4\nc,3\nc,4\nc,5\n")
    code, out, _ = run(capsys, "--chart", "xbar", "--points", path)
    output = json.loads(out)
    assert (code, output["phases"][0]["cl"]) == (0, 3)
    assert [(point["label"], point["value"]) for point in output["points"]] == [("a", 2), ("b", 3), ("c", 4)]


def test_semicolons_and_decimal_commas_and_empty_cells(capsys, csv_file):
    path = csv_file("x;y\n1;1,5\n2;\n3;2,5\n")
    code, out, _ = run(capsys, "--chart", "i", path)
    (phase,) = json.loads(out)["phases"]
    assert (code, phase["cl"], phase["n.obs"], phase["n.useful"]) == (0, 2.0, 3, 2)


def test_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n1\n2\n3\n"))
    code, out, _ = run(capsys, "-")
    assert (code, json.loads(out)["phases"][0]["cl"]) == (0, 2)


@pytest.mark.parametrize(
    ("text", "argv", "message"),
    [
        (
            "y\n1\n2\nabc\n",
            [],
            "row 3, column y: 'abc' is not a number (leave the cell empty for a missing value)",
        ),
        (
            "y\n1\n\n2\nNA\n",
            [],
            "row 4, column y: 'NA' is not a number (leave the cell empty for a missing value)",
        ),
        (
            "y,n\n1,10\n2,0\n",
            ["--chart", "p"],
            "row 2: the denominator is 0 (leave both cells empty if there is no data for this point)",
        ),
        ("y\n4\n-1\n", ["--chart", "c"], "row 2: the count -1 is negative"),
        ("x,y\na,\nb,\n", [], "all values are missing"),
        ("y\n\n\n", [], "the CSV file has no data rows"),
        ("y\n", [], "the CSV file has no data rows"),
        ("", [], "the CSV file is empty: it needs a header row with a column y"),
        ("value\n1\n", [], "the CSV file has no column y (its columns are value)"),
        ("y\n1\n", ["--chart", "u"], "a u chart needs the denominators in a column n"),
        ("y,n\n1,2\n", ["--chart", "c"], "a c chart takes no denominators: remove column n"),
        ("y\n1\n", ["--chart", "s"], "a s chart needs the subgroup of each row in a column x"),
        ("x,y\na,1\n,2\n", ["--chart", "s"], "row 2, column x: the subgroup is empty"),
        ("y\n1\n2\n3\n", ["--freeze", "9"], "cannot freeze a baseline of 9 points in phase 1, which has 3"),
        ("y\n1\n2\n3\n", ["--part", "1,,2"], "--part has an empty entry"),
    ],
)
def test_bad_input_prints_one_line_naming_the_row_and_exits_with_2(capsys, csv_file, text, argv, message):
    path = csv_file(text)
    code, out, err = run(capsys, *argv, path)
    assert (code, out) == (2, "")
    assert err == f"fremdrift spc: {path}: {message}\n"


def test_missing_file_and_usage_errors_exit_with_2(capsys, tmp_path):
    code, out, err = run(capsys, str(tmp_path / "nowhere.csv"))
    assert (code, out) == (2, "")
    assert err.startswith("fremdrift spc: cannot read") and err.count("\n") == 1
    assert run(capsys, "--chart", "pareto", "x.csv")[0] == 2
    assert run(capsys, "--part", "a", "x.csv")[0] == 2
    assert run(capsys, "--help")[0] == 0


def test_python_m_runs_without_django_settings(csv_file):
    path = csv_file("y\n1\n2\n3\n")
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "no.such.settings"}
    completed = subprocess.run(
        [sys.executable, "-m", "fremdrift.spc", "--chart", "i", path],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["chart"] == "i"


def test_the_package_never_imports_django():
    for module in Path(fremdrift.spc.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(name.split(".")[0] == "django" for name in names), module.name
