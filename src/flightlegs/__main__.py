"""Run the command line with ``python -m flightlegs``."""

import sys

from .cli import main

sys.exit(main())
