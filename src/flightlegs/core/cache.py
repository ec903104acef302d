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
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from flightlegs.core.files import atomic_write

__all__ = ["cache_dir", "caching"]

log = logging.getLogger(__name__)


#: Values of ``FLIGHTLEGS_CACHE_DIR`` that switch the caches off.
_OFF: Final = frozenset({"off", "none", "0", "false", "no"})


def cache_dir() -> Path:
    """Where flightlegs keeps caches.

    ``$FLIGHTLEGS_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/flightlegs``,
    else ``~/.cache/flightlegs``.

    Examples
    --------
    >>> import os
    >>> os.environ.get("FLIGHTLEGS_CACHE_DIR") is not None or cache_dir().name == "flightlegs"
    True
    """
    chosen = os.environ.get("FLIGHTLEGS_CACHE_DIR", "").strip()
    if chosen and chosen.lower() not in _OFF:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "flightlegs"


def caching() -> bool:
    """Whether caches may be read and written: not when ``FLIGHTLEGS_CACHE_DIR=off``.

    Examples
    --------
    >>> import os
    >>> caching() == (os.environ.get("FLIGHTLEGS_CACHE_DIR", "").lower() not in _OFF)
    True
    """
    return os.environ.get("FLIGHTLEGS_CACHE_DIR", "").strip().lower() not in _OFF


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

    An unwritable cache only costs the next run a rebuild; with caching
    switched off (:func:`caching`) nothing is written.
    """
    if not caching():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
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
