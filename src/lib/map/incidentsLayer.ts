// https://maplibre.org/maplibre-style-spec/layers/#circle
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { IncidentCategory } from '$lib/domain/schemas';
import { sourceId } from './layerGroups';
import { m } from '$lib/paraglide/messages';

const source = sourceId('incidents');
const metadata = { 'corridor:group': 'incidents' };

/** The ACAPS access-constraint categories (DESIGN.md §2), each with a distinct colour. */
export const INCIDENT_CATEGORY_STYLES: Record<IncidentCategory, { label: string; color: string }> = {
  hostilities: {
    get label() {
      return m.incident_hostilities();
    },
    color: '#7b2d8b',
  },
  violence_against_aid: {
    get label() {
      return m.incident_violence_against_aid();
    },
    color: '#d62728',
  },
  explosive_hazards: {
    get label() {
      return m.incident_explosive_hazards();
    },
    color: '#ff7f0e',
  },
  movement_restriction: {
    get label() {
      return m.incident_movement_restriction();
    },
    color: '#8c564b',
  },
  entry_impediment: {
    get label() {
      return m.incident_entry_impediment();
    },
    color: '#7f7f7f',
  },
  interference: {
    get label() {
      return m.incident_interference();
    },
    color: '#17becf',
  },
  denial_of_need: {
    get label() {
      return m.incident_denial_of_need();
    },
    color: '#e377c2',
  },
  restriction_of_access_to_services: {
    get label() {
      return m.incident_restriction_of_access_to_services();
    },
    color: '#bcbd22',
  },
  physical_environment: {
    get label() {
      return m.incident_physical_environment();
    },
    color: '#1f77b4',
  },
  violence_against_civilians: {
    get label() {
      return m.incident_violence_against_civilians();
    },
    color: '#67001f',
  },
};

export function incidentColor(): ExpressionSpecification {
  return [
    'match',
    ['get', 'category'],
    ...Object.entries(INCIDENT_CATEGORY_STYLES).flatMap(([k, v]) => [k, v.color]),
    '#444444',
  ] as unknown as ExpressionSpecification;
}

/** Severity 0–3: 3 px for an informative report, 8 px for one that blocks roads. */
export function incidentRadius(): ExpressionSpecification {
  return ['interpolate', ['linear'], ['get', 'severity'], 0, 3, 3, 8];
}

export function incidentsLayers(): LayerSpecification[] {
  return [
    {
      id: 'incidents-circle',
      type: 'circle',
      source,
      metadata,
      paint: {
        'circle-color': incidentColor(),
        'circle-radius': incidentRadius(),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.2,
        'circle-opacity': 0.9,
      },
    },
  ];
}
