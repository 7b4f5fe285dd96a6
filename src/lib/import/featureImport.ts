// Features of a GeoJSON, KML or GPX file → features of the target layer. Properties already in the
// layer's schema (a file exported by Corridor) pass through; foreign ones are matched by name like table
// columns (`highway` → class, `name:ar` → nameAr), OCHA's COD-AB fields are read for the admin layer, and
// foreign members (`bbox`, a `crs` meaning WGS 84, `id` outside `properties`) are not kept.
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { parentsByOverlap } from './adminParents';
import { boundaryExportValues, type BoundaryValues } from './boundaryExports';
import { codAdminValues } from './codAdmin';
import { countsOf, FeatureCollector } from './collectFeatures';
import { detectMapping } from './columnDetection';
import { fixedValueProblems } from './fixedValues';
import { presetFits, withPreset } from './presets';
import { rewoundPolygon } from './rewindRings';
import { namedNotice } from './tableImport';
import { sourceKeyOf } from './sourceKey';
import { fileSlug } from './text';
import { buildProperties, type BuildContext } from './toLayer';
import type { ImportFormat, ImportOptions, ImportPreview, ImportProblem } from './types';
import { translators } from './valueTranslations';

/** Features looked at for the property names a preset is fitted to: exports repeat the same keys. */
const SAMPLED_FEATURES = 100;

/** The property names of the first features, in the order first seen. */
function propertyNames(raw: readonly unknown[]): string[] {
  const names = new Set<string>();
  for (const item of raw.slice(0, SAMPLED_FEATURES)) {
    const p = (item as { properties?: unknown } | null)?.properties;
    if (typeof p === 'object' && p !== null && !Array.isArray(p))
      for (const k of Object.keys(p)) names.add(k);
  }
  return [...names];
}

/** Only `type` and `coordinates`: a geometry's own `bbox` and foreign members are dropped. */
function cleanGeometry(g: unknown): Geometry | null {
  if (typeof g !== 'object' || g === null) return null;
  const o = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (o.type === 'GeometryCollection') return { type: 'GeometryCollection', geometries: [] } as Geometry;
  if (typeof o.type !== 'string') return null;
  // A multi-geometry of one part (GPX tracks, KML MultiGeometry) is that part: layers of single lines accept it.
  if (
    (o.type === 'MultiLineString' || o.type === 'MultiPoint') &&
    Array.isArray(o.coordinates) &&
    o.coordinates.length === 1
  )
    return {
      type: o.type === 'MultiLineString' ? 'LineString' : 'Point',
      coordinates: o.coordinates[0],
    } as Geometry;
  return { type: o.type, coordinates: o.coordinates } as Geometry;
}

