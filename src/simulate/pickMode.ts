import type { FailureMode } from './catalog.ts';
import type { Prng } from './Prng.ts';

/** A failure mode drawn by weight. */
export function pickMode(rng: Prng, modes: readonly FailureMode[]): FailureMode {
  let total = 0;
  for (const m of modes) total += m.weight;
  let x = rng.float() * total;
  for (const m of modes) {
    x -= m.weight;
    if (x < 0) return m;
  }
  return modes[modes.length - 1]!;
}
