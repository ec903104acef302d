/* flightlegs map helpers: the offline basemap and popups that open clear of the title
 * and the legend. Written for flightlegs (MIT), not vendored; see data/web/README.md. */
var flightlegs = (function () {
  "use strict";

  // basemap.json stores each line as [lon0, lat0, dlon1, dlat1, ...] in 1/quantum degree
  function decode(flat, quantum, offset) {
    var points = [], lon = 0, lat = 0;
    for (var i = 0; i < flat.length; i += 2) {
      lon += flat[i];
      lat += flat[i + 1];
      points.push([lat / quantum, lon / quantum + offset]);
    }
    return points;
  }

  // Land and borders in a pane under the tiles: hidden by tiles that load, the only
  // base map when they cannot. Three copies of the world cover the map's longitude
  // window (which may run past +/-180) wherever it is panned.
  function basemap(map, data) {
    var pane = map.createPane("flBasemap");
    pane.style.zIndex = 150;  // the tile pane is 200
    pane.style.pointerEvents = "none";
    var renderer = L.canvas({ pane: "flBasemap", padding: 0.5 });
    var land = [], borders = [];
    [-360, 0, 360].forEach(function (offset) {
      data.land.forEach(function (ring) { land.push(decode(ring, data.quantum, offset)); });
      data.borders.forEach(function (line) { borders.push(decode(line, data.quantum, offset)); });
    });
    // the rings of all land are one even-odd polygon: lakes and islands in lakes come out
    L.polygon(land, {
      renderer: renderer, pane: "flBasemap", interactive: false, stroke: false,
      fillColor: "#f4f1ea", fillOpacity: 1, fillRule: "evenodd"
    }).addTo(map);
    L.polyline(borders, {
      renderer: renderer, pane: "flBasemap", interactive: false,
      color: "#a9a49a", weight: 0.7, opacity: 1
    }).addTo(map);
    if (map.attributionControl) map.attributionControl.addAttribution("Coastlines: Natural Earth");
  }

  // Pan each popup between the bottom of the title and the top of the legend, and cap
  // its height to the room between them (it scrolls), so neither box covers it.
  function popupsClear(map) {
    map.on("popupopen", function (event) {
      var popup = event.popup, frame = map.getContainer().getBoundingClientRect();
      var title = map.getContainer().querySelector(".fl-title");
      var legend = map.getContainer().querySelector(".fl-legend");
      var top = title ? title.getBoundingClientRect().bottom - frame.top + 8 : 10;
      var bottom = legend ? frame.bottom - legend.getBoundingClientRect().top + 8 : 10;
      if (popup._flMaxHeight === undefined) popup._flMaxHeight = popup.options.maxHeight || 0;
      var room = Math.max(60, frame.height - top - bottom - 60);  // tip, close button, padding
      popup.options.maxHeight = popup._flMaxHeight ? Math.min(popup._flMaxHeight, room) : room;
      popup.options.autoPanPaddingTopLeft = L.point(10, top);
      popup.options.autoPanPaddingBottomRight = L.point(10, bottom);
      popup.update();
    });
  }

  return { basemap: basemap, popupsClear: popupsClear };
})();
