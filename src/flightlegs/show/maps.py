"""Interactive Leaflet maps of routes, built with folium.

:func:`route_map` draws routes as geodesic arcs, coloured by the verdict of
the checks, with numbered stop markers whose popups say where each stop was
read and why its airport was chosen; :func:`save_map` writes the HTML.

Three promises:

* **One longitude window.** Every layer (arcs, markers, candidates, rings,
  bounds) lies in the same continuous 360-degree window, centred on the
  narrowest band of longitudes that holds the routes, so Anchorage ->
  Shenyang runs across the Bering Sea instead of across Europe, and its ends
  meet the Anchorage and Shenyang markers.
* **Safe.** Every string from the input is HTML-escaped (and defused for the
  JavaScript template literals folium embeds it in) before it goes into a
  popup, tooltip, title or GeoJSON property; input never becomes a template.
* **Deterministic.** :func:`save_map` replaces folium's random element ids by
  ids numbered in order of appearance, so the same routes give byte-identical
  HTML, fit for committing and diffing.

With more than :data:`MANY_ROUTES` routes the map switches to one GeoJSON
layer of legs and one of stops (tooltips, no popups), which keeps 5,000 routes
to a few megabytes.

Examples
--------
>>> from flightlegs.read.inputs import read_routes
>>> m = route_map(read_routes("AZA-ELP-ANC-SHE-ICN"), title="Charter")
>>> html = render_map(m)
>>> '<meta name="generator" content="flightlegs' in html
True
>>> html == render_map(route_map(read_routes("AZA-ELP-ANC-SHE-ICN"), title="Charter"))
True
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt

from flightlegs.checks.results import Severity, _renamed_checks, check_list
from flightlegs.core.display import duration, km_nm, leg_distance
from flightlegs.core.files import atomic_write
from flightlegs.core.geodesy import METRES_PER, LatLon, circle
from flightlegs.core.legs import Leg, total_m
from flightlegs.core.route import Route, Stop, StopKind
from flightlegs.errors import FlightlegsError, InputError, MissingDependencyError
from flightlegs.reference.airports import airport_place
from flightlegs.show.assets import FOLIUM_LINKS, HELPERS, UNUSED_LINKS, Assets, inline_tag
from flightlegs.show.geometry import _Layout, _layout
from flightlegs.show.rings import Ring, parse_ring
from flightlegs.show.tiles import DEFAULT_TILES, resolve_tiles

if TYPE_CHECKING:
    import folium

    from flightlegs.checks.results import Checks, Finding, RouteCheck
    from flightlegs.reference.aircraft import AircraftSpec

__all__ = [
    "DEFAULT_TILES",
    "GENERATOR",
    "MANY_ROUTES",
    "VERDICT_COLOURS",
    "FloatArray",
    "is_flightlegs_map",
    "render_map",
    "route_map",
    "save_map",
]

FloatArray = npt.NDArray[np.float64]

#: Above this many routes a map draws all legs as one GeoJSON layer and all
#: stops as another, without popups or candidate layers: a folium object per
#: leg makes 5,000 routes take ~13 s and ~25 MB (see ``benchmarks/bench_maps.py``).
MANY_ROUTES: Final = 50

#: Leg colours by verdict (ColorBrewer RdYlGn ends, and blue for unchecked).
VERDICT_COLOURS: Final[dict[str, str]] = {
    "ok": "#1a9850",
    "warning": "#e08214",
    "implausible": "#d73027",
    "unchecked": "#2c7fb8",
}

#: The marker of our own maps: ``<meta name="generator" content="flightlegs X">``.
GENERATOR: Final = "flightlegs"

_DIGITS: Final = 5  # decimal places of drawn coordinates, about 1 m
_MAX_CANDIDATES: Final = 40  # candidate markers drawn per vague stop
# Long popups scroll, and open clear of the title box at the top of the map.
_POPUP: Final[dict[str, Any]] = {"max_height": 340, "auto_pan_padding_top_left": [40, 110]}
_STOP_COLOURS: Final = {"airport": "#1f3b73", "vague": "#b35806", "point": "#555555"}


_MORE_ESCAPES: Final = str.maketrans(
    {"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"}
)


def _coords(path: FloatArray) -> list[list[float]]:
    return np.round(path, _DIGITS).tolist()  # type: ignore[no-any-return]


def _esc(text: object) -> str:
    r"""Escape input text for HTML that folium places inside a JavaScript template literal.

    Besides ``& < > " '``, five more characters become character references:
    the backtick, ``$`` and ``\``, because folium wraps popup and tooltip HTML in
    JavaScript template literals, where ``${...}`` would run and a backslash
    starts an escape; and ``{`` and ``}``, because branca compiles each rendered
    piece of the page again as a Jinja template, where ``{{ ... }}`` would run.

    Examples
    --------
    >>> _esc("<img src=x onerror=alert(1)>")
    '&lt;img src=x onerror=alert(1)&gt;'
    >>> _esc("`${alert(2)}` {{ 7*7 }} \\")
    '&#96;&#36;&#123;alert(2)&#125;&#96; &#123;&#123; 7*7 &#125;&#125; &#92;'
    """
    return html.escape(str(text), quote=True).translate(_MORE_ESCAPES)


_URL: Final = re.compile(r"https?://[^\s<>\"'`{}|\\^]+", re.IGNORECASE)
_URL_END: Final = ".,;:!?)]’”"  # punctuation after a URL in prose is not part of it


def _linked(text: object) -> str:
    """Escaped text whose ``http(s)://`` URLs are links that open apart from the map.

    The link's ``href`` and text are escaped as any input text; ``rel="noopener
    noreferrer"`` keeps the opened page from reaching back into the map's window.

    Examples
    --------
    >>> _linked("see https://example.org/a?b=1&c=2.")
    'see <a href="https://example.org/a?b=1&amp;c=2" target="_blank" \
rel="noopener noreferrer">https://example.org/a?b=1&amp;c=2</a>.'
    >>> _linked("javascript:alert(1) <b>")
    'javascript:alert(1) &lt;b&gt;'
    """
    out: list[str] = []
    text = str(text)
    start = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_URL_END)
        end = match.start() + len(url)
        out.append(_esc(text[start : match.start()]))
        out.append(
            f'<a href="{_esc(url)}" target="_blank" rel="noopener noreferrer">{_esc(url)}</a>'
        )
        start = end
    out.append(_esc(text[start:]))
    return "".join(out)


# ---------------------------------------------------------------------- text


def _aircraft(route: Route, report: RouteCheck | None = None) -> AircraftSpec | None:
    """The type the checks used, else the route's own, else ``None``."""
    if report is not None and report.aircraft is not None:
        return report.aircraft
    if not route.aircraft:
        return None
    from flightlegs.reference.aircraft import lookup_aircraft

    try:
        return lookup_aircraft(route.aircraft)
    except FlightlegsError:  # an unknown type: no speed or range, said in the title box
        return None


