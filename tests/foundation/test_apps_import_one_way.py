"""Apps import one way: a module imports from its own app, the base and lower steps of the work,
never from a higher step (the order is written in `fremdrift.core.layers`).

Every .py under src/fremdrift but migrations is read with ast, nothing is imported: imports at
module level and inside functions, absolute and relative, and the string forms
(`importlib.import_module`, `apps.get_model`) that would only hide the same dependency.
"""

import ast
from pathlib import Path

import pytest

from fremdrift.core import layers

pytestmark = [pytest.mark.foundation]

SOURCE = Path(__file__).resolve().parents[2] / "src" / "fremdrift"


def app_of(relative: Path) -> str:
    """The app a file belongs to: its top folder, or the module's name for a top-level file."""
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_modules(text: str, relative: Path):
    """(line, dotted name) for everything the source imports, relative imports resolved."""
    package = ["fremdrift", *relative.parts[:-1]]
    for node in ast.walk(ast.parse(text, filename=str(relative))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            first = node.args[0].value
            if name == "import_module" and isinstance(first, str):
                yield node.lineno, first
            elif name == "get_model" and isinstance(first, str):
                yield node.lineno, f"fremdrift.{first.split('.')[0]}"


def fremdrift_imports():
    """(file, line, importing app, imported app, module) for every import of a fremdrift module."""
    for path in sorted(SOURCE.rglob("*.py")):
        relative = path.relative_to(SOURCE)
        if "migrations" in relative.parts:
            continue
        for line, module in imported_modules(path.read_text(encoding="utf-8"), relative):
            parts = module.split(".")
            if parts[0] == "fremdrift" and len(parts) > 1:
                yield relative.as_posix(), line, app_of(relative), parts[1], module


def test_every_app_has_its_place_in_the_order():
    placed = layers.BASE | set(layers.STEPS) | layers.WIRING
    unplaced = sorted(
        {
            app
            for _file, _line, importer, imported, _module in fremdrift_imports()
            for app in (importer, imported)
        }
        - placed
    )
    assert not unplaced, f"Place these in fremdrift/core/layers.py: {', '.join(unplaced)}"


def test_no_app_imports_a_higher_one():
    wrong = [
        f"{file}:{line}: {importer} imports {imported} ({module}), which sits above it"
        for file, line, importer, imported, module in fremdrift_imports()
        if not layers.may_import(importer, imported)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_check_reads_every_app():
    """The check cannot pass by reading nothing: it sees an allowed import in every app."""
    seen = {
        importer
        for _file, _line, importer, imported, _module in fremdrift_imports()
        if layers.may_import(importer, imported)
    }
    assert (layers.BASE | set(layers.STEPS)) - seen == set()


@pytest.mark.parametrize(
    ("source", "file", "module"),
    [
        ("from ..projects.models import Goal", "measurement/views.py", "fremdrift.projects.models.Goal"),
        ("from . import services", "measurement/views.py", "fremdrift.measurement.services"),
        ("from .. import access", "measurement/views.py", "fremdrift.access"),
        ("from fremdrift import access", "projects/views.py", "fremdrift.access"),
        ("import fremdrift.library.search", "projects/views.py", "fremdrift.library.search"),
        (
            "def f():\n    from fremdrift.library import search",
            "projects/views.py",
            "fremdrift.library.search",
        ),
        ("import_module('fremdrift.library.search')", "projects/views.py", "fremdrift.library.search"),
        ("apps.get_model('library', 'Case')", "projects/views.py", "fremdrift.library"),
        (
            "from .models import Case",
            "library/templatetags/tags.py",
            "fremdrift.library.templatetags.models.Case",
        ),
    ],
)
def test_imports_are_resolved_to_the_module_they_name(source, file, module):
    assert [name for _line, name in imported_modules(source, Path(file))] == [module]


def test_the_order_puts_measurement_below_projects_and_the_library_on_top():
    assert layers.may_import("projects", "measurement")
    assert not layers.may_import("measurement", "projects")
    assert not layers.may_import("strategy", "ideas")
    assert all(layers.may_import("library", step) for step in layers.STEPS)
    assert not any(layers.may_import(base, "strategy") for base in layers.BASE)
