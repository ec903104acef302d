"""Locate the data files bundled with flightlegs.

In an installed wheel the files live in ``flightlegs/data``; in a source
checkout (editable install) they live in the repository's top-level ``data/``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["data_path"]


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
