import { hostname } from 'node:os';

/** Whether a process named by a lock or status file still runs (a process on another host counts as alive). */
export function isProcessAlive(holder: { pid: number; host: string }): boolean {
  if (holder.host && holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
