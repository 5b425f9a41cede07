import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { StatusReport } from './StatusReport.ts';

/**
 * The scheduler's status file sits next to the warehouse. The daemon keeps the warehouse open (it is the one
 * writer), so `almanac status` reads this file while the daemon runs instead of opening the database.
 */
export function statusFilePath(warehousePath: string): string {
  return `${warehousePath}.schedule.json`;
}

/** Atomic: readers see the old or the new file, never half of one. */
export function writeStatusFile(file: string, report: StatusReport): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(report, null, 2) + '\n');
  renameSync(temp, file);
}

export function readStatusFile(file: string): StatusReport | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StatusReport;
  } catch {
    return null;
  }
}
