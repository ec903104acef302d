"""Run the command line with ``python -m flightlegs``."""

import sys

from flightlegs.cli.main import main

__all__: list[str] = []

sys.exit(main())
