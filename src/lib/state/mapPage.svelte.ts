import { flushSync } from 'svelte';
import type { Feature, FeatureCollection, Geometry, LineString } from 'geojson';
import { changeLines, type ChangeLine } from '$lib/domain/analysis/compare/changeWords';
import type { ChangePhrases } from '$lib/domain/analysis/compare/changePhrases';
import { neededProtection, type ProtectionNeeds } from '$lib/domain/analysis/neededProtection';
import type { AnalysisReport, DateComparison, Situation } from '$lib/domain/schemas';
import { annotationsFromReport } from '$lib/map/analysisAnnotations';
import { analysisView, featureName, type AnalysisView } from '$lib/map/analysisDetails';
import { bestPathData } from '$lib/map/bestPathLayer';
import { changesData } from '$lib/map/changesLayer';
import { featureDetails, type FeatureDetails } from '$lib/map/featureDetails';
import { featureList, type FeatureListItem } from '$lib/map/featureList';
import { hotspotList, type HotspotList } from '$lib/map/hotspotList';
import { defaultLayerGroups, layerGroups, type LayerGroup } from '$lib/map/layerGroups';
import { mapDataOn, type MapAnnotations, type MapData } from '$lib/map/mapData';
import type { ChangedIds } from '$lib/map/tiledStyle';
import type { MapVerdicts } from '$lib/map/mapVerdicts';
import { tiledList, type FeatureView, type InViewFeature } from '$lib/map/tiledList';
import { parseUrlState, writeUrlState, type MapView } from '$lib/map/urlState';
import { clampDate } from './dates';
import { afterNextFrame } from './afterNextFrame';

/** Where the access analysis of the as-of date is. */
export type AnalysisStatus =
  | { state: 'idle' }
  | { state: 'running'; asOf: string }
  | { state: 'done'; asOf: string; totalMs: number; engineMs: number; includesLoad: boolean }
  | { state: 'failed'; asOf: string; message: string };

/**
 * The state of the map page, one instance per page: the situation, the as-of date, visible layers, the
 * selected feature and the view, plus what derives from them. Components read it and call its methods;
 * only `MapCanvas` talks to MapLibre.
 */
export class MapPageState {
  /**
   * `whole`: the page holds the whole situation and analyses it in a worker. `tiled` (large situations, see
   * docs/scaling.md): the map draws vector tiles, the verdicts of each date come from the server, and the
   * situation holds the scenario only; lists and details come from what is in view and from the server.
   */
  mode = $state<'whole' | 'tiled'>('whole');
  situation = $state.raw<Situation | undefined>();
  /** Tiled mode: the verdicts of the latest date the server answered for (the map draws them at once). */
  verdicts = $state.raw<MapVerdicts | undefined>();
  /** Tiled mode: the verdicts the panels and the list show: the same, a frame later (`setVerdicts`). */
  private panelVerdicts = $state.raw<MapVerdicts | undefined>();
  /** Tiled mode: the sites, crossings and corridors drawn in view (for the list). */
  inView = $state.raw<readonly InViewFeature[]>([]);
  /** Tiled mode: the selected feature and its verdict, from the server, for the date it was asked for. */
  selectedView = $state.raw<{ asOf: string; view: FeatureView } | undefined>();
  /** `YYYY-MM-DD`; empty until the situation (and its default date) is known. */
  asOf = $state('');
  layers = $state.raw<readonly LayerGroup[]>([...defaultLayerGroups]);
  selectedId = $state<string | undefined>();
  /** The camera, as the map last reported it (or as the link asked for). */
  view = $state.raw<MapView | undefined>();
  /** Tiled map: the zoom the map was at when it last settled (the legend names what the tiles leave out). */
  zoom = $state<number | undefined>();
  /** What the page tells the user went wrong, if anything (set through `ui/errors.ts`). */
  error = $state<string | undefined>();
  /** `idle` once the map has drawn the data of the current date. */
  mapReady = $state(false);
  /** The latest analysis report (its `asOf` may lag behind the date while the next one runs). */
  report = $state.raw<AnalysisReport | undefined>();
  analysis = $state.raw<AnalysisStatus>({ state: 'idle' });
  /** Set when the user picks a feature from the list: the map brings it into view. */
  focusRequest = $state.raw<{ id: string; geometry: Geometry } | undefined>();

