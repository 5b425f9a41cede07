// Number wording for summaries, verdicts and recommendations. Fixed English formats (no locale lookups) so the
// same numbers always give the same words.

export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 0.98765 → "98.8%"; 1 → "100%"; small shares keep two decimals ("0.35%"). */
export function formatPercent(fraction: number, digits = 1): string {
  const pct = fraction * 100;
  if (pct !== 0 && Math.abs(pct) < 1) return `${trimZeros(pct.toFixed(2))}%`;
  return `${trimZeros(pct.toFixed(digits))}%`;
}

/** 850 → "850 ms", 12_300 → "12.3 s", 151_000 → "2 min 31 s", 5_400_000 → "1 h 30 min". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(ms)} ms`;
  if (abs < 60_000) return `${trimZeros((ms / 1000).toFixed(1))} s`;
  if (abs < 3_600_000) {
    const total = Math.round(abs / 1000);
    const m = Math.floor(total / 60);
    const s = total % 60;
    return `${ms < 0 ? '-' : ''}${m} min${s ? ` ${s} s` : ''}`;
  }
  const totalMin = Math.round(abs / 60_000);
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  return `${ms < 0 ? '-' : ''}${h} h${m ? ` ${m} min` : ''}`;
}

/** A relative change as words: 0.042 → "4.2% more", -0.1 → "10% fewer" (or higher/lower). */
export function formatChange(ratio: number, up = 'more', down = 'fewer'): string {
  const word = ratio >= 0 ? up : down;
  return `${formatPercent(Math.abs(ratio))} ${word}`;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
