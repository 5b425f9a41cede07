export interface ProgressState {
  label: string;
  done: number;
  total: number | null;
  elapsedMs: number;
  detail?: string | undefined;
}

/** Units per second, or null before there is anything to measure. */
export function progressRate(state: ProgressState): number | null {
  if (state.elapsedMs <= 0 || state.done <= 0) return null;
  return (state.done * 1000) / state.elapsedMs;
}

/** Milliseconds left at the current rate, or null when unknown. */
export function progressEtaMs(state: ProgressState): number | null {
  const rate = progressRate(state);
  if (rate === null || state.total === null) return null;
  return (Math.max(0, state.total - state.done) / rate) * 1000;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** One terminal line: `label [#####-----]  50%  5/10  2.0/s  ETA 0:03  detail`, cut to `width` columns. */
export function formatProgressBar(state: ProgressState, width: number): string {
  const parts = [state.label];
  if (state.total !== null && state.total > 0) {
    const fraction = Math.min(1, state.done / state.total);
    const barWidth = 20;
    const filled = Math.round(fraction * barWidth);
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`);
    parts.push(`${String(Math.floor(fraction * 100)).padStart(3)}%`);
    parts.push(`${state.done}/${state.total}`);
  } else {
    parts.push(String(state.done));
  }
  const rate = progressRate(state);
  if (rate !== null) parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`);
  const eta = progressEtaMs(state);
  if (eta !== null && state.total !== null && state.done < state.total) parts.push(`ETA ${formatDuration(eta)}`);
  if (state.detail) parts.push(state.detail);
  const line = parts.join('  ');
  return line.length > width ? line.slice(0, Math.max(0, width - 1)) + '…' : line;
}