def _aloft_text(leg: Leg, spec: AircraftSpec | None) -> str:
    speed = spec.cruise_ktas if spec is not None else None
    if speed is None or not leg.is_measured:
        return ""
    fast, slow = leg.nm / speed.high, leg.nm / speed.low
    hours = duration(fast) if speed.is_exact else f"{duration(fast)}–{duration(slow)}"
    return f"≈ {hours} aloft at {speed} kt"


def _findings(
    report: RouteCheck | None, *, leg: int | None = None, stop: int | None = None
) -> list[Finding]:
    """Findings about leg number ``leg`` (1-based) or stop index ``stop`` (0-based)."""
    if report is None:
        return []
    return [
        f
        for f in report.findings
        if (leg is not None and f.leg == leg) or (stop is not None and f.stop == stop)
    ]


def _findings_html(findings: Iterable[Finding]) -> str:
    items = [
        f'<li><b class="fl-{_esc(f.severity)}">{_esc(f.check)}</b>: {_esc(f.message)}</li>'
        for f in findings
    ]
    return f'<ul class="fl-findings">{"".join(items)}</ul>' if items else ""


def _leg_html(route: Route, leg: Leg, verdict: str, spec: AircraftSpec | None) -> str:
    lines = [
        f"<b>{_esc(route.name)}</b> leg {leg.number}: "
        f"{_esc(leg.origin.label)} → {_esc(leg.destination.label)}",
        leg_distance(leg),
        _esc(_aloft_text(leg, spec)),
        f'verdict: <b class="fl-{verdict}">{verdict}</b>',
    ]
    return "<br>".join(line for line in lines if line)


def _stop_section(route: Route, number: int, report: RouteCheck | None) -> str:
    stop = route.stops[number - 1]
    best = stop.airport
    rows = [("Name in the input", _esc(stop.name)), ("Kind", _esc(stop.kind))]
    if best is not None:
        codes = " / ".join(c for c in (best.iata, best.icao or best.ident) if c)
        rows += [("Airport", _esc(best.name)), ("Codes", _esc(codes))]
        place = airport_place(best)
        if place:
            rows.append(("Place", _esc(place)))
        if best.longest_runway_ft:
            rows.append(("Longest runway", f"{best.longest_runway_ft:,.0f} ft"))
    elif stop.point is not None:
        rows.append(("Position", _esc(stop.point)))
    if stop.is_vague:
        rows.append(
            ("Candidates", f"{len(stop.candidates)} airports; the others are small circles")
        )
    if stop.reason:
        rows.append(("Why this one", _esc(stop.reason)))
    if stop.arrival is not None:
        rows.append(("Arrival", _esc(stop.arrival.isoformat())))
    if stop.departure is not None:
        rows.append(("Departure", _esc(stop.departure.isoformat())))
    if route.source:
        rows.append(("Source", _linked(route.source)))
    parts = [f"<b>Stop {number}: {_esc(stop.label)}</b><table>"]
    parts += [f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows]
    parts.append("</table>")
    if stop.evidence is not None:
        parts.append(f"<blockquote>“{_linked(stop.evidence.sentence)}”</blockquote>")
    parts.append(_findings_html(_findings(report, stop=number - 1)))
    return "".join(parts)


def _stop_html(route: Route, numbers: list[int], report: RouteCheck | None) -> str:
    """The popup of a marker: one section per stop at that place, in flight order."""
    sections = "<hr>".join(_stop_section(route, n, report) for n in numbers)
    return f'<div class="fl-popup"><div class="fl-route">{_esc(route.name)}</div>{sections}</div>'


# ---------------------------------------------------------------------- folium pieces


def _folium() -> Any:
    try:
        import folium
        import folium.plugins
    except ImportError as err:  # pragma: no cover - folium is a dependency
        raise MissingDependencyError("maps need folium: pip install folium") from err
    return folium


_DATA_KEY: Final = "flightlegs_data"


@functools.cache
def _geojson_class() -> type:
    """``folium.GeoJson`` whose data is put into the page after rendering.

    branca compiles every rendered script again as a Jinja template; for the
    megabytes of a many-route map that second pass takes about a second. This
    layer builds its style map from all features, as ``GeoJson.render`` does,
    then renders with only the first feature (enough for the tooltip's field
    check) and a marker; :func:`render_map` swaps the whole data in, compact
    and escaped as folium escapes JSON (``<``, ``>``, ``&``, ``'``).
    """
    import folium
    from folium.features import GeoJsonStyleMapper
    from folium.map import Layer
    from folium.utilities import get_obj_in_upper_tree

    class _GeoJsonData(folium.GeoJson):
        def render(self, **kwargs: Any) -> None:  # type: ignore[override]
            data = self.data
            self.parent_map = get_obj_in_upper_tree(self, folium.Map)  # type: ignore[assignment]
            if self.style and data["features"]:
                mapper = GeoJsonStyleMapper(data, self.feature_identifier, self)
                self.style_map = mapper.get_style_map(self.style_function)
            self.data = _placeholder(data, self._id)
            try:
                Layer.render(self, **kwargs)  # type: ignore[no-untyped-call]  # GeoJson.render's work is done above
            finally:
                self.data = data

    return _GeoJsonData


