import { readdirSync, readFileSync } from 'node:fs';

/**
 * Samples the memory of this process and all its descendants (a site build child, Chromium with its zygote and
 * renderers, whatever a step starts) every `everyMs`, and keeps the peak of their sum. Memory is PSS, not RSS:
 * Chromium's processes share most of their pages, and summing RSS would count those once per process. The
 * sampler's own CPU time (reading /proc) is returned so callers can leave it out of a step's CPU. Linux /proc only.
 */
export function sampleProcessTree(everyMs = 250): { stop(): { peakMb: number; samplerCpuSeconds: number } } {
  let peakKb = 0;
  let selfMicros = 0;
  const sample = () => {
    const before = process.cpuUsage();
    try {
      let total = 0;
      for (const pid of descendantsOf(process.pid)) total += pssKb(pid);
      peakKb = Math.max(peakKb, total);
    } finally {
      const used = process.cpuUsage(before);
      selfMicros += used.user + used.system;
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakMb: peakKb / 1024, samplerCpuSeconds: selfMicros / 1e6 };
    },
  };
}

/** `root` and every process whose parent chain leads to it. */
function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [root];
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]!) ?? []));
  return found;
}

function pssKb(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // Ended while we looked.
  }
}
