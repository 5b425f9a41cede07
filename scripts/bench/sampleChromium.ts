import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/**
 * Samples a Chromium (its main process and every process in its process group: renderers, zygote, utility
 * processes) every `everyMs`. Memory is PSS (proportional set size), not RSS: Chromium's processes share most of
 * their pages, and summing RSS would count those once per process. CPU is user + system time per process (the
 * largest value seen, so processes that end early still count up to their last sample), as a load-independent
 * measure of work: on an otherwise idle machine, wall time ≈ CPU seconds / cores. Linux /proc only.
 */
export function sampleChromium(
  pid: () => number | null,
  everyMs = 200,
): {
  stop(): { peakMb: number; cpuSeconds: number; samplerCpuSeconds: number };
} {
  let peakKb = 0;
  const ticksAtStart = new Map<string, number>();
  const ticks = new Map<string, number>();
  let selfMicros = 0;
  const sample = (initial: boolean) => {
    const before = process.cpuUsage();
    try {
      read(initial);
    } finally {
      const used = process.cpuUsage(before);
      selfMicros += used.user + used.system;
    }
  };
  const read = (initial: boolean) => {
    const group = pid();
    if (group === null) return;
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // Fields after the command name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) !== group) continue;
        const used = Number(fields[11]) + Number(fields[12]);
        if (initial) ticksAtStart.set(entry, used);
        ticks.set(entry, Math.max(ticks.get(entry) ?? 0, used));
        const rollup = readFileSync(`/proc/${entry}/smaps_rollup`, 'utf8');
        total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
      } catch {
        // The process ended while we looked.
      }
    }
    peakKb = Math.max(peakKb, total);
  };
  sample(true);
  const timer = setInterval(() => sample(false), everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample(false);
      let used = 0;
      for (const [entry, value] of ticks) used += value - (ticksAtStart.get(entry) ?? 0);
      // The sampler's own reading of /proc costs this process CPU: reported so callers can leave it out.
      return { peakMb: peakKb / 1024, cpuSeconds: used / TICKS_PER_SECOND, samplerCpuSeconds: selfMicros / 1e6 };
    },
  };
}