def _placeholder(data: dict[str, Any], key: str) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": data["features"][:1], _DATA_KEY: key}


def _swap_in_data(page: str, root: Any, ids: dict[str, str]) -> str:
    """Put each placeholder layer's data into the rendered page (see :func:`_geojson_class`).

    ``ids`` maps folium's ids to the stable ones already in ``page``.
    """
    from jinja2.utils import htmlsafe_json_dumps

    layer_class: Any = _geojson_class()
    element: Any
    for element in _elements(root):
        if not isinstance(element, layer_class):
            continue
        # the placeholder as the template's tojson filter wrote it, with the id renamed
        policy = element._template.environment.policies["json.dumps_kwargs"]
        placeholder = str(htmlsafe_json_dumps(_placeholder(element.data, element._id), **policy))
        placeholder = placeholder.replace(element._id, ids.get(element._id) or element._id)
        if page.count(placeholder) != 1:  # pragma: no cover - only a folium change does this
            raise RuntimeError("cannot find the data placeholder of a GeoJSON layer")
        data = json.dumps(element.data, ensure_ascii=False, separators=(",", ":"))
        page = page.replace(placeholder, data.translate(_JSON_ESCAPES), 1)
    return page


_JSON_ESCAPES: Final = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}
)


def _control_class() -> type:
    """A MacroElement that adds static HTML to the map as a Leaflet control.

    The HTML travels as a JSON string (``tojson`` escapes ``<``, ``>``, ``&``
    and ``'``), so it cannot end the script; text from the input in it must
    already be escaped with :func:`_esc`.
    """
    from branca.element import MacroElement
    from jinja2 import Template

    class _HtmlControl(MacroElement):
        _template = Template(
            """
{% macro script(this, kwargs) %}
(function () {
    var div = L.DomUtil.create("div", {{ this.css_class|tojson }});
    div.innerHTML = {{ this.content|tojson }};
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    {%- if this.position %}
    var control = L.control({position: {{ this.position|tojson }}});
    control.onAdd = function () { return div; };
    control.addTo({{ this._parent.get_name() }});
    {%- else %}
    {{ this._parent.get_name() }}.getContainer().appendChild(div);
    {%- endif %}
})();
{% endmacro %}
"""
        )

        def __init__(self, content: str, css_class: str, position: str | None) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "HtmlControl"
            self.content = content
            self.css_class = css_class
            self.position = position

    return _HtmlControl


_CSS: Final = """<style>
.fl-title{position:absolute;top:10px;left:50%;transform:translateX(-50%);z-index:1000;
  max-width:70%;background:rgba(255,255,255,.93);padding:6px 14px;border-radius:6px;
  box-shadow:0 1px 5px rgba(0,0,0,.35);font:14px/1.35 system-ui,sans-serif;text-align:center}
.fl-title h1{font-size:17px;margin:0 0 2px 0;font-weight:600}
.fl-title .fl-sub{color:#444;font-size:12.5px}
.fl-title .fl-note{color:#b35806;font-size:12px}
.fl-legend{background:rgba(255,255,255,.93);padding:6px 10px;border-radius:6px;
  box-shadow:0 1px 5px rgba(0,0,0,.35);font:12px/1.5 system-ui,sans-serif}
.fl-legend b{display:block;margin-bottom:2px}
.fl-swatch{display:inline-block;width:26px;height:0;border-top:4px solid;vertical-align:middle;
  margin-right:6px}
.fl-swatch.fl-dashed{border-top-style:dashed}
.fl-dot{display:inline-block;width:16px;height:16px;border-radius:50%;color:#fff;
  font-size:10px;line-height:16px;text-align:center;vertical-align:middle;margin:0 6px 0 5px}
.fl-dot.fl-pill{width:auto;border-radius:8px;padding:0 4px;font-size:9px}
.fl-small{display:inline-block;width:9px;height:9px;border-radius:50%;border:2px solid #b35806;
  background:#fdb863;vertical-align:middle;margin:0 10px 0 8px}
.fl-stop{height:24px;border-radius:12px;color:#fff;font:bold 12px/20px system-ui,
  sans-serif;text-align:center;border:2px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.6);
  box-sizing:border-box;white-space:nowrap}
.fl-popup{font:13px/1.4 system-ui,sans-serif;max-width:340px}
.fl-popup table{border-collapse:collapse;margin-top:4px}
.fl-popup th{text-align:left;font-weight:normal;color:#555;padding:1px 8px 1px 0;
  vertical-align:top;white-space:nowrap}
.fl-popup td{padding:1px 0;overflow-wrap:anywhere}
.fl-popup hr{margin:8px 0;border:0;border-top:1px solid #ccc}
.fl-popup blockquote{margin:6px 0 0 0;overflow-wrap:anywhere;padding:2px 8px;
  border-left:3px solid #bbb;color:#333;font-style:italic}
.fl-route{color:#666;font-size:12px}
.fl-findings{margin:6px 0 0 0;padding-left:18px}
.fl-ok{color:#1a9850}.fl-warning{color:#e08214}.fl-implausible{color:#d73027}
.fl-unchecked{color:#2c7fb8}
path.leaflet-interactive:focus{outline:none}
.folium-map.leaflet-container{background:#cfdce6}
</style>"""