export function importFeatures(
  raw: readonly unknown[],
  format: ImportFormat,
  options: ImportOptions,
  fileProblems: ImportProblem[],
): ImportPreview {
  const file = options.fileName;
  const columns = propertyNames(raw).map((name) => ({ name }));
  const fits = presetFits(columns, options.layer);
  const preset = withPreset(options.mapping, options.preset, columns, options.layer);
  const mapping = preset.mapping;
  const set = mapping?.set ?? {};
  const setProblems = fixedValueProblems(set, options.layer);
  // A wrong fixed value would be wrong on every feature, a preset that cannot apply on every one: nothing is read.
  const refusals = [
    ...setProblems.map((message) => ({
      code: 'bad_fixed_value' as const,
      message,
      suggestion: 'fix the --set option (or the fixed values of the mapping)',
    })),
    ...(setProblems.length > 0 ? [] : preset.problems),
  ];
  if (refusals.length > 0)
    return {
      layer: options.layer,
      format,
      file,
      features: [],
      problems: [...fileProblems, ...refusals.map((r) => ({ level: 'error' as const, file, ...r }))],
      ...(fits.length > 0 ? { presets: fits } : {}),
      // The mapping tried, so the form shows it and the user can add what the preset asks for.
      ...(mapping ? { mapping } : {}),
      counts: {
        read: 0,
        valid: 0,
        rejected: 0,
        warnings: fileProblems.filter((p) => p.level === 'warning').length,
      },
    };
  const collector = new FeatureCollector({
    file,
    layer: options.layer,
    extent: options.extent,
    countries: options.countries,
    actors: options.actors,
  });
  let rewound = 0;
  let boundarySource: BoundaryValues['source'] | undefined;
  /** The property names of the first feature: the signature its mapping is remembered under. */
  let firstKeys: string[] | undefined;
  let named = 0;
  let namedExample = '';
  const mappings = new Map<string, Record<string, string>>();
  const given = mapping?.fields ?? {};
  const translate = translators(mapping?.values);
  const step = Math.max(1, Math.floor(raw.length / 50));

  raw.forEach((item, index) => {
    if (options.onProgress && index % step === 0) options.onProgress(0.5 + (0.5 * index) / raw.length);
    const where = { featureIndex: index };
    const f = item as { type?: unknown; id?: unknown; geometry?: unknown; properties?: unknown } | null;
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
      collector.reject(where, undefined, [
        { level: 'error', code: 'not_a_feature', field: 'type', message: 'is not a GeoJSON Feature' },
      ]);
      return;
    }
    const props = (typeof f.properties === 'object' && f.properties !== null ? f.properties : {}) as Record<
      string,
      unknown
    >;
    const keys = Object.keys(props);
    const signature = keys.join('\u0000');
    let fields = mappings.get(signature);
    if (!fields) {
      fields = detectMapping(
        keys.map((name) => ({ name })),
        options.layer,
        given,
      );
      mappings.set(signature, fields);
    }
    const values: Record<string, unknown> = {};
    for (const [field, key] of Object.entries(fields))
      values[field] = translate[field] ? translate[field](props[key]) : props[key];
    if (options.layer === 'admin') {
      const cod = codAdminValues(props);
      const other = cod ? undefined : boundaryExportValues(props);
      if (other) {
        boundarySource ??= other.source;
        // What a mapping or a fixed value gives wins over what is read from the collection's fields.
        for (const [k, v] of Object.entries(other.values)) values[k] ??= v;
      }
      Object.assign(values, cod ?? {});
    }
    if (values.id === undefined && (typeof f.id === 'string' || typeof f.id === 'number')) values.id = f.id;
    Object.assign(values, set);
    firstKeys ??= keys;

    const ctx: BuildContext = {
      layer: options.layer,
      fileSlug: fileSlug(file),
      defaultSource: file,
      defaultCountry: options.defaultCountry,
      figureDate: options.date,
      origin: (field) =>
        set[field] !== undefined ? `${field} (fixed value)` : `properties.${fields[field] ?? field}`,
    };
    const built = buildProperties(values, props, ctx, index);
    if (built.namedByImport) {
      named++;
      namedExample ||= String(built.properties.name);
    }

    let geometry = cleanGeometry(f.geometry);
    if (
      geometry &&
      (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') &&
      Array.isArray(geometry.coordinates)
    ) {
      try {
        const r = rewoundPolygon(geometry as Polygon | MultiPolygon);
        if (r.rewound) rewound++;
        geometry = r.geometry;
      } catch {
        // Malformed rings: left as they are, for the geometry checks to name the problem.
      }
    }
    collector.add({ geometry, properties: built.properties }, where, built.issues);
  });

  if (rewound > 0)
    collector.notices.add(
      'rings_rewound',
      'warning',
      () =>
        `${rewound} polygon${rewound === 1 ? ' had its' : 's had their'} outer ring clockwise (the old GIS convention): rewound by RFC 7946's right-hand rule`,
    );
  if (options.layer === 'admin' && boundarySource) {
    // A collection without parent codes: the area one level up that covers most of each one.
    const found = parentsByOverlap(collector.features, options.existing);
    const byPcode = new Map(found.map((x) => [x.pcode, x]));
    for (const f of collector.features) {
      const hit = byPcode.get(String((f.properties as { pcode?: unknown }).pcode));
      if (hit) (f.properties as Record<string, unknown>).parentPcode = hit.parentPcode;
    }
    if (found.length > 0) {
      const least = found.reduce((a, b) => (b.share < a.share ? b : a));
      collector.notices.add(
        'parents_assigned',
        'warning',
        () =>
          `${found.length} area${found.length === 1 ? '' : 's'} given the parent that covers most of ${found.length === 1 ? 'it' : 'each'} (the file names no parent); the least covered: ${least.childName} in ${least.parentName} (${Math.round(least.share * 100)} %)`,
        'check the parents of areas that straddle a boundary of the level above',
      );
    }
  }
  if (boundarySource)
    collector.notices.add(
      'boundaries_keyed',
      'warning',
      () =>
        boundarySource === 'geoBoundaries'
          ? 'read as a geoBoundaries export: name from shapeName, level from shapeType, and, as it has no P-codes, a key made of the country code and shapeID (TD20612732B…)'
          : 'read as a GADM export: name from NAME_n, level from the deepest GID_n, and, as it has no P-codes, a key made of the country code and the GID numbers (TCD.1.2_1 → TD0102)',
      'import OCHA’s COD boundaries instead when there are some: tables of figures join on their P-codes',
    );
  if (named > 0)
    collector.notices.add('named_from_fields', 'warning', () => namedNotice(named, 'feature', namedExample));
  const problems = [...fileProblems, ...collector.allProblems()];
  return {
    layer: options.layer,
    format,
    file,
    features: collector.features,
    problems,
    counts: countsOf(collector.read, collector.valid, collector.rejected, problems),
    ...(Object.keys(set).length > 0 || mapping?.preset
      ? {
          mapping: {
            fields: { ...given },
            ...(Object.keys(set).length > 0 ? { set: { ...set } } : {}),
            ...(mapping?.values ? { values: mapping.values } : {}),
            ...(mapping?.preset ? { preset: mapping.preset } : {}),
          },
        }
      : {}),
    ...(fits.length > 0 ? { presets: fits } : {}),
    ...(firstKeys
      ? {
          sourceKey: sourceKeyOf(
            format,
            firstKeys.map((name) => ({ name })),
          ),
        }
      : {}),
  };
}
