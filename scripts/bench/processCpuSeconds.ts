import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds used so far by this process (every thread: DuckDB's, Vega's workers) and by its children that have
 * exited and been waited for, with their own waited-for descendants (a site build child; a Chromium once closed,
 * renderers included). Children still running are not counted: a long-lived redis-server or browser shows up only
 * when it ends. On a machine shared with other work this is the figure that load does not inflate. Linux /proc only.
 */
export function processCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // After the command name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks / TICKS_PER_SECOND;
}
