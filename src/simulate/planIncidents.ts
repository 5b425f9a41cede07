import { Prng } from './Prng.ts';

export interface Incident {
  /** Start of escalation, end of escalation, end of peak, end of recovery (epoch ms). */
  start: number;
  peakStart: number;
  peakEnd: number;
  end: number;
  /** Machines the incident hits. */
  machines: Set<number>;
  /** Failure-rate multiplier and run-time multiplier at the peak. */
  failPeak: number;
  slowPeak: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Scripted incidents: one per month of simulated time (at least one), each on a weekday, shaped stable →
 * escalation (2 h) → peak (3 h) → recovery (3 h), hitting about 60% of the machines.
 */
export function planIncidents(seed: number, firstDayMs: number, days: number, machineCount: number): Incident[] {
  const rng = Prng.derive(seed, 0x1c1d);
  const count = Math.max(1, Math.round(days / 30));
  const incidents: Incident[] = [];
  for (let k = 0; k < count; k++) {
    let day = Math.floor(((k + 0.5) / count) * days) + rng.int(5) - 2;
    day = Math.min(days - 1, Math.max(0, day));
    // Move weekend incidents to the next weekday (busy days make the damage visible).
    for (let guard = 0; guard < 3; guard++) {
      const dow = new Date(firstDayMs + day * DAY).getUTCDay();
      if (dow !== 0 && dow !== 6) break;
      day = day + 1 < days ? day + 1 : day - 2;
    }
    const start = firstDayMs + day * DAY + (13 + rng.int(5)) * HOUR;
    const machines = new Set<number>();
    for (let m = 0; m < machineCount; m++) if (rng.chance(0.6)) machines.add(m);
    if (machines.size === 0) machines.add(0);
    incidents.push({
      start,
      peakStart: start + 2 * HOUR,
      peakEnd: start + 5 * HOUR,
      end: start + 8 * HOUR,
      machines,
      failPeak: rng.range(14, 22),
      slowPeak: rng.range(1.6, 2.2),
    });
  }
  return incidents;
}

/** The incident hitting a machine at time t and its intensity in [0, 1] (ramps up, holds, ramps down). */
export function incidentAt(
  incidents: readonly Incident[],
  machine: number,
  t: number,
): { incident: Incident; intensity: number } | null {
  for (const incident of incidents) {
    if (t < incident.start || t >= incident.end || !incident.machines.has(machine)) continue;
    const intensity =
      t < incident.peakStart
        ? (t - incident.start) / (incident.peakStart - incident.start)
        : t < incident.peakEnd
          ? 1
          : 1 - (t - incident.peakEnd) / (incident.end - incident.peakEnd);
    return { incident, intensity };
  }
  return null;
}
