import { AnalysisInputError } from '../errors';

/**
 * A series step as people write it: `7d` (days), `2w` (weeks) or a bare number of days. Throws
 * `AnalysisInputError` for anything else.
 *
 * @example
 * parseStep('7d') // 7
 * parseStep('2w') // 14
 */
export function parseStep(text: string): number {
  const m = /^(\d{1,4})([dw]?)$/.exec(text.trim());
  const days = m ? Number(m[1]) * (m[2] === 'w' ? 7 : 1) : NaN;
  if (!m || days < 1)
    throw new AnalysisInputError(`step "${text}" must be a number of days or weeks such as 7d, 14d or 2w`);
  return days;
}
