// Presets in words, for the command line and the report: the hint that one fits a file, and the list of
// them all (`corridor import --presets`). English, like the rest of the command line's output. Pure.
import type { LayerName } from '$lib/domain/schemas';
import { PRESETS, findPreset } from './index';
import type { PresetFit } from './types';

// Letters read as names: "a UCDP", "an IPC", "an ACLED", "a HOT".
const article = (word: string) => (/^[aeio]/i.test(word) ? 'an' : 'a');

/**
 * The line saying which preset fits and how to use it, or undefined when none does.
 *
 * @example presetHint([{ name: 'ucdp-ged', label: 'UCDP GED', layer: 'incidents', score: 0.9 }], 'incidents')
 * // 'looks like a UCDP GED export: add --preset ucdp-ged'
 */
export function presetHint(fits: readonly PresetFit[] | undefined, layer: LayerName): string | undefined {
  const best = fits?.[0];
  if (!best) return undefined;
  const p = findPreset(best.name);
  const layerPart = best.layer === layer ? '' : ` --layer ${best.layer}`;
  const asks = p?.ask?.length ? ` ${p.ask.map((f) => `--set ${f}=…`).join(' ')}` : '';
  const others = (fits ?? []).slice(1).map((f) => f.name);
  return (
    `looks like ${article(best.label)} ${best.label} export: add --preset ${best.name}${layerPart}${asks}` +
    (others.length > 0 ? ` (also fits: ${others.join(', ')})` : '')
  );
}

/** Every preset: name, source, layer, the columns that tell it, what it maps and what the user must add. */
export function presetList(): string {
  const out: string[] = [
    'Presets (corridor import FILE --preset NAME; offered when a file’s columns fit one):',
    '',
  ];
  for (const p of PRESETS) {
    out.push(`${p.name.padEnd(20)} ${p.label} → ${p.layer}`);
    const detected = p.offeredForLayer
      ? `offered on the ${p.layer} layer for a file with no column for ${(p.ask ?? []).join(', ')}`
      : `columns ${p.required.map((names) => names.join(' or ')).join(', ')}`;
    out.push(`${' '.repeat(21)}detected by: ${detected}`);
    const maps = Object.entries(p.fields).map(([field, names]) => `${field} ← ${names.join(' or ')}`);
    const set = Object.entries(p.set ?? {}).map(([field, value]) => `${field} = ${value}`);
    const translated = Object.keys(p.values ?? {});
    if (maps.length + set.length > 0)
      out.push(
        `${' '.repeat(21)}maps: ${[...maps, ...set].join('; ')}${translated.length ? ` (values of ${translated.join(', ')} translated)` : ''}`,
      );
    if (p.needs) out.push(`${' '.repeat(21)}you add: ${p.needs}`);
  }
  return `${out.join('\n')}\n`;
}
