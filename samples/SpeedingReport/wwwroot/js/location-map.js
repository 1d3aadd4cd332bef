// The location map: progressive enhancement of the postcode and coordinates pages. Without JavaScript (or if Leaflet
// fails to load) the containers stay hidden and the pages work with the text inputs alone. No inline script: the
// Content-Security-Policy allows scripts from this site only, and this file reads its settings from data- attributes.
(function () {
  'use strict';

  if (typeof window.L === 'undefined' || !document.querySelector || !window.fetch) {
    return;
  }

  var L = window.L;
  L.Icon.Default.imagePath = '/lib/leaflet/images/';

  function round(value) {
    return Math.round(value * 100000) / 100000;
  }

  function styleFor(feature) {
    if (feature.properties.kind === 'district') {
      return { color: '#0b0c0c', weight: 3, fill: false, interactive: false };
    }

    return { color: '#1d70b8', weight: 2, fillColor: '#1d70b8', fillOpacity: 0.08 };
  }

  function start(container) {
    var mapElement = container.querySelector('.app-map');
    var latitudeInput = document.getElementById(container.getAttribute('data-latitude-input'));
    var longitudeInput = document.getElementById(container.getAttribute('data-longitude-input'));
    var reveal = container.getAttribute('data-reveal') ? document.getElementById(container.getAttribute('data-reveal')) : null;
    if (!mapElement || !latitudeInput || !longitudeInput) {
      return;
    }

    container.hidden = false;
    var map = L.map(mapElement, { maxZoom: parseInt(container.getAttribute('data-max-zoom') || '19', 10) });
    var tiles = container.getAttribute('data-tile-url');
    if (tiles) {
      // The pages send no Referer elsewhere (same-origin); tile services such as OpenStreetMap ask for the origin.
      L.tileLayer(tiles, {
        attribution: container.getAttribute('data-tile-attribution') || '',
        maxZoom: parseInt(container.getAttribute('data-max-zoom') || '19', 10),
        referrerPolicy: 'strict-origin-when-cross-origin'
      }).addTo(map);
    }

    var marker = null;
    function place(latlng, pan) {
      var point = L.latLng(round(latlng.lat), round(latlng.lng));
      if (marker) {
        marker.setLatLng(point);
      } else {
        marker = L.marker(point, { alt: 'The place you selected', keyboard: false }).addTo(map);
      }

      latitudeInput.value = String(point.lat);
      longitudeInput.value = String(point.lng);
      latitudeInput.dispatchEvent(new Event('change', { bubbles: true }));
      if (reveal) {
        reveal.hidden = false;
      }

      if (pan) {
        map.panTo(point);
      }
    }

    map.on('click', function (event) { place(event.latlng, false); });

    fetch(container.getAttribute('data-boundaries'), { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error(String(response.status))); })
      .then(function (boundaries) {
        var layer = L.geoJSON(boundaries, {
          style: styleFor,
          onEachFeature: function (feature, featureLayer) {
            if (feature.properties.kind === 'parish') {
              featureLayer.bindTooltip(feature.properties.name + ' parish', { sticky: true });
            }

            // A click on a parish is a click on the map.
            featureLayer.on('click', function (event) { place(event.latlng, false); });
          }
        }).addTo(map);
        map.fitBounds(layer.getBounds());
        container.setAttribute('data-map-ready', 'true');

        // Coming back to the page: show the place already given.
        var lat = parseFloat(latitudeInput.value);
        var lng = parseFloat(longitudeInput.value);
        if (isFinite(lat) && isFinite(lng)) {
          place(L.latLng(lat, lng), true);
        }
      })
      .catch(function () {
        // No boundaries, no map: the text inputs still work.
        container.hidden = true;
      });
  }

  var containers = document.querySelectorAll('[data-module="app-location-map"]');
  for (var i = 0; i < containers.length; i++) {
    start(containers[i]);
  }
})();
