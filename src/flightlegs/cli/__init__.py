"""The ``flightlegs`` command line, one module per command."""

from flightlegs.cli.main import main

__all__ = ["main"]
