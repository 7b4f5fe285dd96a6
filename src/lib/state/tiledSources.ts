import { resolve } from '$app/paths';
import type { FeatureView } from '$lib/map/tiledList';
import type { Scenario } from '$lib/domain/schemas';
import type { MapVerdicts } from '$lib/map/mapVerdicts';
import { decodeVerdicts, type VerdictsWire } from '$lib/map/verdictsWire';
import { noteKeptCopy } from '$lib/offline/keptData.svelte';

/** What `/map/meta.json` says: the scenario, and whether the map should draw from tiles (docs/scaling.md). */
export interface MapMeta {
  scenario: Scenario;
  features: number;
  threshold: number;
  mode: 'whole' | 'tiled';
}

async function read<T>(r: Response, what: string): Promise<T> {
  if (!r.ok) {
    const body = (await r.json().catch(() => undefined)) as { message?: string } | undefined;
    throw new Error(body?.message ?? `${what}: the server answered ${r.status}`);
  }
  return (await r.json()) as T;
}

/** The map's mode and the scenario, of what the signed-in account may see, or public records. */
export async function fetchMapMeta(): Promise<MapMeta> {
  // Kept by the service worker: offline, the answer may be its copy (noted for the offline banner).
  return read(noteKeptCopy(await fetch(resolve('/map/meta.json'))), 'the map');
}

/** The verdicts of a date from the server's analysis (the tiled map's date change fetches only these). */
export async function fetchVerdicts(date: string, signal: AbortSignal): Promise<MapVerdicts> {
  // Kept by the service worker too: offline, the verdicts of a date shown before (noted for the banner).
  const r = noteKeptCopy(await fetch(`${resolve('/map/verdicts.json')}?date=${date}`, { signal }));
  return decodeVerdicts(await read<VerdictsWire>(r, 'the verdicts'));
}

/** One feature with its verdict on the date; undefined when there is no such feature (for this account). */
export async function fetchFeatureView(
  id: string,
  date: string,
  signal: AbortSignal,
): Promise<FeatureView | undefined> {
  // Kept by the service worker too: offline, the details of a feature opened before on that date.
  const r = noteKeptCopy(await fetch(`${resolve('/map/features/[id]', { id })}?date=${date}`, { signal }));
  if (r.status === 404) return undefined;
  return read(r, 'the feature');
}
