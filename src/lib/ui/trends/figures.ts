import { formatNumber, formatSigned } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

// The figures are named by keyFigureLabel (src/lib/ui/keyFigureLabels.ts), as on the map and /compare.

/** 1234567 → "1,234,567" ("1 234 567" in French). */
export const formatCount = (n: number) => formatNumber(n);

/** A signed change: "+12,000", "−411,538" (a real minus sign), "no change", in the interface's language. */
export const formatChange = (d: number) => (d === 0 ? m.tr_no_change() : formatSigned(d));
