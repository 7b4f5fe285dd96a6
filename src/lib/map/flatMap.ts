import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';

// MapLibre 6 needs its worker's URL: the bundled worker, served by the app like every other script.
maplibregl.setWorkerUrl(workerUrl);

/**
 * How every map of the app moves: flat (no rotation or pitch, which only confuse reading front lines and
 * routes), zoom 2–14 (the basemap and the data hold nothing finer), a compact attribution, and a little
 * click slack for fingers on phones. https://maplibre.org/maplibre-gl-js/docs/API/type-aliases/MapOptions/
 */
export const FLAT_MAP_OPTIONS = {
  minZoom: 2,
  maxZoom: 14,
  dragRotate: false,
  pitchWithRotate: false,
  touchPitch: false,
  attributionControl: { compact: true },
  clickTolerance: 4,
} satisfies Partial<maplibregl.MapOptions>;

/**
 * Turns off the rotations the options cannot, and adds the zoom buttons (but on a map made without
 * interaction, `interactive: false`, such as a static embed) and the scale every map shows.
 */
export function finishFlatMap(map: maplibregl.Map, { interactive = true } = {}): void {
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  if (interactive) map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
}