def _legend_html(*, verdicts: set[str], vague: bool, rings: bool, many: bool, single: bool) -> str:
    rows = ["<b>Legs</b>"]
    for verdict in (v for v in VERDICT_COLOURS if v in verdicts):
        rows.append(
            f'<div><span class="fl-swatch" style="border-color:{VERDICT_COLOURS[verdict]}"></span>'
            f"{verdict}</div>"
        )
    if vague:
        rows.append(
            '<div><span class="fl-swatch fl-dashed" style="border-color:#666"></span>'
            "from or to a vague stop</div>"
        )
    rows.append("<b>Stops</b>")
    if many:
        rows.append(
            f'<div><span class="fl-small" style="border-color:{_STOP_COLOURS["airport"]};'
            'background:#fff"></span>stop (hover for names)</div>'
        )
    elif single:
        rows.append(
            f'<div><span class="fl-dot" style="background:{_STOP_COLOURS["airport"]}">1</span>'
            "airport, in flight order</div>"
        )
    else:
        rows.append(
            f'<div><span class="fl-dot fl-pill" style="background:{_STOP_COLOURS["airport"]}">'
            "ANC</span>airport (click: its routes)</div>"
        )
    if vague and not many:
        sample = "2" if single else "ELP?"
        pill = "" if single else " fl-pill"
        rows.append(
            f'<div><span class="fl-dot{pill}" style="background:{_STOP_COLOURS["vague"]}">'
            f"{sample}</span>best guess for a vague stop</div>"
            '<div><span class="fl-small"></span>other candidate airports</div>'
        )
    if rings:
        rows.append(
            '<div><span class="fl-swatch fl-dashed" style="border-color:#6a3d9a"></span>'
            "range ring</div>"
        )
    return "".join(rows)


def _brief(message: str, limit: int = 110) -> str:
    """A finding as the title box shows it: its first clause, cut at a word.

    Examples
    --------
    >>> _brief("The reader set aside 4 places the input names (United States: no cue)", 40)
    'The reader set aside 4 places the input…'
    """
    head = message.split(" (")[0]
    if len(head) <= limit:
        return head
    return head[:limit].rsplit(" ", 1)[0] + "…"


def _title_html(title: str, layout: _Layout, checks: list[RouteCheck] | None) -> str:
    routes = layout.routes
    subtitle: list[str] = []
    notes: list[str] = []
    if len(routes) == 1:
        route = routes[0]
        if route.aircraft:
            subtitle.append(_esc(route.aircraft))
        if route.date:
            subtitle.append(_esc(route.date.isoformat()))
        subtitle.append(f"{len(route.stops)} stops")
        if any(leg.is_measured for leg in layout.legs[0]):
            subtitle.append(f"{km_nm(total_m(layout.legs[0]))} in all")
        report = _check(checks, 0)
        if report is not None:
            verdict = _esc(report.verdict)
            subtitle.append(f'verdict: <b class="fl-{verdict}">{verdict}</b>')
        elif route.aircraft and _aircraft(route) is None:
            notes.append(f"aircraft {_esc(route.aircraft)} is not in the table")
        if report is not None:
            notes += [
                f'<b class="fl-{_esc(f.severity)}">{_esc(f.check)}</b>: {_esc(_brief(f.message))}'
                for f in report.findings
                if f.leg is None and f.stop is None and f.severity is not Severity.OK
            ]
    else:
        count = sum(len(legs) for legs in layout.legs)
        if title != f"{len(routes):,} routes":
            subtitle.append(f"{len(routes):,} routes")
        subtitle.append(f"{count:,} legs")
    unplaced = [s for r in routes for s in r.stops if s.position is None]
    if unplaced:
        names = ", ".join(_esc(s.name) for s in unplaced[:5])
        more = f" and {len(unplaced) - 5} more" if len(unplaced) > 5 else ""
        notes.append(f"not on the map (no position): {names}{more}")
    out = f"<h1>{_esc(title)}</h1>"
    if subtitle:
        out += f'<div class="fl-sub">{" · ".join(subtitle)}</div>'
    out += "".join(f'<div class="fl-note">{note}</div>' for note in notes)
    return out


def _tile_layer(folium: Any, tiles: Any, attribution: str | None) -> Any:
    provider = resolve_tiles(tiles, attribution)
    if provider is None:
        return None
    return folium.TileLayer(provider, name=_esc(provider.name), control=False)


def _stop_colour(stop: Stop) -> str:
    if stop.is_vague:
        return _STOP_COLOURS["vague"]
    return _STOP_COLOURS["point" if stop.kind is StopKind.COORDINATES else "airport"]


def _ring_radii_m(
    route: Route, report: RouteCheck | None, ring: Ring, ring_nm: float | None
) -> list[tuple[float, str]]:
    """The radii of a ring, in metres, each with the words for its tooltip."""
    if ring.radius_m is not None:
        return [(ring.radius_m, ring.text.partition("@")[0].strip())]
    if ring_nm is not None:
        return [(ring_nm * METRES_PER["nm"], f"{ring_nm:,.0f} nm")]
    spec = _aircraft(route, report)
    reach = spec.range_nm if spec is not None else None
    if spec is None or reach is None:
        return []
    what = f"published range of {spec.name}"
    nm = METRES_PER["nm"]
    if reach.is_exact:
        return [(reach.high * nm, f"{reach.high:,.0f} nm, {what}")]
    return [(reach.low * nm, f"{reach.low:,.0f} nm, shortest {what}"),
            (reach.high * nm, f"{reach.high:,.0f} nm, longest {what}")]  # fmt: skip


