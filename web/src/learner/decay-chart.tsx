/** How a skill's strength decays with its half-life over the coming months (strength · 0.5^(months / halfLife)). */
export function decayPoints(strength: number, halfLifeMonths: number, months: number, steps = 24): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const m = (months * i) / steps;
    out.push([m, strength * Math.pow(0.5, m / halfLifeMonths)]);
  }
  return out;
}

export function DecayChart({ strength, halfLifeMonths, name, months = 36 }: { strength: number; halfLifeMonths: number; name: string; months?: number }) {
  const w = 120;
  const h = 32;
  // scaled to today's strength: the curve shows the share left after each month (half after one half-life)
  const max = Math.max(strength, 1e-6);
  const points = decayPoints(strength, halfLifeMonths, months);
  const path = points.map(([m, s], i) => `${i ? 'L' : 'M'}${((m / months) * w).toFixed(1)},${(h - (s / max) * h).toFixed(1)}`).join(' ');
  const end = points[points.length - 1][1];
  return (
    <svg className="decay" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${name}: strength ${strength.toFixed(2)} now, ${end.toFixed(2)} in ${months} months without new evidence`}>
      <line x1="0" y1={h - 0.5} x2={w} y2={h - 0.5} stroke="#6b7280" strokeWidth="1" />
      <line x1="0" y1={h / 2} x2={w} y2={h / 2} stroke="#9ca3af" strokeWidth="1" strokeDasharray="3 3" />
      <path d={path} fill="none" stroke="#1d4ed8" strokeWidth="2" />
    </svg>
  );
}