  /** Compare mode: the other date (empty: not comparing). The changes are counted from the earlier date. */
  compareWith = $state('');
  /** The comparison of the two dates, once the server has answered for them. */
  comparison = $state.raw<DateComparison | undefined>();
  comparisonStatus = $state.raw<
    { state: 'idle' } | { state: 'running' } | { state: 'failed'; message: string }
  >({ state: 'idle' });

  /** The date the link asked for, kept until the situation's time range is known. */
  private requestedDate: string | undefined;

  timeRange = $derived(this.situation?.scenario.timeRange);

  /** The two dates of compare mode, earlier first; undefined when not comparing. */
  comparisonDates: { from: string; to: string } | undefined = $derived(
    this.compareWith && this.asOf
      ? this.compareWith <= this.asOf
        ? { from: this.compareWith, to: this.asOf }
        : { from: this.asOf, to: this.compareWith }
      : undefined,
  );

  /** The comparison of the dates shown now (never one of other dates while the next is fetched). */
  currentComparison: DateComparison | undefined = $derived(
    this.comparison &&
      this.comparisonDates &&
      this.comparison.from === this.comparisonDates.from &&
      this.comparison.to === this.comparisonDates.to
      ? this.comparison
      : undefined,
  );

  /**
   * The words of the change lines in the page's language, given a way to name a feature (the map page
   * passes its translated table; without one they are the domain's English). Set once, before use.
   */
  changePhrases: ((name: (id: string) => string | undefined) => ChangePhrases) | undefined = undefined;

  /** The changes in plain words, grouped, for the changes panel. */
  changes = $derived.by(() => {
    const c = this.currentComparison;
    if (!c) return undefined;
    const situation = this.situation;
    const words = this.changePhrases?.((id) => (situation ? featureName(situation, id) : undefined));
    return changeLines(c, words);
  });

  /** Outlines of the changed features on the map. */
  changesOnMap = $derived(changesData(this.situation, this.currentComparison));

  /** Tiled mode: the ids of the changed features, which the map outlines from its tiles. */
  changedIds: ChangedIds = $derived.by(() => {
    const c = this.currentComparison;
    if (this.mode !== 'tiled' || !c) return {};
    const ids = (changes: readonly { id: string }[]) => changes.map((x) => x.id);
    return { corridors: ids(c.corridors), sites: ids(c.sites), crossings: ids(c.crossings) };
  });

  /** What changed for the selected feature between the two dates, if anything. */
  selectedChange: ChangeLine | undefined = $derived.by(() => {
    const c = this.changes;
    if (!c || !this.selectedId) return undefined;
    return [...c.crossings, ...c.corridors, ...c.sites].find((l) => l.id === this.selectedId);
  });

  /** The report of the as-of date, once the analysis has answered for it. */
  currentReport: AnalysisReport | undefined = $derived(
    this.report && this.report.asOf === this.asOf ? this.report : undefined,
  );

  /**
   * The date and report the map draws. The map always shows a date together with that date's analysis:
   * while the next date is analysed (tens of ms) it keeps the previous pair rather than mixing a new date
   * with an old verdict; before the first report, or when the analysis fails, it shows the date alone.
   */
  private mapBasis: { date: string; report: AnalysisReport | undefined } | undefined = $derived.by(() => {
    if (!this.situation || !this.asOf) return undefined;
    const r = this.report;
    if (r && (r.asOf === this.asOf || this.analysis.state === 'running')) return { date: r.asOf, report: r };
    return { date: this.asOf, report: undefined };
  });