def _ring_stops(route: Route, ring: Ring) -> list[int]:
    """Indexes of the stops a ring names by stop number or code."""
    text = ring.where.strip()
    if text.isdigit():
        return [int(text) - 1] if 1 <= int(text) <= len(route.stops) else []
    key = text.upper()
    return [
        i
        for i, s in enumerate(route.stops)
        if key in {s.code.upper(), s.name.upper()}
        or (s.airport is not None and key in {s.airport.icao or "", s.airport.ident})
    ]


def _ring_airport(ring: Ring) -> Stop | None:
    """An airport off the routes that a ring with a radius names (``1000@JFK``), or None."""
    if ring.radius_m is None or ring.where.isdigit():
        return None
    from flightlegs.reference.airports import airport_table

    try:
        return Stop.at_airport(airport_table().by_code(ring.where.strip().upper()))
    except FlightlegsError:
        return None


# ---------------------------------------------------------------------- the map


def route_map(
    routes: Route | Sequence[Route],
    *,
    checks: Checks | None = None,
    title: str | None = None,
    rings_from: Sequence[int | str | Ring] = (),
    ring_nm: float | None = None,
    tiles: Any = DEFAULT_TILES,
    attribution: str | None = None,
    assets: Assets = "inline",
    reports: Checks | None = None,
) -> folium.Map:
    """An interactive map of routes.

    Parameters
    ----------
    routes
        One route or several. More than :data:`MANY_ROUTES` are drawn as one
        GeoJSON layer of legs and one of stops.
    checks
        The :func:`~flightlegs.checks.rules.check_routes` results: a
        ``CheckResults`` or one ``RouteCheck`` per route. Legs are coloured by
        the worst severity of their findings, and popups quote the findings.
        Without checks every leg is ``unchecked``.
    title
        Title shown on the map and in the page's ``<title>``; by default the
        route's name, or the number of routes.
    rings_from
        Range rings: 1-based stop numbers or codes (``3``, ``"ANC"``), looked up
        in every route, or Great Circle Mapper's ``"1000@JFK"`` / ``"1800km@ANC"``
        (see :mod:`flightlegs.show.rings`), whose airport need not be a stop.
        The opening view holds every ring.
    ring_nm
        Radius in nautical miles of rings given without one; by default the
        published range of the route's aircraft (two rings when a family's
        ranges differ).
    tiles
        A tile name as folium or xyzservices write it, in any case
        (``"OpenStreetMap"``, ``"Esri.WorldImagery"``), a URL template
        ``https://.../{z}/{x}/{y}.png`` (with ``attribution``), an
        ``xyzservices.TileProvider``, or ``None``/``"none"``.
    attribution
        Who made the tiles, as plain text; needed with a URL template.
    assets
        ``"inline"`` (default): Leaflet, its plugins and a Natural Earth
        basemap drawn under the tiles are carried in the page, which then works
        with no network. ``"cdn"``: the page links them from CDNs, as folium
        does, and has no basemap; it is ~7 times smaller.
    reports
        The name of ``checks`` before 0.2 (deprecated).

    Returns
    -------
    folium.Map
        However it is shown (in Jupyter, with ``m.save()``, :func:`save_map`
        or :func:`render_map`), it gives the same complete, deterministic page.

    Raises
    ------
    InputError
        No routes; a report count that does not match; unknown tiles; a ring
        stop that matches nothing; rings without a radius.
    """
    from flightlegs import __version__

    fm = _folium()
    route_list = [routes] if isinstance(routes, Route) else list(routes)
    if not route_list:
        raise InputError("no routes to map")
    if assets not in ("inline", "cdn"):
        raise InputError(f"assets {assets!r}: expected 'inline' or 'cdn'")
    checks = _renamed_checks(checks, reports, "route_map")
    checked = check_list(route_list, checks)
    if ring_nm is not None and not (math.isfinite(ring_nm) and 0 < ring_nm < 10_800):
        raise InputError(f"ring radius {ring_nm} nm: expected a number between 0 and 10,800")
    rings = [r if isinstance(r, Ring) else parse_ring(r) for r in rings_from]
    many = len(route_list) > MANY_ROUTES
    layout = _layout(route_list, checked, many)
    if title is None:
        title = route_list[0].name if len(route_list) == 1 else f"{len(route_list):,} routes"
    tile_layer = _tile_layer(fm, tiles, attribution)

    # zoom_snap: fitting the route to the view may pick quarter zoom levels, so the padding
    # that keeps it clear of the legend does not cost a whole zoom level
    m: folium.Map = fm.Map(
        location=None, tiles=None, control_scale=True, prefer_canvas=many, zoom_snap=0.25
    )
    figure: Any = _figure_class()(assets)
    figure.add_child(m)  # instead of the plain Figure folium made: it renders the whole page
    figure.title = _esc(title)
    figure.header.add_child(
        _static(f'<meta name="generator" content="{GENERATOR} {_esc(__version__)}">'),
        name="generator",
    )
    figure.header.add_child(_static(_CSS), name="flightlegs_css")
    figure.header.add_child(_static(_marker(HELPERS)), name="flightlegs_js")
    if tile_layer is not None:
        tile_layer.add_to(m)

    vague = any(s.is_vague for r in route_list for s in r.stops)
    if many:
        _draw_many(fm, m, layout)
    else:
        _draw_few(fm, m, layout, checked)
    ring_points = _draw_rings(fm, m, layout, checked, rings, ring_nm)

    control = _control_class()
    control(_title_html(title, layout, checked), "fl-title", None).add_to(m)
    verdicts = {v for route_verdicts in layout.verdicts for v in route_verdicts}
    legend = _legend_html(
        verdicts=verdicts,
        vague=vague,
        rings=bool(ring_points),
        many=many,
        single=len(route_list) == 1,
    )
    control(legend, "fl-legend", "bottomleft").add_to(m)
    fm.plugins.Fullscreen(position="topleft").add_to(m)
    fm.plugins.MeasureControl(
        position="topleft", primary_length_unit="kilometers", secondary_length_unit="miles"
    ).add_to(m)
    fm.LayerControl(position="topright", collapsed=False).add_to(m)
    _helpers_class()(basemap=assets == "inline").add_to(m)
    bounds = _union_bounds(layout.bounds(), ring_points)
    if bounds is not None:
        # keep the route clear of the title (top) and the legend (bottom left, ~160 px tall)
        m.fit_bounds(bounds, padding_top_left=(40, 90), padding_bottom_right=(40, 170), max_zoom=9)
    return m


