// Parents of administrative areas whose file names none (geoBoundaries): the area one level up that
// covers most of it. Not containment: boundaries of two levels often come from different sources and do not
// nest (only 61 % of Chad's department Wayi lies in its province in geoBoundaries), so the share of the
// child's area in each candidate is measured, on a grid of points inside the child. Pure.
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { bboxOfGeometry } from '$lib/domain/geo/bboxOfGeometry';

/** Grid points per side over the child's bounding box: enough for a share to the nearest few per cent. */
const GRID = 16;

interface Area {
  pcode: string;
  level: number;
  name: string;
  geometry: Polygon | MultiPolygon;
}

function areaOf(f: Feature): Area | undefined {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const g = f.geometry;
  if (typeof p.pcode !== 'string' || typeof p.level !== 'number' || !g) return undefined;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return undefined;
  return { pcode: p.pcode, level: p.level, name: String(p.name ?? p.pcode), geometry: g };
}

export interface ParentFound {
  pcode: string;
  parentPcode: string;
  /** The share of the child's sampled area in the parent (0–1). */
  share: number;
  childName: string;
  parentName: string;
}

/**
 * For each of `features` (admin areas) with no `parentPcode` and a level above 0, the area of the level
 * above, among `features` and `existing`, that holds the largest share of it. The features are not changed;
 * areas with no candidate, or no overlap with any, get none.
 */
export function parentsByOverlap(
  features: readonly Feature[],
  existing: readonly Feature[] = [],
): ParentFound[] {
  const candidates = [...features, ...existing].map(areaOf).filter((a): a is Area => a !== undefined);
  const out: ParentFound[] = [];
  for (const f of features) {
    const child = areaOf(f);
    const p = (f.properties ?? {}) as Record<string, unknown>;
    if (!child || child.level === 0 || typeof p.parentPcode === 'string') continue;
    const above = candidates.filter((c) => c.level === child.level - 1 && c.pcode !== child.pcode);
    if (above.length === 0) continue;
    const [w, s, e, n] = bboxOfGeometry(child.geometry);
    const counts = new Map<Area, number>();
    let inside = 0;
    for (let i = 0; i < GRID; i++)
      for (let j = 0; j < GRID; j++) {
        const pt: [number, number] = [w + ((i + 0.5) * (e - w)) / GRID, s + ((j + 0.5) * (n - s)) / GRID];
        if (!booleanPointInPolygon(pt, child.geometry)) continue;
        inside++;
        for (const c of above) {
          const [cw, cs, ce, cn] = bboxOfGeometry(c.geometry);
          if (pt[0] < cw || pt[0] > ce || pt[1] < cs || pt[1] > cn) continue;
          if (booleanPointInPolygon(pt, c.geometry)) counts.set(c, (counts.get(c) ?? 0) + 1);
        }
      }
    let best: Area | undefined;
    let most = 0;
    for (const [c, k] of counts) if (k > most) [best, most] = [c, k];
    if (best && inside > 0)
      out.push({
        pcode: child.pcode,
        parentPcode: best.pcode,
        share: most / inside,
        childName: child.name,
        parentName: best.name,
      });
  }
  return out;
}
