"""Base map tiles as people name them: folium's names, xyzservices names, URL templates.

Examples
--------
>>> resolve_tiles("OpenStreetMap").name
'OpenStreetMap.Mapnik'
>>> resolve_tiles("esri worldgraycanvas").name
'Esri.WorldGrayCanvas'
>>> resolve_tiles("https://tiles.example.org/{z}/{x}/{y}.png", "Example tiles").url
'https://tiles.example.org/{z}/{x}/{y}.png'
>>> resolve_tiles("none") is None
True
"""

from __future__ import annotations

import difflib
import functools
import html
import re
from typing import TYPE_CHECKING, Any, Final

from flightlegs.errors import InputError

if TYPE_CHECKING:
    import xyzservices

__all__ = ["DEFAULT_TILES", "resolve_tiles"]

#: Base map: a light grey canvas that needs no API key. CARTO's Positron has
#: required a key since August 2026 (xyzservices warns, tiles are watermarked)
#: and OpenStreetMap's own servers refuse tiles to pages opened from a file,
#: which send no Referer. Any xyzservices name can be given instead.
DEFAULT_TILES: Final = "Esri.WorldGrayCanvas"

# folium's own short names (folium.raster_layers.TileLayer), besides xyzservices' names
_FOLIUM_NAMES: Final = {"openstreetmap": "OpenStreetMap.Mapnik"}
_TEMPLATE: Final = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)
_MAX_TEXT: Final = 2_000


def _key(name: str) -> str:
    # as xyzservices' query_name compares names: case, spaces, dots, dashes, underscores
    return re.sub(r"[\s._-]", "", name).lower()


@functools.cache
def _names() -> dict[str, str]:
    import xyzservices

    flat: dict[str, Any] = xyzservices.providers.flatten()
    return {_key(name): name for name in flat}


def _unknown(text: str, where: str) -> InputError:
    names = _names()
    close = difflib.get_close_matches(_key(text), list(names), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(names[c] for c in close)}?" if close else ""
    return InputError(
        f"{where}: unknown tiles {text!r}{hint} Expected a name as folium or xyzservices "
        f"write it, in any case ({DEFAULT_TILES}, OpenStreetMap, OpenTopoMap), a URL "
        "template such as https://tiles.example.org/{z}/{x}/{y}.png with an attribution, "
        "or none"
    )


def resolve_tiles(
    tiles: object,
    attribution: str | None = None,
    *,
    api_key: str | None = None,
    option: str | None = None,
) -> xyzservices.TileProvider | None:
    """The tile provider that ``tiles`` names, or ``None`` for no tiles.

    Parameters
    ----------
    tiles
        ``None`` or ``"none"``; a name as folium takes it (``"OpenStreetMap"``,
        ``"cartodbvoyager"``) or as xyzservices writes it (``"Esri.WorldImagery"``),
        in any case; a URL template with ``{z}``, ``{x}`` and ``{y}``; or an
        ``xyzservices.TileProvider``.
    attribution
        Who made the tiles, as plain text (it is escaped); needed with a URL
        template, and replaces a provider's own otherwise.
    api_key
        The key for providers that need one (``CartoDB.Positron``).
    option
        The command-line option that gave ``tiles`` (``"--tiles"``), so that
        messages speak of it rather than of Python objects.

    Raises
    ------
    InputError
        An unknown name (with the closest known ones), a template without
        ``{z}/{x}/{y}`` or without an attribution, or tiles that need an API key.
    """
    import xyzservices

    where = f"{option} {tiles}" if option else f"tiles {tiles!r}"
    if tiles is None or (isinstance(tiles, str) and tiles.strip().lower() == "none"):
        return None
    if isinstance(tiles, str):
        text = tiles.strip()
        if len(text) > _MAX_TEXT:
            raise InputError(f"tiles: {len(text):,} characters; expected a name or URL")
        if _TEMPLATE.fullmatch(text):
            provider = _template(text, attribution, where, option)
        else:
            name = _FOLIUM_NAMES.get(_key(text)) or _names().get(_key(text))
            if name is None:
                raise _unknown(text, where)
            provider = xyzservices.providers.query_name(name)
    elif isinstance(tiles, xyzservices.TileProvider):
        provider = tiles
    else:
        raise InputError(
            f"tiles must be a name, a URL template or an xyzservices.TileProvider, got {tiles!r}"
        )
    if provider.requires_token() and api_key:
        slots = [k for k, v in provider.items() if isinstance(v, str) and "<insert your" in v]
        provider = provider(**dict.fromkeys(slots, api_key))
    if provider.requires_token():
        fix = "add --tiles-key KEY" if option else "pass api_key="
        raise InputError(
            f"{where}: {provider.name} needs an API key ({fix}), or choose tiles that need "
            f"none, such as {DEFAULT_TILES}, OpenStreetMap or OpenTopoMap"
        )
    if attribution and not _TEMPLATE.fullmatch(str(tiles).strip()):
        provider = xyzservices.TileProvider(
            {**provider, "html_attribution": html.escape(attribution), "attribution": attribution}
        )
    return provider


def _template(
    url: str, attribution: str | None, where: str, option: str | None
) -> xyzservices.TileProvider:
    import xyzservices

    missing = [part for part in ("{z}", "{x}", "{y}") if part not in url]
    if missing:
        raise InputError(
            f"{where}: a tile URL template needs {{z}}, {{x}} and {{y}} (it lacks "
            f"{', '.join(missing)}), such as https://tiles.example.org/{{z}}/{{x}}/{{y}}.png"
        )
    if not url.lower().startswith("https://"):
        raise InputError(f"{where}: tiles must come over https://, not http://")
    if not attribution or not attribution.strip():
        flag = "--attribution" if option else "attribution="
        raise InputError(
            f"{where}: a URL template needs {flag} to say whose tiles they are "
            "(their licence asks for it), such as '© OpenStreetMap contributors'"
        )
    return xyzservices.TileProvider(
        name="Custom tiles",
        url=url,
        attribution=attribution.strip(),
        html_attribution=html.escape(attribution.strip()),
    )
