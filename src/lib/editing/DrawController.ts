// The editor's map: the offline basemap, the situation's features as grey context (roads in brown, so a
// corridor can be drawn along them), and terra-draw on top for the one geometry being edited or drawn.
// https://maplibre.org/maplibre-gl-js/docs/API/classes/Map/ and https://terradraw.io
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Geometry } from 'geojson';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { BASEMAP_SOURCE, basemapLayers } from '$lib/map/basemapLayers';
import { BASEMAP_PATH } from '$lib/map/style';
import type { DrawMode } from './layerForms';

maplibregl.setWorkerUrl(workerUrl);

const CONTEXT_SOURCE = 'editor-context';

/** What end-to-end tests and the console can reach: the editor's map. */
export interface CorridorEditorHandle {
  map: maplibregl.Map;
}
declare global {
  interface Window {
    __corridorEditor?: CorridorEditorHandle;
  }
}

export interface DrawControllerOptions {
  container: HTMLElement;
  base: string;
  extent: [number, number, number, number];
  /** Called with the geometry whenever the user finishes drawing or moves a vertex. */
  onGeometry: (geometry: Geometry) => void;
  onError: (error: unknown) => void;
}

/** Editable in select mode: vertices dragged, midpoints added, the whole feature dragged. */
const editable = {
  feature: {
    draggable: true,
    coordinates: { draggable: true, midpoints: true, deletable: true },
  },
};

export class DrawController {
  readonly map: maplibregl.Map;
  private draw: TerraDraw | undefined;
  private readonly options: DrawControllerOptions;
  private pendingContext: FeatureCollection | undefined;
  private currentId: string | undefined;
  private ready = false;
  private queued: (() => void)[] = [];

  constructor(options: DrawControllerOptions) {
    this.options = options;
    this.map = new maplibregl.Map({
      container: options.container,
      style: {
        version: 8,
        sources: {
          [BASEMAP_SOURCE]: { type: 'geojson', data: `${options.base}${BASEMAP_PATH}` },
          [CONTEXT_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
        },
        layers: [...basemapLayers(), ...contextLayers()],
      },
      bounds: options.extent,
      fitBoundsOptions: { padding: 24 },
      dragRotate: false,
      pitchWithRotate: false,
      attributionControl: { compact: true },
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    window.__corridorEditor = { map: this.map };
    this.map.on('error', (e) => options.onError(e.error));
    this.map.on('load', () => {
      const draw = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
        modes: [
          new TerraDrawPointMode(),
          new TerraDrawLineStringMode(),
          new TerraDrawPolygonMode(),
          new TerraDrawSelectMode({
            flags: { point: editable, linestring: editable, polygon: editable },
            // The form has its own Delete (soft, with confirmation); no key removes the geometry.
            keyEvents: null,
            allowManualDeselection: false,
          }),
        ],
      });
      draw.start();
      draw.on('finish', (id, context) => {
        const f = draw.getSnapshotFeature(id);
        if (!f) return;
        if (context.action === 'draw') {
          // One geometry at a time: a finished drawing becomes the edited feature, in select mode.
          this.currentId = String(id);
          draw.setMode('select');
          draw.selectFeature(id);
        }
        if (String(id) === this.currentId) options.onGeometry(f.geometry as Geometry);
      });
      this.draw = draw;
      this.ready = true;
      if (this.pendingContext) this.setContext(this.pendingContext);
      for (const q of this.queued.splice(0)) q();
      options.container.dataset.editorState = 'ready';
    });
  }

  private whenReady(work: () => void): void {
    if (this.ready) work();
    else this.queued.push(work);
  }

  /** The grey features around the one being edited. */
  setContext(fc: FeatureCollection): void {
    this.pendingContext = fc;
    const source = this.map.getSource(CONTEXT_SOURCE) as maplibregl.GeoJSONSource | undefined;
    if (this.ready && source) void source.setData(fc);
  }

  /** Removes the edited geometry and leaves drawing. */
  clear(): void {
    this.whenReady(() => {
      this.draw!.clear();
      this.draw!.setMode('select');
      this.currentId = undefined;
    });
  }

  /**
   * Shows a geometry editable in select mode. Returns through `onEditable(false)` when terra-draw cannot
   * edit it (multi-part geometries): the properties stay editable, the geometry is kept as it is.
   */
  edit(geometry: Geometry, onEditable: (editable: boolean) => void): void {
    this.whenReady(() => {
      const draw = this.draw!;
      draw.clear();
      this.currentId = undefined;
      const mode =
        geometry.type === 'Point'
          ? 'point'
          : geometry.type === 'LineString'
            ? 'linestring'
            : geometry.type === 'Polygon'
              ? 'polygon'
              : undefined;
      if (!mode) return onEditable(false);
      const id = draw.getFeatureId();
      const [result] = draw.addFeatures([
        { id, type: 'Feature', geometry, properties: { mode } } as GeoJSONStoreFeatures,
      ]);
      if (!result?.valid) return onEditable(false);
      this.currentId = String(id);
      draw.setMode('select');
      draw.selectFeature(id);
      onEditable(true);
      this.fit(geometry);
    });
  }

  /** Starts drawing a new geometry with the layer's mode. */
  startDrawing(mode: DrawMode): void {
    this.whenReady(() => {
      this.draw!.clear();
      this.currentId = undefined;
      this.draw!.setMode(mode);
    });
  }

  private fit(geometry: Geometry): void {
    const coords: number[][] = [];
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') coords.push(c as number[]);
      else if (Array.isArray(c)) c.forEach(walk);
    };
    walk((geometry as { coordinates?: unknown }).coordinates);
    if (coords.length === 0) return;
    const b = new maplibregl.LngLatBounds();
    for (const [x, y] of coords) b.extend([x, y]);
    this.map.fitBounds(b, { padding: 80, maxZoom: 9, duration: 0 });
  }

  destroy(): void {
    if (window.__corridorEditor?.map === this.map) delete window.__corridorEditor;
    this.draw?.stop();
    this.map.remove();
  }
}

/** https://maplibre.org/maplibre-style-spec/layers/ — context only: thin, grey, below the drawing. */
function contextLayers(): maplibregl.LayerSpecification[] {
  const isRoad: maplibregl.ExpressionSpecification = ['==', ['get', 'layer'], 'roads'];
  return [
    {
      id: 'context-fill',
      type: 'fill',
      source: CONTEXT_SOURCE,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': '#7a7a7a', 'fill-opacity': 0.12, 'fill-outline-color': '#7a7a7a' },
    },
    {
      id: 'context-line',
      type: 'line',
      source: CONTEXT_SOURCE,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: {
        'line-color': ['case', isRoad, '#9c6b3c', '#5f6b73'],
        'line-width': ['case', isRoad, 1.5, 2.5],
        'line-opacity': 0.8,
      },
    },
    {
      id: 'context-point',
      type: 'circle',
      source: CONTEXT_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 4,
        'circle-color': '#5f6b73',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
  ];
}