def _union_bounds(
    bounds: list[list[float]] | None, paths: Sequence[FloatArray]
) -> list[list[float]] | None:
    """South-west and north-east corners holding ``bounds`` and every path.

    Examples
    --------
    >>> _union_bounds([[10.0, 20.0], [30.0, 40.0]], [np.array([[5.0, 25.0], [35.0, 45.0]])])
    [[5.0, 20.0], [35.0, 45.0]]
    """
    corners = [np.asarray(bounds, dtype=np.float64)] if bounds is not None else []
    corners += [p for p in paths if len(p)]
    if not corners:
        return None
    points = np.concatenate(corners)
    south, west = points.min(axis=0).tolist()
    north, east = points.max(axis=0).tolist()
    return [[south, west], [north, east]]


def _static(markup: str) -> Any:
    """A branca Element holding fixed markup written here (never input: it is a template)."""
    from branca.element import Element

    return Element(markup)


def _copies(path: FloatArray, centre: float) -> list[FloatArray]:
    """The path, plus a copy one world away when it runs out of the window.

    Only routes that together span more than 360 degrees of longitude have
    such arcs; with the copy both ends of the arc meet their stops' markers.
    """
    out = [path]
    lons = path[:, 1]
    if lons.max() > centre + 180.0:
        out.append(path - np.array([0.0, 360.0]))
    if lons.min() < centre - 180.0:
        out.append(path + np.array([0.0, 360.0]))
    return out


