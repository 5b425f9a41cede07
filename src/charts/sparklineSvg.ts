// KPI sparklines are drawn by hand: a polyline of numbers needs no Vega and costs microseconds per card.
export function sparklineSvg(values: (number | null)[], width = 96, height = 24): string {
  const nums = values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
  const present = nums.filter((v): v is number => v !== null);
  if (present.length < 2) return '';
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min || 1;
  const step = width / (nums.length - 1);
  const segments: string[] = [];
  let current: string[] = [];
  nums.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (height - 2 - ((v - min) / span) * (height - 4)).toFixed(1);
    current.push(`${x},${y}`);
  });
  if (current.length) segments.push(current.join(' '));
  const lines = segments
    .map((pts) => `<polyline points="${pts}" fill="none" stroke="currentColor" stroke-width="1.5"/>`)
    .join('');
  return `<svg class="sparkline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-hidden="true" focusable="false">${lines}</svg>`;
}
