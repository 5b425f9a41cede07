import { readdirSync, readFileSync } from 'node:fs';

/**
 * Samples the memory of a Chromium (its main process and every process in its process group: renderers, zygote,
 * utility processes) every `everyMs`, keeping the peak. Counts PSS (proportional set size), not RSS: Chromium's
 * processes share most of their pages, and summing RSS would count those once per process. Linux /proc only.
 */
export function sampleChromiumMemory(pid: () => number | null, everyMs = 200): { stop(): number } {
  let peakKb = 0;
  const sample = () => {
    const group = pid();
    if (group === null) return;
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // Fields after the command name: state ppid pgrp ...
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) !== group) continue;
        const rollup = readFileSync(`/proc/${entry}/smaps_rollup`, 'utf8');
        total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
      } catch {
        // The process ended while we looked.
      }
    }
    peakKb = Math.max(peakKb, total);
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peakKb / 1024;
    },
  };
}
