r"""Project settings from the ``[tool.flightlegs]`` table of the nearest ``pyproject.toml``.

The table holds the assumptions of ``flightlegs check`` (see
:class:`~flightlegs.checks.settings.CheckSettings` for what each means and where its
default comes from). Keys are written in kebab-case, as the command-line flags
are; snake_case is accepted too::

    [tool.flightlegs]
    route-factor = 1.05      # flown distance / great-circle distance
    reserve-min = 45         # minutes of reserve fuel at cruise
    alternate-nm = 200       # distance to the alternate airport
    wind-kt = 30             # headwind allowance (negative: tailwind)
    strict = true            # warnings fail the check

The nearest ``pyproject.toml`` *with a* ``[tool.flightlegs]`` *table* wins,
walking up from the working directory (as ruff finds ``[tool.ruff]``).
Command-line flags override the file. Nothing is read at import.

Examples
--------
>>> config = config_from_text('[tool.flightlegs]\nwind-kt = 30\n', "pyproject.toml")
>>> config.check.wind_kt, config.check.route_factor
(30.0, 1.03)
>>> config_from_text('[tool.flightlegs]\nwind = 30\n', "pyproject.toml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
flightlegs.errors.InputError: pyproject.toml: [tool.flightlegs] wind: unknown key (did you mean ...
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from flightlegs.checks.settings import CheckSettings
from flightlegs.errors import InputError

__all__ = ["Config", "config_from_text", "find_pyproject", "load_config"]

_TABLE = "[tool.flightlegs]"
# Larger pyproject files are not project files; refuse rather than parse them.
_MAX_BYTES = 1_000_000
_KEYS: dict[str, str] = {f.name.replace("_", "-"): f.name for f in fields(CheckSettings)}


@dataclass(frozen=True, slots=True)
class Config:
    """Settings read from a project file.

    Attributes
    ----------
    path
        The ``pyproject.toml`` read, or ``None`` when none was found.
    check
        The check settings: the file's values over the defaults.
    """

    path: Path | None = None
    check: CheckSettings = field(default_factory=CheckSettings)


def _table(text: str, source: str) -> dict[str, Any] | None:
    """The ``[tool.flightlegs]`` table of a pyproject text, or ``None``."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{source}: not valid TOML ({err})") from None
    tool = document.get("tool")
    if not isinstance(tool, dict) or "flightlegs" not in tool:
        return None
    table = tool["flightlegs"]
    if not isinstance(table, dict):
        raise InputError(f"{source}: tool.flightlegs must be a table, like {_TABLE}")
    return table


def config_from_text(text: str, source: str | Path) -> Config:
    """Read the settings from the text of a ``pyproject.toml``.

    Parameters
    ----------
    text
        The file's content.
    source
        The file's name, for messages (and :attr:`Config.path`).

    Raises
    ------
    InputError
        For invalid TOML, an unknown key or a bad value; the message names the
        file and the key and says what was expected.
    """
    name = str(source)
    table = _table(text, name)
    if table is None:
        return Config(path=Path(source))
    values: dict[str, Any] = {}
    for key, value in table.items():
        attribute = _KEYS.get(key) or _KEYS.get(key.replace("_", "-"))
        where = f"{name}: {_TABLE} {key}"
        if attribute is None:
            close = difflib.get_close_matches(key.replace("_", "-"), list(_KEYS), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise InputError(
                f"{where}: unknown key{hint}; expected one of {', '.join(sorted(_KEYS))}"
            )
        if attribute in values:
            raise InputError(f"{where}: given twice (as kebab-case and snake_case)")
        values[attribute] = CheckSettings.validate(attribute, value, where)
    try:
        check = CheckSettings(**values)
    except InputError as err:  # a rule between two keys
        raise InputError(f"{name}: {_TABLE}: {err}") from None
    return Config(path=Path(source), check=check)


def find_pyproject(start: Path | str | None = None) -> Path | None:
    """The nearest ``pyproject.toml`` with a ``[tool.flightlegs]`` table.

    Parameters
    ----------
    start
        Where to start walking up; the working directory by default.

    Returns
    -------
    pathlib.Path or None
        ``None`` when no such file is found up to the file-system root.
    """
    here = Path(start) if start is not None else Path.cwd()
    here = here.resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if not candidate.is_file():
            continue
        try:
            head = candidate.read_bytes()[:_MAX_BYTES]
        except OSError:
            continue
        # A cheap look before parsing: most pyproject files have no such table.
        if b"flightlegs" in head and _table(_decode(head, candidate), str(candidate)) is not None:
            return candidate
    return None


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: byte {err.start} is not UTF-8") from None


def load_config(start: Path | str | None = None) -> Config:
    """Read the settings of the nearest project (see :func:`find_pyproject`).

    Returns
    -------
    Config
        The defaults, with :attr:`Config.path` ``None``, when there is no project table.

    Raises
    ------
    InputError
        For an unreadable file or a bad value, naming the file and the key.
    """
    path = find_pyproject(start)
    if path is None:
        return Config()
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES:
            raise InputError(f"{path}: {size:,} bytes; a pyproject.toml should be far smaller")
        text = _decode(path.read_bytes(), path)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    return config_from_text(text, path)