  /** The date of the data the map draws (see `mapBasis`). */
  mapDate: string | undefined = $derived(this.mapBasis?.date);

  /** Corridor status and stretches, site flags, reasons and hotspots the map draws (see `MapAnnotations`). */
  annotations: MapAnnotations = $derived(
    this.mapBasis?.report ? annotationsFromReport(this.mapBasis.report) : {},
  );

  mapData: MapData | undefined = $derived(
    this.mode === 'whole' && this.situation && this.mapBasis
      ? mapDataOn(this.situation, this.mapBasis.date, this.annotations)
      : undefined,
  );

  /** Tiled mode: the selected feature's view when it is of the date shown. */
  private currentView: FeatureView | undefined = $derived(
    this.selectedView && this.selectedView.asOf === this.asOf && this.selectedView.view.id === this.selectedId
      ? this.selectedView.view
      : undefined,
  );

  /** Tiled mode: the server's verdicts when they are of the date shown (the panels never show another's). */
  private currentVerdicts: MapVerdicts | undefined = $derived(
    this.panelVerdicts?.asOf === this.asOf ? this.panelVerdicts : undefined,
  );

  list: FeatureListItem[] = $derived(
    this.mode === 'tiled'
      ? tiledList(this.inView, this.currentVerdicts)
      : this.situation && this.asOf
        ? featureList(
            this.situation,
            this.asOf,
            this.currentReport ? annotationsFromReport(this.currentReport) : {},
          )
        : [],
  );

  /** Sites by hotspot score, then the flagged ones without a population figure (empty until analysed). */
  hotspots: HotspotList = $derived(
    this.mode === 'tiled'
      ? (this.currentVerdicts?.hotspotList ?? { ranked: [], unranked: [] })
      : this.currentReport
        ? hotspotList(this.currentReport)
        : { ranked: [], unranked: [] },
  );

  /** Where a protection force is needed on the as-of date (undefined until analysed). */
  protection: ProtectionNeeds | undefined = $derived(
    this.mode === 'tiled'
      ? this.currentVerdicts?.protection
      : this.situation && this.currentReport
        ? neededProtection(this.currentReport, this.situation)
        : undefined,
  );

  /** The actor of the selected area of control: the details sheet shows its backers. */
  selectedActor = $derived.by(() => {
    const situation = this.mode === 'tiled' ? this.currentView?.situation : this.situation;
    if (!situation || !this.selectedId) return undefined;
    const area = situation.areas.find((a) => a.properties.id === this.selectedId);
    return area && situation.scenario.actors.find((a) => a.id === area.properties.actorId);
  });

  /** What the analysis says about the selected feature on the as-of date. */
  selectedAnalysis: AnalysisView | undefined = $derived.by(() => {
    if (this.mode === 'tiled') {
      const v = this.currentView;
      if (!v) return undefined;
      const a = analysisView(v.situation, v.report, v.id);
      // The report sent keeps the feature's own hotspot entry only: its rank is the server's.
      return a?.kind === 'site' && a.hotspot && v.hotspotRank
        ? { ...a, hotspot: { ...a.hotspot, rank: v.hotspotRank } }
        : a;
    }
    return this.situation && this.currentReport && this.selectedId
      ? analysisView(this.situation, this.currentReport, this.selectedId)
      : undefined;
  });

  /** The selected site's best path from a hub, as drawn with the map's date. */
  bestPath: FeatureCollection<LineString> = $derived(
    this.mode === 'tiled'
      ? bestPathData(this.currentView?.report, this.selectedId)
      : bestPathData(this.mapBasis?.report, this.selectedId),
  );

  details: FeatureDetails | undefined = $derived(
    this.mode === 'tiled'
      ? this.currentView && this.selectedId
        ? featureDetails(this.currentView.situation, this.selectedId, this.asOf)
        : undefined
      : this.situation && this.asOf && this.selectedId
        ? featureDetails(this.situation, this.selectedId, this.asOf)
        : undefined,
  );

