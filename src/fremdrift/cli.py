"""The `fremdrift` command: administration, the demo, and every Django management command.

`fremdrift spc` runs the SPC engine without configuring Django (no database needed).
"""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["spc"]:
        from fremdrift.spc.cli import main as spc_main

        return spc_main(argv[1:])
    if argv[:1] == ["demo"]:
        os.environ.setdefault("FREMDRIFT_DEMO", "1")
    if argv and not argv[0].startswith("-"):
        # `fremdrift import-documents` reads better than Django's `import_documents`.
        argv[0] = argv[0].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fremdrift.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["fremdrift", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
