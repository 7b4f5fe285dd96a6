import type { Geometry } from 'geojson';
import { crossingStatusOn, siteFiguresOn } from '$lib/domain/asOf';
import { layerGeometryTypes, type CrossingFeature, type SiteFeature } from '$lib/domain/schemas';
import { toWkt } from './wkt';

/** A feature as the exporters read it: any layer's, properties by name. */
export interface ExportFeature {
  geometry: Geometry;
  properties: Record<string, unknown> & { id: string; name: string };
}

export type Cell = string | number | boolean | undefined;

/** One column of a table export: its header, its HXL hashtag (HXL 1.1: #tag+attribute) and its value. */
export interface Column {
  header: string;
  hxl: string;
  /** Text columns can hold formulas when opened in a spreadsheet; the CSV writer neutralises those. */
  value: (f: ExportFeature) => Cell;
  /** Geometry columns are left out of KML and GPX, which carry the geometry itself. */
  geometry?: boolean;
}

const prop =
  (key: string) =>
  (f: ExportFeature): Cell => {
    const v = f.properties[key];
    if (Array.isArray(v)) return v.every((x) => typeof x !== 'object') ? v.join(';') : JSON.stringify(v);
    if (v !== null && typeof v === 'object') return JSON.stringify(v);
    return v as Cell;
  };
const col = (header: string, hxl: string, value: Column['value'] = prop(header)): Column => ({
  header,
  hxl,
  value,
});

/** The latest figures on the as-of date (or the latest of all without one), as a map or table shows them. */
const figures = (f: ExportFeature, asOf: string | undefined) =>
  siteFiguresOn(f as unknown as SiteFeature, asOf ?? '9999-12-31');
const crossingStatus = (f: ExportFeature, asOf: string | undefined) =>
  crossingStatusOn(f as unknown as CrossingFeature, asOf ?? '9999-12-31');

/** Columns every layer has first: identity, names, and where the record comes from. */
function identity(idHxl: string, nameHxl: string): Column[] {
  return [
    col('id', idHxl),
    col('name', nameHxl),
    col('nameAr', `${nameHxl}+i_ar`),
    col('sensitivity', '#meta+sensitivity'),
    col('source', '#meta+source'),
    col('sourceUrl', '#meta+url'),
  ];
}
const validity = [col('validFrom', '#date+start'), col('validTo', '#date+end')];
const note = col('note', '#description+note');

/** Columns of each layer after the identity ones. Layers not named here get their scalar properties. */
function layerSpecific(layer: string, asOf: string | undefined): Column[] | undefined {
  switch (layer) {
    case 'areas':
      return [col('actorId', '#group+code'), col('confidence', '#status+confidence'), ...validity];
    case 'frontlines':
      return [col('actorIds', '#group+code'), ...validity];
    case 'sites':
      return [
        col('kind', '#loc+type'),
        col('country', '#country+code'),
        col('hub', '#loc+hub'),
        col('population', '#population', (f) => figures(f, asOf).population?.value),
        col('populationDate', '#date+population', (f) => figures(f, asOf).population?.date),
        col('ipcPhase', '#severity+ipc', (f) => figures(f, asOf).ipcPhase?.value),
        col('famine', '#indicator+famine', (f) => figures(f, asOf).famine?.value),
        col('precisionKm', '#geo+precision'),
        ...validity,
      ];
    case 'crossings':
      return [
        col('kind', '#loc+type'),
        col('countries', '#country+code'),
        col('actorIds', '#group+code'),
        col('status', '#status', (f) => crossingStatus(f, asOf)?.status),
        col('statusSince', '#date+status', (f) => crossingStatus(f, asOf)?.since),
        col('statusSource', '#meta+source+status', (f) => crossingStatus(f, asOf)?.source),
        ...validity,
      ];
    case 'roads':
      return [col('class', '#loc+type'), col('impassableMonths', '#access+impassable+months'), ...validity];
    case 'corridors':
      return [
        col('fromSiteId', '#loc+code+from'),
        col('toSiteId', '#loc+code+to'),
        col('description', '#description'),
        ...validity,
      ];
    case 'incidents':
      return [
        col('date', '#date+occurred'),
        col('category', '#event+type'),
        col('severity', '#severity'),
        col('verification', '#status+verification'),
        col('fatalities', '#affected+killed'),
        col('description', '#description'),
      ];
    case 'constraints':
      return [
        col('kind', '#access+type'),
        col('severity', '#severity'),
        col('description', '#description'),
        ...validity,
      ];
    default:
      return undefined;
  }
}

const IDENTITY_KEYS = new Set(['id', 'name', 'nameAr', 'sensitivity', 'source', 'sourceUrl', 'note']);

/** A layer this module does not know: every property found on its features, in order of first sight. */
function discovered(features: ExportFeature[]): Column[] {
  const keys: string[] = [];
  for (const f of features)
    for (const k of Object.keys(f.properties)) if (!IDENTITY_KEYS.has(k) && !keys.includes(k)) keys.push(k);
  const known: Record<string, string> = { validFrom: '#date+start', validTo: '#date+end', date: '#date' };
  return keys.map((k) => col(k, known[k] ?? `#meta+${k.toLowerCase().replace(/[^a-z0-9]/g, '')}`));
}

/** Position columns: lat/lon for points, WKT for any other geometry (both when a layer mixes them). */
function geometryColumns(layer: string, features: ExportFeature[]): Column[] {
  const types = new Set(
    (layerGeometryTypes as Record<string, readonly string[] | undefined>)[layer] ??
      features.map((f) => f.geometry.type),
  );
  const point = (i: 0 | 1) => (f: ExportFeature) =>
    f.geometry.type === 'Point' ? f.geometry.coordinates[i] : undefined;
  const out: Column[] = [];
  if (types.has('Point'))
    out.push(
      { header: 'lat', hxl: '#geo+lat', value: point(1), geometry: true },
      { header: 'lon', hxl: '#geo+lon', value: point(0), geometry: true },
    );
  if ([...types].some((t) => t !== 'Point'))
    out.push({
      header: 'wkt',
      hxl: '#geo+wkt',
      value: (f) => (f.geometry.type === 'Point' ? undefined : toWkt(f.geometry)),
      geometry: true,
    });
  return out;
}

/**
 * The columns of a layer's table: identity, the layer's own fields (figures and crossing status as of
 * `asOf` when given, else the latest), the note, then the position.
 */
export function layerColumns(layer: string, features: ExportFeature[], asOf?: string): Column[] {
  const isEvent = layer === 'incidents' || layer === 'constraints';
  return [
    ...identity(isEvent ? '#event+code' : '#loc+code', isEvent ? '#event+name' : '#loc+name'),
    ...(layerSpecific(layer, asOf) ?? discovered(features)),
    note,
    ...geometryColumns(layer, features),
  ];
}
