// The one place that owns the MapLibre map: creation, sources, events, visibility, selection, teardown.
// Everything it draws comes from the pure style builders and `mapDataOn` in this folder.
// https://maplibre.org/maplibre-gl-js/docs/API/classes/Map/
import { FLAT_MAP_OPTIONS, finishFlatMap } from './flatMap';
import * as maplibregl from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { bboxOf } from './bbox';
import { BEST_PATH_SOURCE } from './bestPathLayer';
import { CHANGES_SOURCE } from './changesLayer';
import { layerGroups, sourceId, type LayerGroup } from './layerGroups';
import type { MapData } from './mapData';
import {
  diffFeatureStates,
  featureStatesOf,
  type FeatureStates,
  type FeatureStateValues,
} from './featureStates';
import { imageFor } from './patterns';
import { SELECTION_SOURCE } from './selectionLayer';
import { buildStyle } from './style';
import { CHANGED_STATE, type ChangedIds, isDrawn, tiledStyle } from './tiledStyle';
import type { MapVerdicts } from './mapVerdicts';
import type { InViewFeature } from './tiledList';
import type { MapView } from './urlState';

/** The feature states of a group a date names nothing in. */
const NONE_STATED: ReadonlyMap<string, FeatureStateValues> = new Map();

/** Layers a click or tap can select, topmost first. */
export const INTERACTIVE_LAYERS = [
  'incidents-circle',
  'crossings-icon',
  'sites-circle',
  'corridors-stretch-marker',
  'corridors-stretch',
  'corridors-line',
  'frontlines-line',
  'roads-line',
  'areas-fill',
];

/** What end-to-end tests and the console can reach: the map, and when it first became idle. */
export interface CorridorMapHandle {
  map: maplibregl.Map;
  /** `performance.now()` at the first `idle` with data drawn (ms since navigation start). */
  firstIdleMs?: number;
  /**
   * The date drawn now and `performance.now()` at the first `idle` on it: when a date change was drawn, as
   * the page saw it (the map benchmark reads it; polling from outside would add its own delay).
   */
  drawn?: { date: string; ms: number };
  /**
   * Tiled map: the date whose verdicts were applied last, and `performance.now()` when applying them started
   * and ended (feature state set): the map benchmark splits a date change's time with it.
   */
  applied?: { date: string; startMs: number; endMs: number };
}
declare global {
  interface Window {
    __corridorMap?: CorridorMapHandle;
  }
}

export interface MapControllerOptions {
  container: HTMLElement;
  /** Origin (and base path) of the app: fonts and basemap are loaded from there. */
  base: string;
  /** The view to open on; without one the map fits `extent`. */
  view?: MapView;
  extent: [number, number, number, number];
  /** False: a picture that does not move or answer clicks (a static embed). Default true. */
  interactive?: boolean;
  /** The dark basemap (`theme=dark` of embeds). */
  dark?: boolean;
  /** False: Latin labels in the reader's own fonts (embeds; see `fontFaces`). */
  latinFonts?: boolean;
  /** False: sites labelled with one name (`StyleOptions.bilingualLabels`). */
  bilingualLabels?: boolean;
  /**
   * Draw from the server's vector tiles, opening on this date (`tiledStyle`): the page then gives dates and
   * their verdicts with `setVerdicts`, never `setData`.
   */
  tiledFrom?: string;
  onSelect: (id: string | undefined) => void;
  onViewChange: (view: MapView) => void;
  /** Called when the map has drawn everything for the data given last (`date` is the data's as-of date). */
  onIdle: (date: string) => void;
  onError: (error: unknown) => void;
}

