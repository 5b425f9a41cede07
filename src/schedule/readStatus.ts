import type { Config } from '../config/Config.ts';
import { isAlmanacError } from '../errors/AlmanacError.ts';
import { nextFireTime } from './cronTimes.ts';
import { collectStatus, warehouseBytes } from './collectStatus.ts';
import type { ScheduledJob } from './Job.ts';
import { isProcessAlive } from './isProcessAlive.ts';
import type { StatusReport } from './StatusReport.ts';
import { readStatusFile, statusFilePath } from './statusFile.ts';
import { describeHolder, readLockHolder, warehouseLockedError } from '../warehouse/WarehouseLock.ts';
import { Warehouse } from '../warehouse/Warehouse.ts';

export interface StatusResult {
  report: StatusReport;
  /** Lines that explain where the report came from when that is not the warehouse itself. */
  notes: string[];
}

/**
 * The status, wherever it can be read: from the scheduler's status file while the scheduler holds the warehouse;
 * otherwise from the warehouse, opened read-only. Another writer holding the warehouse (a long `almanac collect`)
 * is named, and the last status file is shown if there is one.
 */
export async function readStatus(config: Config, table: ScheduledJob[], now: Date): Promise<StatusResult> {
  const file = config.paths.warehouse;
  const holder = readLockHolder(`${file}.lock`);
  const live = holder !== null && isProcessAlive(holder) ? holder : null;
  const fromFile = readStatusFile(statusFilePath(file));
  if (live && fromFile?.daemon && fromFile.daemon.pid === live.pid && fromFile.daemon.state !== 'stopped') {
    return { report: withFreshTimes(fromFile, config, table, now), notes: [] };
  }
  if (live) {
    const notes = [`The warehouse is in use by ${describeHolder(live)}.`];
    if (fromFile) {
      notes.push(`Showing the scheduler's last status file (${fromFile.generatedAt}).`);
      return { report: withFreshTimes({ ...fromFile, daemon: null }, config, table, now), notes };
    }
    throw warehouseLockedError(file, live);
  }
  let warehouse: Warehouse;
  try {
    warehouse = await Warehouse.open(file, { readOnly: true });
  } catch (error) {
    if (isAlmanacError(error) && error.code === 'WarehouseLocked' && fromFile) {
      return { report: { ...fromFile, daemon: null }, notes: [error.message] };
    }
    throw error;
  }
  try {
    const notes: string[] = [];
    if (fromFile?.daemon && fromFile.daemon.state !== 'stopped') {
      notes.push(`The scheduler (PID ${fromFile.daemon.pid}) did not stop cleanly; it is not running now.`);
    }
    return { report: await collectStatus(warehouse, config, table, now, null), notes };
  } finally {
    await warehouse.close();
  }
}

/** Next-run times and the file size move on after the daemon wrote its file; recompute what needs no query. */
function withFreshTimes(report: StatusReport, config: Config, table: ScheduledJob[], now: Date): StatusReport {
  return {
    ...report,
    jobs: report.jobs.map((job) => {
      const entry = table.find((e) => e.job.name === job.job);
      const cron = entry?.cron ?? null;
      return {
        ...job,
        nextRunAt: cron === null ? null : (nextFireTime(cron, config.timezone, now)?.toISOString() ?? null),
      };
    }),
    warehouse: { ...report.warehouse, bytes: warehouseBytes(report.warehouse.path) },
  };
}
