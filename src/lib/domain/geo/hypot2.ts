/**
 * `Math.hypot(x, y)`, to the last bit, without its cost: V8 does not inline `Math.hypot`, whose builtin takes
 * its arguments as a list and allocates an array of their absolute values and a number for the answer on
 * every call. The corridors' front-line loops call it for every corridor segment near a front-line segment
 * (some 20,000 times per move of one line on the full-size walks). The steps are V8's (math.tq, `MathHypot`):
 * each value divided by the largest and squared, summed with Kahan's compensation, the root multiplied back.
 *
 * @example
 * hypot2(3, 4) // 5
 */
export function hypot2(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (Number.isNaN(x) || Number.isNaN(y)) return ax === Infinity || ay === Infinity ? Infinity : NaN;
  const max = ax > ay ? ax : ay;
  if (max === Infinity) return Infinity;
  if (max === 0) return 0;
  const nx = ax / max;
  const ny = ay / max;
  // With two terms the compensation never applies: after the first it is (nx² - 0) - nx², which is 0.
  return Math.sqrt(nx * nx + ny * ny) * max;
}
