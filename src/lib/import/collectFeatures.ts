// Every candidate feature of a file passes here: the same schemas and geometry checks as the app
// (`parseLayer`), the position checks, ids unique within the file. Errors reject the row, warnings keep it.
import type { Feature, Geometry, Position } from 'geojson';
import { bboxOfGeometry } from '$lib/domain/geo/bboxOfGeometry';
import { geometryProblems } from '$lib/domain/geo/geometryProblems';
import { layerGeometryTypes, parseLayer, type LayerName } from '$lib/domain/schemas';
import { unknownActorIssues } from './actorCheck';
import { pointIssues, shapeExtentIssues } from './pointChecks';
import { FileNotices, placeIssue, plainReason, suggestionFor, type RowIssue } from './problems';
import type { CountryShape, ImportProblem } from './types';

/** Where a candidate is in the file: its CSV line or its feature index. */
export interface Where {
  row?: number;
  featureIndex?: number;
}

export interface CollectOptions {
  file: string;
  layer: LayerName;
  extent?: readonly [number, number, number, number];
  countries?: readonly CountryShape[];
  /** The scenario's actor ids, which features may name (see `actorCheck.ts`). */
  actors?: readonly string[];
  /** The source name of a schema field path (`properties.kind` → the column it came from). */
  origin?: (path: string) => string;
  /** Column names of the position (tables), for messages about it; read when a point is checked. */
  positionFields?: () => { lat: string; lon: string };
}

/** Whether a point's coordinates, as read from the file and not yet validated, are two or more numbers. */
const isPosition = (c: unknown): c is Position =>
  Array.isArray(c) && c.length >= 2 && c.every((x) => typeof x === 'number');

export class FeatureCollector {
  readonly features: Feature[] = [];
  readonly problems: ImportProblem[] = [];
  readonly notices = new FileNotices();
  read = 0;
  rejected = 0;
  /** Features kept so far, including those already handed over by `drain`. */
  valid = 0;
  errors = 0;
  private readonly seen = new Map<string, string>();

  constructor(private readonly o: CollectOptions) {}

  private place(where: Where, id: string | undefined, issue: RowIssue): ImportProblem {
    return placeIssue(this.o.file, where, id, issue);
  }

  /** A row that could not even become a candidate (no position, say): counted as read and rejected. */
  reject(where: Where, id: string | undefined, issues: RowIssue[]): void {
    this.read++;
    this.rejected++;
    this.errors += issues.filter((i) => i.level === 'error').length;
    for (const i of issues) this.problems.push(this.place(where, id, i));
  }

  /** Validates a candidate; keeps it when it has no error. Returns the feature kept, or undefined. */
  add(
    candidate: { geometry: Geometry | null; properties: Record<string, unknown> },
    where: Where,
    issues: RowIssue[] = [],
  ): Feature | undefined {
    this.read++;
    const id = typeof candidate.properties.id === 'string' ? candidate.properties.id : undefined;
    const all: RowIssue[] = [...issues];
    const origin = this.o.origin ?? ((p: string) => p);
    const geometry = candidate.geometry;
    let geometryFirst = false;

    if (!geometry)
      all.push({ level: 'error', code: 'no_geometry', field: 'geometry', message: 'has no geometry' });
    else if (!layerGeometryTypes[this.o.layer].includes(geometry.type))
      all.push({
        level: 'error',
        code: 'wrong_geometry_type',
        field: 'geometry.type',
        message: `must be ${layerGeometryTypes[this.o.layer].join(' or ')} in the ${this.o.layer} layer, not ${geometry.type}`,
      });
    // Only a position of numbers is checked here; the schema reports anything else. Comparing a nested array
    // with a number turns it into text, and one nested 100,000 deep overflows the stack doing so.
    else if (geometry.type === 'Point' && isPosition(geometry.coordinates)) {
      const position = this.o.positionFields?.() ?? {
        lat: 'geometry.coordinates[1]',
        lon: 'geometry.coordinates[0]',
      };
      const country =
        typeof candidate.properties.country === 'string' ? candidate.properties.country : undefined;
      all.push(
        ...pointIssues(geometry.coordinates, position, {
          extent: this.o.extent,
          countries: this.o.countries,
          country,
        }),
      );
    } else if (geometry.type !== 'Point') {
      // The geometry is checked first and on its own, so a self-crossing outline is reported with where it
      // crosses even when nothing else of the feature is usable (the schema stops at the properties).
      const shape = shapeIssues(geometry, this.o.extent);
      geometryFirst = shape.some((i) => i.level === 'error');
      all.unshift(...shape);
    }

    let kept: Feature | undefined;
    if (
      geometry &&
      !all.some((i) => i.level === 'error' && (i.field === 'geometry' || i.field === 'geometry.type'))
    ) {
      const r = parseLayer(this.o.file, this.o.layer, {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', geometry, properties: candidate.properties }],
      });
      for (const issue of r.issues) {
        // Already said, with its position, by the check above.
        if (geometryFirst && issue.field.startsWith('geometry')) continue;
        const reason = plainReason(issue.reason);
        all.push({
          level: 'error',
          code: 'invalid_value',
          field: origin(issue.field),
          message: reason,
          suggestion: suggestionFor(reason),
        });
      }
      kept = r.features[0] as Feature | undefined;
      if (kept) all.push(...unknownActorIssues(candidate.properties, this.o.actors, origin));
    }
    if (id !== undefined) {
      const before = this.seen.get(id);
      const here = where.row !== undefined ? `line ${where.row}` : `feature #${where.featureIndex}`;
      if (before)
        all.push({
          level: 'error',
          code: 'duplicate_id',
          field: origin('properties.id'),
          message: `id "${id}" is already used by ${before} of this file`,
          suggestion: 'give every row its own id, or leave the id column out to number rows by line',
        });
      else if (!all.some((i) => i.level === 'error')) this.seen.set(id, here);
    }
    for (const i of all) this.problems.push(this.place(where, id, i));
    if (all.some((i) => i.level === 'error') || !kept) {
      this.rejected++;
      this.errors += Math.max(1, all.filter((i) => i.level === 'error').length);
      return undefined;
    }
    this.features.push(kept);
    this.valid++;
    return kept;
  }

  /** Hands over the features kept since the last call (a streamed import writes them as it goes). */
  drain(): Feature[] {
    return this.features.splice(0, this.features.length);
  }

  /** The problems of the file: row problems in file order, then the file-wide notices. */
  allProblems(): ImportProblem[] {
    return [...this.problems, ...this.notices.problems(this.o.file)];
  }
}

/** Problems of a line or polygon: its validity (closed rings, no self-crossing), then its extent. */
function shapeIssues(geometry: Geometry, extent?: readonly [number, number, number, number]): RowIssue[] {
  let found: ReturnType<typeof geometryProblems>;
  try {
    found = geometryProblems(geometry);
  } catch {
    // Coordinates that are not arrays of numbers: the schema names what is wrong with them.
    return [];
  }
  if (found.length > 0)
    return found.map((g) => {
      const reason = g.reason;
      return {
        level: 'error' as const,
        code: 'invalid_geometry' as const,
        field: `geometry.${g.path}`,
        message: reason,
        suggestion: suggestionFor(reason),
      };
    });
  return shapeExtentIssues(bboxOfGeometry(geometry), extent);
}

/** The counts of a preview from its problems and features. */
export function countsOf(read: number, valid: number, rejected: number, problems: readonly ImportProblem[]) {
  return { read, valid, rejected, warnings: problems.filter((p) => p.level === 'warning').length };
}
