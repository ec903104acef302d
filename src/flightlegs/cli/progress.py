"""Progress on long batches: a bar on stderr, only when stderr is a terminal.

CI logs and pipes stay silent: a bar there is noise, and its carriage returns
garble a log. The bar is :mod:`tqdm`'s, imported only when one is shown.

Examples
--------
>>> with Progress(enabled=False) as progress:  # what a pipe or CI gets
...     progress.phase("checking", total=3)
...     progress.update(3)
>>> progress.enabled
False
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import IO, Any

__all__ = ["Progress", "wanted"]

#: Batches smaller than this finish before a bar would be read.
MIN_ROUTES = 2_000


def wanted(stream: IO[str] | None = None) -> bool:
    """Whether ``stream`` (stderr by default) is a terminal a person watches."""
    stream = sys.stderr if stream is None else stream
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """One bar at a time on stderr, one per phase (reading, checking, writing).

    Parameters
    ----------
    enabled
        Show bars; ``None`` shows them when stderr is a terminal.
    """

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = wanted() if enabled is None else enabled
        self._bar: Any = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def phase(self, name: str, total: int | None = None) -> None:
        """Start a new bar (closing the last): ``name`` of ``total`` routes, if known."""
        self.close()
        if not self.enabled or (total is not None and total < MIN_ROUTES):
            return
        from tqdm import tqdm

        self._bar = tqdm(
            total=total, desc=name, unit=" routes", file=sys.stderr, leave=False, mininterval=0.2
        )

    def update(self, count: int = 1) -> None:
        """Advance the bar by ``count`` routes."""
        if self._bar is not None:
            self._bar.update(count)

    def to(self, done: int) -> None:
        """Move the bar to ``done`` routes."""
        if self._bar is not None:
            self._bar.update(done - self._bar.n)

    def close(self) -> None:
        """Remove the bar from the terminal."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
