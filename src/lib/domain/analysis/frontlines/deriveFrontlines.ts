import { polygonsOf } from '../../geo/polygonsOf';
import { sharedBoundaryLines } from '../../geo/sharedBoundaryLines';
import type { AreaFeature, Scenario } from '../../schemas';
import type { ActiveFrontline } from '../activeLayers';
import { compareStrings } from '../sortById';
import { sameSet } from '../sameSet';

/** Areas closer than this along their boundary are taken to share it. */
export const SHARED_BOUNDARY_TOLERANCE_KM = 0.5;

/**
 * Front lines derived from the shared boundary of areas held (assessed or claimed) by opposing actors, for
 * each pair of actors that no drawn or overridden front line already separates (DESIGN.md §2). The id is
 * `<areaId>|<areaId>`, which reasons name. `cache` keeps the lines of an area pair between calls.
 */
export function deriveFrontlines(
  scenario: Scenario,
  areas: readonly AreaFeature[],
  explicit: readonly ActiveFrontline[],
  cache: Map<string, { a: object; b: object; lines: ActiveFrontline['lines'] }>,
): ActiveFrontline[] {
  const drawn = new Set(explicit.map((f) => pairKey(f.actorIds[0], f.actorIds[1])));
  // A front line moved (or any re-analysis on the same date) gives the same areas and, unless a drawn line's
  // actors changed, the same pairs to leave out: the lines are those of the last call, without every pair of
  // areas tried again (13,000 pairs of the walks' 164 held areas at full size, a few ms on every move). The
  // lines themselves are shared with the last call's list; nothing changes them.
  const last = lastCalls.get(cache);
  if (last && last.scenario === scenario && last.areas === areas && sameSet(last.drawn, drawn))
    return last.out.slice();
  const out = derivedLines(scenario, areas, drawn, cache);
  lastCalls.set(cache, { scenario, areas, drawn, out });
  return out.slice();
}

/** The last call's inputs and lines, per cache (one per analyzer). */
const lastCalls = new WeakMap<
  object,
  { scenario: Scenario; areas: readonly AreaFeature[]; drawn: Set<string>; out: ActiveFrontline[] }
>();

const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** `deriveFrontlines`, where `drawn` holds the actor pairs of the explicit front lines. */
function derivedLines(
  scenario: Scenario,
  areas: readonly AreaFeature[],
  drawn: Set<string>,
  cache: Map<string, { a: object; b: object; lines: ActiveFrontline['lines'] }>,
): ActiveFrontline[] {
  const opposed = new Set<string>();
  for (const actor of scenario.actors) for (const o of actor.opposes) opposed.add(pairKey(actor.id, o));
  const held = areas.filter((a) => a.properties.confidence !== 'contested');
  const boxes = held.map(boxOf);
  const out: ActiveFrontline[] = [];
  for (let i = 0; i < held.length; i++)
    for (let j = i + 1; j < held.length; j++) {
      // The cheap test first: most pairs of areas are far apart.
      if (!boxesTouch(boxes[i], boxes[j])) continue;
      const [a, b] = [held[i], held[j]].sort((x, y) => compareStrings(x.properties.id, y.properties.id));
      const key = pairKey(a.properties.actorId, b.properties.actorId);
      if (!opposed.has(key) || drawn.has(key)) continue;
      const id = `${a.properties.id}|${b.properties.id}`;
      let hit = cache.get(id);
      if (!hit || hit.a !== a.geometry || hit.b !== b.geometry) {
        hit = {
          a: a.geometry,
          b: b.geometry,
          lines: sharedBoundaryLines(
            polygonsOf(a.geometry),
            polygonsOf(b.geometry),
            SHARED_BOUNDARY_TOLERANCE_KM,
          ),
        };
        cache.set(id, hit);
      }
      if (hit.lines.length === 0) continue;
      out.push({
        id,
        name: `boundary of ${a.properties.name} and ${b.properties.name}`,
        actorIds: [a.properties.actorId, b.properties.actorId],
        origin: 'derived',
        lines: hit.lines,
        geometryKey: hit.lines,
      });
    }
  return out.sort((x, y) => compareStrings(x.id, y.id));
}

/** Boxes of area geometries, made once per geometry (features are never mutated). */
const boxCache = new WeakMap<AreaFeature['geometry'], number[]>();

function boxOf(f: AreaFeature): number[] {
  const known = boxCache.get(f.geometry);
  if (known) return known;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const rings of polygonsOf(f.geometry))
    for (const p of rings[0] ?? []) {
      w = Math.min(w, p[0]);
      e = Math.max(e, p[0]);
      s = Math.min(s, p[1]);
      n = Math.max(n, p[1]);
    }
  const box = [w, s, e, n];
  boxCache.set(f.geometry, box);
  return box;
}

// Read by index, not destructured: called for every pair of areas (19,900 for 200) on every analysis, often
// before the optimising compiler takes over, where a destructuring allocated an iterator result per number.
function boxesTouch(a: number[], b: number[]): boolean {
  const pad = 0.01; // ≈ 1 km, more than the tolerance
  return a[0] <= b[2] + pad && b[0] <= a[2] + pad && a[1] <= b[3] + pad && b[1] <= a[3] + pad;
}