  /** The selected feature as drawn on the date (with its style properties), for the selection halo. */
  selectedMapFeature: Feature | undefined = $derived.by(() => {
    if (this.mode === 'tiled') {
      const v = this.currentView;
      if (!v || !this.details) return undefined;
      const site = this.verdicts?.sites[v.id];
      return { type: 'Feature', geometry: this.details.geometry, properties: { id: v.id, ...site } };
    }
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
      compare: this.compareWith || undefined,
    }).toString(),
  );

  /** Takes the view, layers, date and selection from a link. */
  applyUrl(params: URLSearchParams): void {
    const s = parseUrlState(params);
    this.view = s.view;
    this.layers = s.layers;
    this.selectedId = s.selected;
    this.requestedDate = s.date;
    this.compareWith = s.compare ?? '';
  }

  /** The situation has arrived: open on the linked date (kept inside the time range) or the default one. */
  setSituation(situation: Situation): void {
    const { defaultAsOf, timeRange } = situation.scenario;
    this.situation = situation;
    this.asOf = clampDate(this.requestedDate ?? defaultAsOf, timeRange.from, timeRange.to);
    if (this.compareWith) this.compareWith = clampDate(this.compareWith, timeRange.from, timeRange.to);
    this.analysis = { state: 'running', asOf: this.asOf };
  }

  setDate(date: string): void {
    const range = this.timeRange;
    if (!range || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    const next = clampDate(date, range.from, range.to);
    if (next !== this.asOf) {
      this.asOf = next;
      this.mapReady = false;
      // Set with the date, so nothing draws the new date with the old verdicts in between.
      this.analysis = { state: 'running', asOf: next };
    }
  }

  /**
   * Tiled mode: the server holds the situation; the page starts from its scenario alone (the layers stay
   * empty), on the linked date or the default one.
   */
  setTiled(scenario: Situation['scenario']): void {
    this.mode = 'tiled';
    this.setSituation({
      scenario,
      areas: [],
      frontlines: [],
      sites: [],
      crossings: [],
      roads: [],
      corridors: [],
      incidents: [],
      constraints: [],
      admin: [],
    });
  }

  /** Tiled mode: the server's verdicts of a date; kept when of the date shown (a later date may be asked). */
  setVerdicts(verdicts: MapVerdicts, totalMs: number): void {
    if (verdicts.asOf !== this.asOf) return;
    this.verdicts = verdicts;
    this.analysis = { state: 'done', asOf: verdicts.asOf, totalMs, engineMs: totalMs, includesLoad: false };
    // The map first, the panels after its frame: filled in the same update, the protection panel, the hotspot
    // list and the list ran before the map's effect, which applied the verdicts 135–230 ms after they arrived
    // at a tenth of Sudan scale (docs/performance.md, "The map at scale"). A later date's replace these.
    afterNextFrame(() => {
      if (this.verdicts !== verdicts) return;
      this.panelVerdicts = verdicts;
      flushSync();
      window.__corridorPanels = { date: verdicts.asOf, ms: performance.now() };
    });
  }

  /** The worker answered for the latest date asked for. */
  setReport(
    report: AnalysisReport,
    timing: { totalMs: number; engineMs: number; includesLoad: boolean },
  ): void {
    this.report = report;
    this.analysis = { state: 'done', asOf: report.asOf, ...timing };
  }

  /** Compare mode on (a date) or off (empty), kept inside the time range. */
  setCompareWith(date: string): void {
    const range = this.timeRange;
    if (date === '') this.compareWith = '';
    else if (range && /^\d{4}-\d{2}-\d{2}$/.test(date))
      this.compareWith = clampDate(date, range.from, range.to);
  }

  setComparison(c: DateComparison): void {
    this.comparison = c;
    this.comparisonStatus = { state: 'idle' };
  }

  analysisFailed(message: string): void {
    this.analysis = { state: 'failed', asOf: this.asOf, message };
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