export class MapController {
  readonly map: maplibregl.Map;
  private readonly options: MapControllerOptions;
  private loaded = false;
  private pending: {
    data?: MapData;
    date?: string;
    groups?: readonly LayerGroup[];
    selection?: Feature | null;
    bestPath?: FeatureCollection;
    changes?: FeatureCollection;
    verdicts?: MapVerdicts;
    changedIds?: ChangedIds;
  } = {};
  /** Tiled map: the features compare mode outlines now (kept: a date's verdicts reset feature state). */
  private changedIds: ChangedIds = {};
  /** Tiled map: the feature state the last date set, by group and id (the next date changes only what differs). */
  private stated: FeatureStates = {};
  private dataDate: string | undefined;
  private readonly handle: CorridorMapHandle;

  constructor(options: MapControllerOptions) {
    this.options = options;
    const {
      container,
      base,
      view,
      extent,
      interactive = true,
      dark = false,
      latinFonts = true,
      bilingualLabels = true,
      tiledFrom,
    } = options;
    const style = buildStyle({ base, dark, latinFonts, bilingualLabels });
    this.map = new maplibregl.Map({
      container,
      style: tiledFrom ? tiledStyle(style, base) : style,
      interactive,
      ...(view
        ? { center: view.center, zoom: view.zoom }
        : { bounds: extent, fitBoundsOptions: { padding: 24 } }),
      ...FLAT_MAP_OPTIONS,
    });
    finishFlatMap(this.map, { interactive });
    this.handle = { map: this.map };
    window.__corridorMap = this.handle;

    // Hatch patterns and crossing markers are drawn in code the first time the style asks for them.
    this.map.setMissingStyleImageResolver((id) => {
      const made = imageFor(id);
      if (made && !this.map.hasImage(id)) this.map.addImage(id, made.image, { pixelRatio: made.pixelRatio });
    });
    this.map.on('load', () => {
      this.loaded = true;
      this.flush();
    });
    this.map.on('idle', () => {
      if (this.dataDate === undefined) return;
      const now = performance.now();
      this.handle.firstIdleMs ??= now;
      if (this.handle.drawn?.date !== this.dataDate) this.handle.drawn = { date: this.dataDate, ms: now };
      container.dataset.mapState = 'idle';
      container.dataset.mapDate = this.dataDate;
      options.onIdle(this.dataDate);
    });
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      options.onViewChange({ center: [c.lng, c.lat], zoom: this.map.getZoom() });
    });
    this.map.on('click', (e) => options.onSelect(this.featureIdAt(e.point)));
    this.map.on('mousemove', (e) => {
      this.map.getCanvas().style.cursor = this.featureIdAt(e.point) ? 'pointer' : '';
    });
    this.map.on('error', (e) => options.onError(e.error));
    container.dataset.mapState = 'loading';
    // Focus sent to the container (skip link, closing the details) goes on to the canvas, where the
    // arrow keys pan and +/- zoom.
    container.addEventListener('focus', () => this.map.getCanvas().focus());
  }

  /** The id of the topmost selectable feature under a screen point, with a few pixels of slack. */
  featureIdAt(point: maplibregl.PointLike): string | undefined {
    if (!this.loaded) return undefined;
    const p = maplibregl.Point.convert(point);
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [p.x - 4, p.y - 4],
      [p.x + 4, p.y + 4],
    ];
    // The tiled style splits some layers by status (`<layer>:<status>`): each copy answers clicks too.
    const ids = this.map.getStyle().layers.map((l) => l.id);
    const layers = INTERACTIVE_LAYERS.flatMap((l) =>
      ids.filter((id) => id === l || id.startsWith(`${l}:`)),
    ).filter((l) => this.map.getLayoutProperty(l, 'visibility') !== 'none');
    const hit = this.map.queryRenderedFeatures(box, { layers }).filter((f) => this.isDrawn(f));
    const id = hit[0]?.properties?.id;
    return typeof id === 'string' ? id : undefined;
  }

  /**
   * The tiled map: draws the date with its verdicts (from `/map/verdicts.json`), together, so the map never
   * shows a date with another date's verdicts. No geometry is fetched: the tiles hold every date.
   */
  setVerdicts(verdicts: MapVerdicts): void {
    this.pending.verdicts = verdicts;
    this.flush();
  }

  /** The map's zoom now. */
  zoom(): number {
    return this.map.getZoom();
  }

  /** The tiled map: the sites, crossings and corridors drawn in view now (for the page's list). */
  featuresInView(): InViewFeature[] {
    if (!this.loaded) return [];
    const layers: Record<string, InViewFeature['layer']> = {
      'sites-circle': 'sites',
      'crossings-icon': 'crossings',
      'corridors-line': 'corridors',
    };
    const ids = this.map.getStyle().layers.map((l) => l.id);
    const out: InViewFeature[] = [];
    for (const [layer, group] of Object.entries(layers)) {
      const drawn = ids.filter((id) => id === layer || id.startsWith(`${layer}:`));
      if (drawn.length === 0 || this.map.getLayoutProperty(drawn[0], 'visibility') === 'none') continue;
      for (const f of this.map.queryRenderedFeatures({ layers: drawn })) {
        if (!this.isDrawn(f)) continue;
        const p = f.properties ?? {};
        if (typeof p.id !== 'string') continue;
        out.push({
          id: p.id,
          layer: group,
          name: String(p.name ?? p.id),
          nameAr: typeof p.nameAr === 'string' ? p.nameAr : undefined,
          kind: typeof p.kind === 'string' ? p.kind : undefined,
        });
      }
    }
    return out;
  }

  /**
   * Whether a rendered feature is drawn, not only there: on the tiled map a feature not counting on the date,
   * or a crossing in the layer of another status, is in the tiles, fully transparent.
   */
  private isDrawn(f: maplibregl.MapGeoJSONFeature): boolean {
    if (!this.options.tiledFrom) return true;
    const group = layerGroups.find((g) => sourceId(g) === f.source);
    return group === undefined || isDrawn(f.layer.id, group, f.state);
  }

  /** Draws the layers for a date. */
  setData(data: MapData, date: string): void {
    this.pending.data = data;
    this.pending.date = date;
    this.flush();
  }

  setVisibleGroups(groups: readonly LayerGroup[]): void {
    this.pending.groups = groups;
    this.flush();
  }

  /** Halo around the selected feature (its properties size the halo of a site); `null` clears it. */
  setSelection(feature: Feature | null): void {
    this.pending.selection = feature;
    this.flush();
  }

  /** The selected site's best path from a hub (an empty collection clears it). */
  setBestPath(path: FeatureCollection): void {
    this.pending.bestPath = path;
    this.flush();
  }

  /** Compare mode: outlines of the features that changed between two dates (empty clears them). */
  setChanges(changes: FeatureCollection): void {
    this.pending.changes = changes;
    this.flush();
  }

  /** Tiled map, compare mode: outlines these features (the tiles hold their geometry); `{}` clears them. */
  setChangedIds(ids: ChangedIds): void {
    this.pending.changedIds = ids;
    this.flush();
  }

  /**
   * Hook for the access analysis: colours corridors by status (`open`, `at_risk`, `blocked`) through
   * feature state, without rebuilding their data. Ids absent from `statuses` go back to their property.
   */
  setCorridorStatus(statuses: Readonly<Record<string, string>>): void {
    if (!this.loaded) return;
    const source = sourceId('corridors');
    this.map.removeFeatureState({ source });
    for (const [id, status] of Object.entries(statuses)) this.map.setFeatureState({ source, id }, { status });
  }

  /** Brings a feature into view, leaving room for the details panel (`padding` in px). */
  focusOn(geometry: Geometry, padding: { top: number; right: number; bottom: number; left: number }): void {
    const [w, s, e, n] = bboxOf(geometry);
    if (w === e && s === n) {
      this.map.easeTo({ center: [w, s], zoom: Math.max(this.map.getZoom(), 7), padding, duration: 600 });
    } else {
      this.map.fitBounds(
        [
          [w, s],
          [e, n],
        ],
        {
          padding: {
            top: padding.top + 40,
            right: padding.right + 40,
            bottom: padding.bottom + 40,
            left: padding.left + 40,
          },
          maxZoom: 9,
          duration: 600,
        },
      );
    }
  }

  private applyVerdicts(v: MapVerdicts): void {
    const startMs = performance.now();
    const states = featureStatesOf(v);
    for (const group of layerGroups) {
      const source = sourceId(group);
      diffFeatureStates(this.stated[group] ?? NONE_STATED, states[group] ?? NONE_STATED, {
        remove: (id) => this.map.removeFeatureState({ source, sourceLayer: group, id }),
        set: (id, state) => this.map.setFeatureState({ source, sourceLayer: group, id }, state),
      });
    }
    this.stated = states;
    // Removing a feature's state above removed its outline of compare mode too.
    this.applyChangedIds(this.changedIds);
    this.dataDate = v.asOf;
    this.options.container.dataset.mapState = 'loading';
    this.handle.applied = { date: v.asOf, startMs, endMs: performance.now() };
  }

  private applyChangedIds(ids: ChangedIds): void {
    for (const [group, list] of Object.entries(this.changedIds)) {
      const source = sourceId(group as LayerGroup);
      for (const id of list ?? [])
        this.map.setFeatureState({ source, sourceLayer: group, id }, { [CHANGED_STATE]: false });
    }
    this.changedIds = ids;
    for (const [group, list] of Object.entries(ids)) {
      const source = sourceId(group as LayerGroup);
      for (const id of list ?? [])
        this.map.setFeatureState({ source, sourceLayer: group, id }, { [CHANGED_STATE]: true });
    }
  }

  destroy(): void {
    if (window.__corridorMap === this.handle) delete window.__corridorMap;
    this.map.remove();
  }

  private flush(): void {
    if (!this.loaded) return;
    const { data, date, groups, selection, bestPath, changes, verdicts, changedIds } = this.pending;
    this.pending = {};
    if (verdicts) this.applyVerdicts(verdicts);
    if (changedIds && this.options.tiledFrom) this.applyChangedIds(changedIds);
    if (data && date) {
      for (const g of layerGroups) {
        this.map
          .getSource<maplibregl.GeoJSONSource>(sourceId(g))
          ?.setData(data[g])
          .catch((e: unknown) => this.options.onError(e));
      }
      this.dataDate = date;
      this.options.container.dataset.mapState = 'loading';
    }
    if (groups) {
      for (const layer of this.map.getStyle().layers) {
        const group = (layer.metadata as Record<string, unknown> | undefined)?.['corridor:group'];
        if (typeof group !== 'string') continue;
        const visibility = groups.includes(group as LayerGroup) ? 'visible' : 'none';
        // Only a real change: setting a layer's visibility, even to the value it already has (a layer
        // without one is visible), makes MapLibre reload its whole source. On the tiled map that re-parsed every
        // tile of every layer just after the first load, and the map was not idle again for tens of
        // seconds on a loaded machine.
        if ((layer.layout?.visibility ?? 'visible') === visibility) continue;
        this.map.setLayoutProperty(layer.id, 'visibility', visibility);
      }
    }
    if (selection !== undefined) {
      const features: Feature[] = selection ? [selection] : [];
      this.map
        .getSource<maplibregl.GeoJSONSource>(SELECTION_SOURCE)
        ?.setData({ type: 'FeatureCollection', features })
        .catch((e: unknown) => this.options.onError(e));
    }
    if (bestPath) {
      this.map
        .getSource<maplibregl.GeoJSONSource>(BEST_PATH_SOURCE)
        ?.setData(bestPath)
        .catch((e: unknown) => this.options.onError(e));
    }
    if (changes) {
      this.map
        .getSource<maplibregl.GeoJSONSource>(CHANGES_SOURCE)
        ?.setData(changes)
        .catch((e: unknown) => this.options.onError(e));
    }
  }
}
