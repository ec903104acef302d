"""Files: the bundled data, and writing a file so no reader sees half of it.

In an installed wheel the data files live in ``flightlegs/data``; in a source
checkout (editable install) they live in the repository's top-level ``data/``.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Final

__all__ = ["MAX_TEXT_CHARS", "atomic_write", "data_path"]

#: Longest text any stage reads (a report, a file, a string to scan), in characters.
#: One cap for all, so a text that one stage accepts is never refused by the next.
MAX_TEXT_CHARS: Final = 5_000_000


def data_path(name: str) -> Path:
    """Return the path of a bundled data file.

    Parameters
    ----------
    name
        File name inside the data folder, e.g. ``"airports.csv"``.

    Returns
    -------
    pathlib.Path
        The file's path (it may not exist if ``name`` is wrong).

    Examples
    --------
    >>> data_path("airports.csv").name
    'airports.csv'
    """
    bundled = Path(str(resources.files("flightlegs"))) / "data" / name
    if bundled.exists():
        return bundled
    return Path(__file__).resolve().parents[3] / "data" / name


def atomic_write(path: Path, data: bytes | str | Iterable[str]) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it, then rename.

    A reader sees the old file or the new one, never a half-written one, and
    an interrupted write leaves the old file as it was. Text is written as
    UTF-8; an iterable of text pieces is written as it comes, so a large
    output never sits whole in memory. The file gets the permissions a new
    file would (``0o666`` less the umask). The folder must exist.

    Raises
    ------
    OSError
        The folder cannot be written; nothing is left behind.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     target = Path(tmp) / "out.txt"
    ...     atomic_write(target, "first")
    ...     atomic_write(target, (piece for piece in ("sec", "ond")))
    ...     target.read_text(), sorted(p.name for p in Path(tmp).iterdir())
    ('second', ['out.txt'])
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, bytes):
                fh.write(data)
            elif isinstance(data, str):
                fh.write(data.encode("utf-8"))
            else:
                for piece in data:
                    fh.write(piece.encode("utf-8"))
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@functools.cache
def _umask() -> int:
    """The process's umask, read once.

    From /proc where there is one, which leaves it untouched; elsewhere by
    setting it and putting it back, once, rather than on every write.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0)
    os.umask(mask)
    return mask
