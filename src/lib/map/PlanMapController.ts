// The planner's MapLibre map: the basemap and roads, the routes of the current plan, and clicks that pick a
// place. https://maplibre.org/maplibre-gl-js/docs/API/classes/Map/
import { FLAT_MAP_OPTIONS, finishFlatMap } from './flatMap';
import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { bboxOf } from './bbox';
import { PLAN_POINTS_SOURCE, PLAN_ROADS_SOURCE, PLAN_ROUTES_SOURCE, planStyle } from './planLayers';

declare global {
  interface Window {
    /** The planner's map, for end-to-end tests and the console. */
    __corridorPlanMap?: maplibregl.Map;
  }
}

export interface PlanMapOptions {
  container: HTMLElement;
  base: string;
  extent: [number, number, number, number];
  onClick: (lon: number, lat: number) => void;
  /** Called each time the map has drawn the data given last. */
  onIdle: () => void;
  onError: (error: unknown) => void;
}

export interface PlanMapData {
  roads: FeatureCollection;
  routes: FeatureCollection;
  points: FeatureCollection;
}

export class PlanMapController {
  readonly map: maplibregl.Map;
  private loaded = false;
  private pending: PlanMapData | undefined;
  private drawn = false;

  constructor(private readonly options: PlanMapOptions) {
    const { container, base, extent } = options;
    this.map = new maplibregl.Map({
      container,
      style: planStyle(base),
      bounds: extent,
      fitBoundsOptions: { padding: 24 },
      ...FLAT_MAP_OPTIONS,
      // The printable brief copies the map as an image: the canvas must keep what it drew.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    finishFlatMap(this.map);
    window.__corridorPlanMap = this.map;
    this.map.on('load', () => {
      this.loaded = true;
      if (this.pending) this.setData(this.pending);
    });
    this.map.on('idle', () => {
      if (!this.drawn) return;
      container.dataset.mapState = 'idle';
      options.onIdle();
    });
    this.map.on('click', (e) => options.onClick(e.lngLat.lng, e.lngLat.lat));
    this.map.on('error', (e) => options.onError(e.error));
    container.dataset.mapState = 'loading';
  }

  setData(data: PlanMapData): void {
    this.pending = data;
    if (!this.loaded) return;
    void (this.map.getSource(PLAN_ROADS_SOURCE) as maplibregl.GeoJSONSource).setData(data.roads);
    void (this.map.getSource(PLAN_ROUTES_SOURCE) as maplibregl.GeoJSONSource).setData(data.routes);
    void (this.map.getSource(PLAN_POINTS_SOURCE) as maplibregl.GeoJSONSource).setData(data.points);
    this.drawn = true;
    this.options.container.dataset.mapState = 'loading';
  }

  /** Fits the view to the routes and points given last. */
  fitToData(): void {
    const positions = [
      ...(this.pending?.routes.features ?? []),
      ...(this.pending?.points.features ?? []),
    ].flatMap((f) =>
      f.geometry.type === 'Point'
        ? [f.geometry.coordinates]
        : f.geometry.type === 'LineString'
          ? f.geometry.coordinates
          : [],
    );
    if (positions.length === 0) return;
    const [w, s, e, n] = bboxOf({ type: 'MultiPoint', coordinates: positions });
    this.map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 40, maxZoom: 10, duration: 0 },
    );
  }

  /** The map as a PNG data URL (for the printable brief). */
  image(): string {
    return this.map.getCanvas().toDataURL('image/png');
  }

  destroy(): void {
    if (window.__corridorPlanMap === this.map) delete window.__corridorPlanMap;
    this.map.remove();
  }
}
