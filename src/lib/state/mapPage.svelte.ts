import type { Feature, Geometry } from 'geojson';
import type { Situation } from '$lib/domain/schemas';
import { featureDetails, type FeatureDetails } from '$lib/map/featureDetails';
import { featureList, type FeatureListItem } from '$lib/map/featureList';
import { defaultLayerGroups, layerGroups, type LayerGroup } from '$lib/map/layerGroups';
import { mapDataOn, type MapAnnotations, type MapData } from '$lib/map/mapData';
import { parseUrlState, writeUrlState, type MapView } from '$lib/map/urlState';
import { clampDate } from './dates';

/**
 * The state of the map page, one instance per page: the situation, the as-of date, visible layers, the
 * selected feature and the view, plus what derives from them. Components read it and call its methods;
 * only `MapCanvas` talks to MapLibre.
 */
export class MapPageState {
  situation = $state.raw<Situation | undefined>();
  /** `YYYY-MM-DD`; empty until the situation (and its default date) is known. */
  asOf = $state('');
  layers = $state.raw<readonly LayerGroup[]>([...defaultLayerGroups]);
  selectedId = $state<string | undefined>();
  /** The camera, as the map last reported it (or as the link asked for). */
  view = $state.raw<MapView | undefined>();
  /** What the page tells the user went wrong, if anything (set through `ui/errors.ts`). */
  error = $state<string | undefined>();
  /** `idle` once the map has drawn the data of the current date. */
  mapReady = $state(false);
  /**
   * Hook for the access analysis: corridor status, site flags, reasons and hotspots (see `MapAnnotations`).
   * Empty until the analysis is wired in.
   */
  annotations = $state.raw<MapAnnotations>({});
  /** Set when the user picks a feature from the list: the map brings it into view. */
  focusRequest = $state.raw<{ id: string; geometry: Geometry } | undefined>();

  /** The date the link asked for, kept until the situation's time range is known. */
  private requestedDate: string | undefined;

  timeRange = $derived(this.situation?.scenario.timeRange);

  mapData: MapData | undefined = $derived(
    this.situation && this.asOf ? mapDataOn(this.situation, this.asOf, this.annotations) : undefined,
  );

  list: FeatureListItem[] = $derived(
    this.situation && this.asOf ? featureList(this.situation, this.asOf) : [],
  );

  details: FeatureDetails | undefined = $derived(
    this.situation && this.asOf && this.selectedId
      ? featureDetails(this.situation, this.selectedId, this.asOf)
      : undefined,
  );

  /** The selected feature as drawn on the date (with its style properties), for the selection halo. */
  selectedMapFeature: Feature | undefined = $derived.by(() => {
    if (!this.mapData || !this.selectedId) return undefined;
    for (const g of layerGroups) {
      const f = this.mapData[g].features.find((x) => x.properties.id === this.selectedId);
      if (f) return f;
    }
    return undefined;
  });

  /** The query string that reproduces this view. */
  search = $derived(
    writeUrlState({
      view: this.view,
      layers: [...this.layers],
      date: this.asOf || undefined,
      selected: this.selectedId,
    }).toString(),
  );

  /** Takes the view, layers, date and selection from a link. */
  applyUrl(params: URLSearchParams): void {
    const s = parseUrlState(params);
    this.view = s.view;
    this.layers = s.layers;
    this.selectedId = s.selected;
    this.requestedDate = s.date;
  }

  /** The situation has arrived: open on the linked date (kept inside the time range) or the default one. */
  setSituation(situation: Situation): void {
    const { defaultAsOf, timeRange } = situation.scenario;
    this.situation = situation;
    this.asOf = clampDate(this.requestedDate ?? defaultAsOf, timeRange.from, timeRange.to);
  }

  setDate(date: string): void {
    const range = this.timeRange;
    if (!range || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    const next = clampDate(date, range.from, range.to);
    if (next !== this.asOf) {
      this.asOf = next;
      this.mapReady = false;
    }
  }

  setLayerVisible(group: LayerGroup, visible: boolean): void {
    this.layers = layerGroups.filter((g) => (g === group ? visible : this.layers.includes(g)));
  }

  /** Selects a feature (undefined: none); with `focus`, the map also brings it into view. */
  select(id: string | undefined, options: { focus?: boolean } = {}): void {
    this.selectedId = id;
    if (id && options.focus && this.details) this.focusRequest = { id, geometry: this.details.geometry };
  }
}
