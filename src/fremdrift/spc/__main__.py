"""`python -m fremdrift.spc FILE.csv`: the same as `fremdrift spc FILE.csv`."""

import sys

from .cli import main

sys.exit(main())