def _stop_icon(folium: Any, label: str, colour: str) -> Any:
    width = 24 if len(label) <= 2 else 10 + 8 * len(label)
    return folium.DivIcon(
        html=f'<div class="fl-stop" style="background:{colour};width:{width}px">{label}</div>',
        icon_size=(width, 24),
        icon_anchor=(width // 2, 12),
        class_name="fl-marker",
    )


def _draw_few(folium: Any, m: Any, layout: _Layout, checks: list[RouteCheck] | None) -> None:
    legs_group = folium.FeatureGroup(name="Legs").add_to(m)
    stops_group = folium.FeatureGroup(name="Stops").add_to(m)
    candidates_group = None
    # one marker per place: "1, 6" for a route that returns to an airport; with several
    # routes, the code of the airport, and a popup section per route and stop
    places: dict[tuple[float, float], list[tuple[int, int]]] = {}
    for index, route in enumerate(layout.routes):
        report = checks[index] if checks is not None else None
        spec = _aircraft(route, report)
        for leg, verdict, path in zip(
            layout.legs[index], layout.verdicts[index], layout.paths[index], strict=True
        ):
            if path is None:
                continue
            text = _leg_html(route, leg, verdict, spec)
            findings = _findings_html(_findings(report, leg=leg.number))
            popup = f'<div class="fl-popup">{text}{findings}</div>'
            for copy in _copies(path, layout.centre):
                folium.PolyLine(
                    _coords(copy),
                    color=VERDICT_COLOURS[verdict],
                    weight=4,
                    opacity=0.9,
                    dash_array="10 5" if leg.is_range else None,
                    tooltip=folium.Tooltip(text, sticky=True),
                    popup=folium.Popup(popup, max_width=360, **_POPUP),
                ).add_to(legs_group)
        for number, stop in enumerate(route.stops, start=1):
            pos = stop.position
            if pos is not None:
                key = (round(pos.lat, 6), round(pos.lon, 6))
                places.setdefault(key, []).append((index, number))
    single = len(layout.routes) == 1
    for visits in places.values():
        index, number = visits[0]
        route = layout.routes[index]
        stop = route.stops[number - 1]
        pos = stop.position
        assert pos is not None  # only placed stops are in `places`
        if single:
            label = ", ".join(str(n) for _, n in visits)
            tooltip = " · ".join(f"{n}. {_esc(route.stops[n - 1].label)}" for _, n in visits)
        else:
            label = _esc(stop.code if stop.candidates else "·") + ("?" if stop.is_vague else "")
            count = len({i for i, _ in visits})
            tooltip = f"{_esc(stop.label)}: {len(visits)} stops on {count} routes"
        sections = []
        for i in sorted({i for i, _ in visits}):
            numbers = [n for j, n in visits if j == i]
            sections.append(_stop_html(layout.routes[i], numbers, _check(checks, i)))
        folium.Marker(
            (pos.lat, layout.shift(pos.lon)),
            icon=_stop_icon(folium, label, _stop_colour(stop)),
            tooltip=folium.Tooltip(tooltip),
            popup=folium.Popup("<hr>".join(sections), max_width=380, **_POPUP),
        ).add_to(stops_group)
    for route in layout.routes:
        for number, stop in enumerate(route.stops, start=1):
            if not stop.is_vague:
                continue
            if candidates_group is None:
                candidates_group = folium.FeatureGroup(name="Other candidate airports")
                candidates_group.add_to(m)
            others = stop.candidates[1 : 1 + _MAX_CANDIDATES]
            for rank, airport in enumerate(others, start=2):
                text = (
                    f"Candidate {rank} of {len(stop.candidates)} for stop {number} "
                    f"({_esc(stop.name)}) of {_esc(route.name)}:<br>{_esc(airport.label)}"
                )
                folium.CircleMarker(
                    (airport.position.lat, layout.shift(airport.position.lon)),
                    radius=5,
                    color=_STOP_COLOURS["vague"],
                    weight=2,
                    fill=True,
                    fill_color="#fdb863",
                    fill_opacity=0.9,
                    tooltip=folium.Tooltip(text),
                    popup=folium.Popup(f'<div class="fl-popup">{text}</div>', max_width=300),
                ).add_to(candidates_group)


def _check(checks: list[RouteCheck] | None, index: int) -> RouteCheck | None:
    return checks[index] if checks is not None else None


def _lon_lat_lists(paths: list[FloatArray]) -> list[list[list[float]]]:
    """Rounded ``[lon, lat]`` lists of many paths, converted in one numpy call (10x faster)."""
    if not paths:
        return []
    flat = np.round(np.concatenate(paths)[:, ::-1], _DIGITS).tolist()
    ends = np.cumsum([len(p) for p in paths]).tolist()
    return [flat[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)]


def _draw_many(folium: Any, m: Any, layout: _Layout) -> None:
    features: list[dict[str, Any]] = []
    stops: dict[tuple[float, float], dict[str, Any]] = {}
    copies = [
        [_copies(p, layout.centre) if p is not None else [] for p in paths]
        for paths in layout.paths
    ]
    lines = iter(_lon_lat_lists([c for route in copies for leg in route for c in leg]))
    for route, legs, verdicts, route_copies in zip(
        layout.routes, layout.legs, layout.verdicts, copies, strict=True
    ):
        name = _esc(route.name)
        for leg, verdict, leg_copies in zip(legs, verdicts, route_copies, strict=True):
            properties = {
                "route": name,
                "leg": f"{leg.number}: {_esc(leg.origin.label)} → {_esc(leg.destination.label)}",
                "distance": leg_distance(leg),
                "verdict": verdict,
                "vague": leg.is_range,
            }
            for _ in leg_copies:
                features.append(
                    {
                        "type": "Feature",
                        "id": len(features),
                        "properties": properties,
                        "geometry": {"type": "LineString", "coordinates": next(lines)},
                    }
                )
        for stop in route.stops:
            pos = stop.position
            if pos is None:
                continue
            lon = round(layout.shift(pos.lon), _DIGITS)
            key = (round(pos.lat, _DIGITS), lon)
            entry = stops.get(key)
            if entry is None:
                airport = stop.airport
                stops[key] = {
                    "type": "Feature",
                    "id": len(stops),
                    "properties": {
                        "stop": _esc(stop.label),
                        "airport": _esc(airport.name) if airport else "",
                        "routes": 1,
                    },
                    "geometry": {"type": "Point", "coordinates": [lon, key[0]]},
                }
            else:
                entry["properties"]["routes"] += 1

    def leg_style(feature: dict[str, Any]) -> dict[str, Any]:
        properties = feature["properties"]
        style = {"color": VERDICT_COLOURS[properties["verdict"]], "weight": 2, "opacity": 0.75}
        return {**style, "dashArray": "6 4"} if properties["vague"] else style

    geojson = _geojson_class()
    geojson(
        {"type": "FeatureCollection", "features": features},
        name="Legs",
        style_function=leg_style,
        zoom_on_click=False,
        tooltip=folium.GeoJsonTooltip(
            fields=["route", "leg", "distance", "verdict"],
            aliases=["Route", "Leg", "Distance", "Verdict"],
            sticky=True,
        ),
    ).add_to(m)
    geojson(
        {"type": "FeatureCollection", "features": list(stops.values())},
        name="Stops",
        marker=folium.CircleMarker(
            radius=3, weight=1, color=_STOP_COLOURS["airport"], fill=True, fill_opacity=1.0
        ),
        style_function=lambda _: {"fillColor": "#ffffff"},
        zoom_on_click=False,
        tooltip=folium.GeoJsonTooltip(
            fields=["stop", "airport", "routes"], aliases=["Stop", "Airport", "Routes"]
        ),
    ).add_to(m)


def _draw_rings(
    folium: Any,
    m: Any,
    layout: _Layout,
    checks: list[RouteCheck] | None,
    rings: Sequence[Ring],
    ring_nm: float | None,
) -> list[FloatArray]:
    """Draw the range rings; return their points, for the opening view to fit them."""
    if not rings:
        return []
    group = folium.FeatureGroup(name="Range rings").add_to(m)
    drawn: dict[tuple[float, float, float], FloatArray] = {}
    unmatched: list[str] = []

    def draw(stop: Stop, radius_m: float, what: str) -> None:
        pos = stop.position
        if pos is None:
            return
        key = (round(pos.lat, 6), round(pos.lon, 6), round(radius_m, 3))
        if key in drawn:
            return
        ring = circle(LatLon(pos.lat, pos.lon), radius_m)
        # A ring around a pole spans 360 degrees of longitude; put the copy whose
        # point on the equator side of the stop lies below the stop on screen.
        anchor = ring[len(ring) // 2 if pos.lat >= 0 else 0, 1]
        turns = round((float(anchor) - pos.lon) / 360.0)
        ring[:, 1] += layout.shift(pos.lon) - pos.lon - 360.0 * turns
        drawn[key] = ring
        folium.PolyLine(
            _coords(ring),
            color="#6a3d9a",
            weight=2,
            opacity=0.8,
            dash_array="6 6",
            tooltip=folium.Tooltip(f"Range ring from {_esc(stop.label)}: {_esc(what)}"),
        ).add_to(group)

    for ring in rings:
        found = False
        for index, route in enumerate(layout.routes):
            indexes = _ring_stops(route, ring)
            if not indexes:
                continue
            found = True
            radii = _ring_radii_m(route, _check(checks, index), ring, ring_nm)
            if not radii:
                raise InputError(
                    f"route {route.name!r}: range rings need a radius (1000nm@ANC, "
                    "--ring-nm) or a known aircraft type"
                )
            for i in indexes:
                for radius_m, what in radii:
                    draw(route.stops[i], radius_m, what)
        if not found:
            airport = _ring_airport(ring)
            if airport is None or ring.radius_m is None:
                unmatched.append(ring.text or ring.where)
                continue
            draw(airport, ring.radius_m, ring.text.partition("@")[0].strip())
    if unmatched:
        what = "range ring {} matches" if len(unmatched) == 1 else "range rings {} match"
        raise InputError(
            f"{what.format(', '.join(unmatched))} no stop; give stop numbers (1, 2, ...) "
            "or codes, or DISTANCE@AIRPORT such as 1000nm@JFK"
        )
    return list(drawn.values())


# ---------------------------------------------------------------------- output

_RANDOM_ID = re.compile(r"[0-9a-f]{32}")


def _elements(root: Any) -> Iterator[Any]:
    """Every element reachable from ``root``: children and elements held in attributes."""
    from branca.element import Element

    seen: set[int] = set()
    stack = [root]
    while stack:
        element = stack.pop()
        if id(element) in seen:
            continue
        seen.add(id(element))
        yield element
        for key, value in vars(element).items():
            if key == "_parent":
                continue
            if isinstance(value, Element):
                stack.append(value)
            elif key == "_children":
                stack.extend(value.values())


def _marker(name: str) -> str:
    """Where the file ``name`` of ``data/web/`` goes in the page.

    It starts with ``<``, which text from the input never brings into the page
    unescaped, so input cannot forge it.
    """
    return f"<!--flightlegs:{name}-->"


_BASEMAP_MARKER: Final = "/*<flightlegs:basemap>*/null"


def _helpers_class() -> type:
    """A MacroElement that keeps popups clear of the boxes and draws the basemap."""
    from branca.element import MacroElement
    from jinja2 import Template

    class _Helpers(MacroElement):
        _template = Template(
            """
{% macro script(this, kwargs) %}
flightlegs.popupsClear({{ this._parent.get_name() }});
{%- if this.basemap %}
flightlegs.basemap({{ this._parent.get_name() }}, """
            + _BASEMAP_MARKER
            + """);
{%- endif %}
{% endmacro %}
"""
        )

        def __init__(self, basemap: bool) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "Helpers"
            self.basemap = basemap

    return _Helpers


@functools.cache
def _figure_class() -> type:
    """The page of a flightlegs map: a branca Figure whose ``render`` finishes the page.

    folium's ``Map.save``, ``Map._repr_html_`` (Jupyter) and :func:`render_map`
    all render the map's root figure, so whatever a user does with the map,
    the page is the same: stable ids, the full GeoJSON data of a many-route map,
    and (with ``assets="inline"``) Leaflet, its plugins and the basemap inline.
    """
    from branca.element import CssLink, Element, Figure, JavascriptLink

    class _RouteFigure(Figure):
        def __init__(self, assets: Assets) -> None:
            super().__init__()
            self.assets = assets

        def render(self, **kwargs: Any) -> str:
            # folium's render adds elements to the tree (a marker gets another SetIcon
            # each time), so every child list is put back afterwards: rendering twice
            # gives the same page
            before = [(element, element._children.copy()) for element in _elements(self)]
            try:
                # Figure.render, with folium's CDN links swapped for markers in between
                for child in self._children.values():
                    child.render(**kwargs)
                if self.assets == "inline":
                    header = self.header._children
                    for name, child in list(header.items()):
                        if not isinstance(child, JavascriptLink | CssLink):
                            continue
                        if name in FOLIUM_LINKS:
                            header[name] = Element(_marker(FOLIUM_LINKS[name]))
                        elif name in UNUSED_LINKS:
                            del header[name]
                page = self._template.render(this=self, kwargs=kwargs)
                return _finish_page(page, self)
            finally:
                for element, children in before:
                    element._children = children

    return _RouteFigure


def _finish_page(page: str, root: Any) -> str:
    """Stable ids, the many-route data and the inline files, put into a rendered page."""
    ids = {element._id for element in _elements(root)}
    stable: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        found = match.group(0)
        if found not in ids:
            return found
        return stable.setdefault(found, f"fl{len(stable) + 1}")

    page = _swap_in_data(_RANDOM_ID.sub(replace, page), root, stable)
    if _BASEMAP_MARKER in page:
        from flightlegs.show.assets import BASEMAP, asset_text

        page = page.replace(_BASEMAP_MARKER, asset_text(BASEMAP).strip(), 1)
    for name in {HELPERS, *FOLIUM_LINKS.values()}:
        marker = _marker(name)
        if marker in page:
            page = page.replace(marker, inline_tag(name), 1)
    return page


def render_map(m: folium.Map) -> str:
    """The map's page, as ``m.save()`` and Jupyter show it.

    For a map made by :func:`route_map` the page is complete and deterministic:
    folium's random element ids are replaced by ids numbered in order of first
    appearance (only ids of the map's own elements, never other text), so the
    same map always renders to the same bytes. Other folium maps get the same
    stable ids.
    """
    root = m.get_root()
    if isinstance(root, _figure_class()):
        return str(root.render())
    return _finish_page(root.render(), root)


def is_flightlegs_map(path: Path | str) -> bool:
    """Whether the file at ``path`` is a map written by flightlegs (by its generator tag)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return f'<meta name="generator" content="{GENERATOR} '.encode() in head


def save_map(m: folium.Map, path: Path | str) -> Path:
    """Write the map as deterministic HTML (see :func:`render_map`); return the path.

    Parent folders are created. The file is replaced atomically, so a reader
    never sees half a map.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, render_map(m))
    return target
