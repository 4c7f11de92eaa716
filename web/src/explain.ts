/** A share as a whole percentage, e.g. 0.91 → "91%". */
export const pct = (x: number): string => `${Math.round(x * 100)}%`;
