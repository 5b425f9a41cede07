import cron from 'node-cron';
import { localTime } from '../analysis/calendar/zoneClock.ts';

// Schedule math for status ("next run") and catch-up ("last scheduled publish"), with an explicit instant and time
// zone. Matching is node-cron's own (a throwaway task's match()), so these times are exactly the ticks the daemon
// fires; the walk itself is ours because node-cron only looks forward from the wall clock. Walking instants (not
// wall-clock fields) gets DST right for free: a skipped local time never fires, a repeated one fires twice.

const MINUTE = 60_000;
/** Far enough for any yearly expression; a pattern that never fires (Feb 30) gives null instead of looping. */
const HORIZON_MINUTES = 366 * 24 * 60 + 60;

/** The first fire time strictly after `after`, or null when none within a year. */
export function nextFireTime(expression: string, timezone: string, after: Date): Date | null {
  return walk(expression, timezone, after, 1);
}

/** The last fire time at or before `atOrBefore`, or null when none within a year. */
export function previousFireTime(expression: string, timezone: string, atOrBefore: Date): Date | null {
  return walk(expression, timezone, atOrBefore, -1);
}

function walk(expression: string, timezone: string, from: Date, direction: 1 | -1): Date | null {
  const fields = cron.parse(expression);
  const hours = new Set(fields.hour);
  const months = new Set(fields.month);
  const seconds = [...fields.second].sort((a, b) => (direction === 1 ? a - b : b - a));
  const task = cron.createTask(expression, () => undefined, { timezone });
  try {
    const fromMs = from.getTime();
    let minute = Math.floor(fromMs / MINUTE) * MINUTE;
    for (let steps = 0; steps < HORIZON_MINUTES;) {
      const parts = localTime(minute, timezone);
      if (!hours.has(parts.hour) || !months.has(parts.month)) {
        // Nothing in this local hour can fire: jump to the next (or previous) hour boundary. Offset changes happen
        // on the hour, so no instant in between has a different local hour.
        const skip = direction === 1 ? 60 - parts.minute : parts.minute + 1;
        minute += direction * skip * MINUTE;
        steps += skip;
        continue;
      }
      for (const second of seconds) {
        const candidate = minute + second * 1000;
        const inRange = direction === 1 ? candidate > fromMs : candidate <= fromMs;
        if (inRange && task.match(new Date(candidate))) return new Date(candidate);
      }
      minute += direction * MINUTE;
      steps++;
    }
    return null;
  } finally {
    void task.destroy();
  }
}
