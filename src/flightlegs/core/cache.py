"""Where flightlegs caches derived data, and how cache files are written.

Caches live in ``$FLIGHTLEGS_CACHE_DIR``, else ``$XDG_CACHE_HOME/flightlegs``,
else ``~/.cache/flightlegs``. ``FLIGHTLEGS_CACHE_DIR=off`` switches them off:
every table is then built in memory and nothing is written.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["cache_dir"]

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """Where flightlegs keeps caches: ``$XDG_CACHE_HOME/flightlegs`` or ``~/.cache/flightlegs``.

    Examples
    --------
    >>> cache_dir().name
    'flightlegs'
    """
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "flightlegs"


def _fingerprint(data_files: Iterable[Path], sources: Iterable[Path]) -> str:
    """A cache key from the data files' size and mtime and the source of the code reading them.

    Stat calls, not hashes of megabytes of data, so a start costs microseconds;
    the sources are small and hashed whole, so no edit of the code reuses a cache.
    """
    digest = hashlib.sha256(sys.version.encode())  # pickle and marshal formats follow Python
    for path in data_files:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


# a cache file's name: its kind, the key made by _fingerprint, and its format
_CACHE_NAME = re.compile(r"(?P<kind>[a-z]+)-[0-9a-f]{24}(?P<suffix>\.[a-z]+)")


def _write_cache(path: Path, data: bytes) -> None:
    """Write a cache file atomically, then delete the older caches it replaces.

    An unwritable cache only costs the next run a rebuild.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        log.debug("cannot write cache %s: %s", path, err)
        return
    _prune_older(path)


def _prune_older(path: Path) -> None:
    """Delete the caches of ``path``'s kind that are older than it.

    Each change of the data or of the code gives a cache a new key, so without
    this every edit would leave one more file of several megabytes behind. Only
    regular files named like a cache of the same kind and suffix
    (``gazetteer-<key>.pickle``, ``airports-<key>.marshal``) and written no
    later than ``path`` are removed; anything else in the folder is left alone,
    and a file that cannot be removed is left too.
    """
    mine = _CACHE_NAME.fullmatch(path.name)
    if mine is None:
        return
    try:
        written = path.stat().st_mtime_ns
        others = [p for p in path.parent.iterdir() if p.name != path.name]
    except OSError as err:
        log.debug("cannot list caches beside %s: %s", path, err)
        return
    for other in others:
        theirs = _CACHE_NAME.fullmatch(other.name)
        if theirs is None or theirs.group("kind", "suffix") != mine.group("kind", "suffix"):
            continue
        try:
            stat = other.lstat()
            if stat.st_mtime_ns <= written and other.is_file() and not other.is_symlink():
                other.unlink()
        except OSError as err:
            log.debug("cannot remove old cache %s: %s", other, err)
