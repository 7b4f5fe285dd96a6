// https://maplibre.org/maplibre-style-spec/layers/ (background, fill, line, symbol)
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_REGULAR } from './fonts';

export const BASEMAP_SOURCE = 'basemap';

/**
 * Basemap colours: pale and low in contrast so that the data layers on top stay legible, with water a
 * little darker than land so coasts and lakes still read.
 */
export const basemapColors: Record<'water' | 'land' | 'coast' | 'border' | 'label' | 'labelHalo', string> = {
  water: '#d7e3ea',
  land: '#f4f2ec',
  coast: '#a9b9c4',
  border: '#8d8a84',
  label: '#6d6a64',
  labelHalo: '#f4f2ec',
};

/**
 * The same roles in the dark theme of embeds (`theme=dark`): dark land and water, light borders and names,
 * with the data layers' colours unchanged so the legend still reads.
 */
export const darkBasemapColors: typeof basemapColors = {
  water: '#121b24',
  land: '#26303a',
  coast: '#475563',
  border: '#8b97a3',
  label: '#b4bec8',
  labelHalo: '#26303a',
};

/** The basemap GeoJSON holds features of these kinds (see `basemapGeoJson.ts`). */
export type BasemapKind = 'land' | 'border' | 'label';

/** Country names: larger countries in larger type (`rank` 0–3 grows with the country's area). */
export function countryLabelSize(): ExpressionSpecification {
  return ['interpolate', ['linear'], ['get', 'rank'], 0, 10, 3, 13];
}

/** Background (water), land, borders and country names. */
export function basemapLayers(colors = basemapColors): LayerSpecification[] {
  return [
    { id: 'basemap-water', type: 'background', paint: { 'background-color': colors.water } },
    {
      id: 'basemap-land',
      type: 'fill',
      source: BASEMAP_SOURCE,
      filter: ['==', ['get', 'kind'], 'land'],
      paint: { 'fill-color': colors.land, 'fill-outline-color': colors.coast },
    },
    {
      id: 'basemap-borders',
      type: 'line',
      source: BASEMAP_SOURCE,
      filter: ['==', ['get', 'kind'], 'border'],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': colors.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.6],
        'line-dasharray': [4, 2],
      },
    },
  ];
}

/** Country names go above the areas of control but below sites and crossings, so they never hide data. */
export function basemapLabelLayers(colors = basemapColors): LayerSpecification[] {
  return [
    {
      id: 'basemap-country-labels',
      type: 'symbol',
      source: BASEMAP_SOURCE,
      filter: ['==', ['get', 'kind'], 'label'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT_REGULAR],
        'text-size': countryLabelSize(),
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.12,
        'text-max-width': 8,
        'symbol-sort-key': ['-', 0, ['get', 'rank']],
      },
      paint: {
        'text-color': colors.label,
        'text-halo-color': colors.labelHalo,
        'text-halo-width': 1.5,
        'text-opacity': 0.85,
      },
    },
  ];
}
