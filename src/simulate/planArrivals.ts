import type { Prng } from './Prng.ts';
import { hourWeight } from './seasonality.ts';

/** A submission: one API step, a multi-step workflow (steps submitted one after another) or a batch burst. */
export interface Arrival {
  at: number;
  kind: 'workflow' | 'direct' | 'batch';
  typeIndex: number;
  steps: number;
}

function workflowLength(rng: Prng): number {
  const x = rng.float();
  return x < 0.5 ? 1 : x < 0.8 ? 2 : x < 0.95 ? 3 : 4;
}

/** A time in the day following the daily curve (hour by weight, uniform within the hour). */
function arrivalTime(rng: Prng, dayStart: number): number {
  let x = rng.float();
  let hour = 0;
  while (hour < 23 && x >= hourWeight(hour)) x -= hourWeight(hour++);
  return Math.floor(dayStart + hour * 3_600_000 + rng.float() * 3_600_000);
}

/**
 * The day's submissions, in time order, until about `volume` steps are planned. Without `window` they follow the
 * daily curve over the whole day; with one they are spread evenly over `[from, to)` (a load generator's steady
 * rate: only that span is planned, however high the rate).
 */
export function planArrivals(
  rng: Prng,
  dayStart: number,
  volume: number,
  typeCdf: readonly number[],
  window?: readonly [number, number],
): Arrival[] {
  const out: Arrival[] = [];
  let planned = 0;
  while (planned < volume) {
    const x = rng.float();
    const kind: Arrival['kind'] = x < 0.55 ? 'workflow' : x < 0.97 ? 'direct' : 'batch';
    const steps =
      kind === 'workflow'
        ? workflowLength(rng)
        : kind === 'batch'
          ? Math.max(3, Math.round(rng.logNormal(15, 0.6)))
          : 1;
    planned += steps;
    const at = window ? Math.floor(window[0] + rng.float() * (window[1] - window[0])) : arrivalTime(rng, dayStart);
    out.push({ at, kind, typeIndex: rng.pickCumulative(typeCdf), steps });
  }
  return out.sort((a, b) => a.at - b.at);
}
