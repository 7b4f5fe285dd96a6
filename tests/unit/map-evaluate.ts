// Evaluates a style expression the way MapLibre does (through the style spec's own expression engine),
// so tests check what the map would draw for a feature, not how the expression is written.
import { expression, featureFilter, latest } from '@maplibre/maplibre-gl-style-spec';

type Props = Record<string, unknown>;
type Spec = Parameters<typeof expression.createPropertyExpression>[2];

/** `layerType` and `property` name a property of the style spec, e.g. `('circle', 'circle-color')`. */
export function evaluate(
  layerType: string,
  property: string,
  expr: unknown,
  properties: Props,
  options: { zoom?: number; state?: Props; geometryType?: 1 | 2 | 3 } = {},
): unknown {
  const ref = latest as unknown as Record<string, Record<string, Spec>>;
  const spec = ref[`paint_${layerType}`]?.[property] ?? ref[`layout_${layerType}`]?.[property];
  if (!spec) throw new Error(`no style property ${layerType}/${property}`);
  const parsed = expression.createPropertyExpression(expr, property, spec);
  if (parsed.result !== 'success') {
    throw new Error(`invalid expression for ${property}: ${parsed.value.map((e) => e.message).join('; ')}`);
  }
  const feature = { type: options.geometryType ?? 1, properties, geometry: [] } as never;
  const value = parsed.value.evaluate({ zoom: options.zoom ?? 6 } as never, feature, options.state as never);
  return value;
}

/** A colour value as `#rrggbb` (MapLibre returns Color objects with 0–1 channels). */
export function hex(value: unknown): string {
  const c = value as { r: number; g: number; b: number };
  const h = (v: number) =>
    Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${h(c.r)}${h(c.g)}${h(c.b)}`;
}

/** Whether a layer's filter keeps a feature with these properties. */
export function passes(filter: unknown, properties: Props, geometryType: 1 | 2 | 3 = 1): boolean {
  const f = featureFilter(filter as never, 'filter');
  return f.filter({ zoom: 6 } as never, { type: geometryType, properties, geometry: [] } as never);
}
