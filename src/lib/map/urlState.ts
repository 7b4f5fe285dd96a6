import { defaultLayerGroups, isLayerGroup, layerGroups, type LayerGroup } from './layerGroups';

/** Where the map looks: centre as [longitude, latitude] and zoom. */
export interface MapView {
  center: [number, number];
  zoom: number;
}

/** What a link carries: the view, the visible layer groups, the as-of date and the selected feature. */
export interface UrlState {
  view?: MapView;
  layers: LayerGroup[];
  date?: string;
  selected?: string;
  /** Compare mode: the other date the map's changes are counted from (`compare=YYYY-MM-DD`). */
  compare?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,119}$/;

/**
 * Reads the map state from a URL's query: `map=zoom/lat/lon` (as on openstreetmap.org), `layers=a,b`
 * (absent: the default layers, every one but the administrative boundaries; empty: none), `date=YYYY-MM-DD`, `sel=<feature id>`, `compare=YYYY-MM-DD` (compare mode). Anything malformed is
 * ignored rather than trusted, so a mangled link still opens a working map.
 *
 * @example parseUrlState(new URLSearchParams('map=7/13.5/25.1&date=2024-05-01')).view // { center: [25.1, 13.5], zoom: 7 }
 */
export function parseUrlState(params: URLSearchParams): UrlState {
  const out: UrlState = { layers: [...defaultLayerGroups] };
  const map = params.get('map')?.split('/').map(Number);
  if (map && map.length === 3 && map.every(Number.isFinite)) {
    const [zoom, lat, lon] = map;
    if (zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 85.06 && Math.abs(lon) <= 180) {
      out.view = { center: [lon, lat], zoom };
    }
  }
  const layers = params.get('layers');
  if (layers !== null) {
    const wanted = new Set(layers.split(',').filter(isLayerGroup));
    out.layers = layerGroups.filter((g) => wanted.has(g));
  }
  const isDate = (d: string | null): d is string =>
    !!d && DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
  const date = params.get('date');
  if (isDate(date)) out.date = date;
  const compare = params.get('compare');
  if (isDate(compare)) out.compare = compare;
  const sel = params.get('sel');
  if (sel && ID.test(sel)) out.selected = sel;
  return out;
}

/**
 * Writes the map state into a copy of `params` (other parameters are kept). The view is rounded to what
 * a screen can show (2 decimals of zoom, 4 of degrees ≈ 11 m) so links stay short and stable; `layers`
 * is left out when the default layers are on.
 */
export function writeUrlState(state: UrlState, params = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(params);
  if (state.view) {
    const [lon, lat] = state.view.center;
    out.set('map', `${state.view.zoom.toFixed(2)}/${lat.toFixed(4)}/${lon.toFixed(4)}`);
  } else out.delete('map');
  const layers = layerGroups.filter((g) => state.layers.includes(g));
  const isDefault =
    layers.length === defaultLayerGroups.length && layers.every((g) => defaultLayerGroups.includes(g));
  if (isDefault) out.delete('layers');
  else out.set('layers', layers.join(','));
  if (state.date) out.set('date', state.date);
  else out.delete('date');
  if (state.selected) out.set('sel', state.selected);
  else out.delete('sel');
  if (state.compare) out.set('compare', state.compare);
  else out.delete('compare');
  return out;
}
