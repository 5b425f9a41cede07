import { AlmanacError } from '../errors/AlmanacError.ts';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `10m`, `2h`, `1d` (or bare seconds) → milliseconds. */
export function parseDuration(text: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text.trim());
  if (!m) {
    throw new AlmanacError('BadUsage', `${option} "${text}" is not a duration.`, {
      hint: `Examples: ${option} 90s, ${option} 10m, ${option} 2h.`,
      exitCode: 2,
    });
  }
  return Math.round(Number(m[1]) * (UNIT_MS[m[2] || 's'] ?? 1000));
}
