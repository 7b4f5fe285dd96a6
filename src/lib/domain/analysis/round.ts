/** Rounds km (and costs) to 3 decimals (metres) so reports compare byte for byte across machines. */
export function round3(x: number): number {
  const r = Math.round(x * 1000) / 1000;
  return Object.is(r, -0) ? 0 : r;
}
