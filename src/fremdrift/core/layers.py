"""Which parts of Fremdrift may import which: imports run one way, from higher to lower.

The base serves everyone. Above it the steps of the work, lower to higher. A module may import
from its own app, from the base and from lower steps, never from a higher step; a higher step that
wants to show something on a lower step's page offers it (a template tag, a hook), and the lower
step's object answers questions about itself (`Project.is_editable`). A foreign key given as a
string ("projects.Goal") is not an import. `tests/foundation/test_apps_import_one_way.py` checks
every import under src/fremdrift.
"""

BASE = frozenset(
    {
        "accounts",
        "audit",
        "organisations",
        "core",
        # Background work (the e-mail queue, periodic jobs, the worker): every step sends mail and runs jobs.
        "background",
        "access",
        # Pure packages: no Django.
        "spc",
        "charts",
        "importers",
        "textsearch",
    }
)
STEPS = ("strategy", "ideas", "funding", "measurement", "projects", "library")
# The project's wiring, not an app: it puts the apps together and may import any of them.
WIRING = frozenset({"__init__", "settings", "urls", "wsgi", "cli"})


def layer(app: str) -> int:
    """0 for the base, 1… for the steps in order; a name not placed here is an error."""
    if app in BASE:
        return 0
    return STEPS.index(app) + 1


def may_import(importer: str, imported: str) -> bool:
    if importer == imported or importer in WIRING:
        return True
    if importer in BASE:
        return imported in BASE
    return layer(imported) <= layer(importer)
