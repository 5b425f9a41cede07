import { formatTable } from '../cli/formatTable.ts';
import { formatAge, formatBytes, formatInstant } from './formatInstant.ts';
import type { StatusReport } from './StatusReport.ts';

/** The text of `almanac status`. Times in the report time zone; messages of failures on their own lines. */
export function formatStatus(report: StatusReport, notes: string[] = []): string {
  const tz = report.timezone;
  const lines: string[] = [];
  const d = report.daemon;
  if (d && d.state !== 'stopped') {
    const doing = d.running ? `, running ${d.running.job} since ${formatInstant(d.running.since, tz)}` : ', idle';
    lines.push(`Scheduler: ${d.state} (PID ${d.pid} on ${d.host}, since ${formatInstant(d.startedAt, tz)}${doing})`);
  } else {
    lines.push('Scheduler: not running (start it with `almanac schedule`)');
  }
  lines.push(...notes);
  lines.push(`Times in ${tz}; status as of ${formatInstant(report.generatedAt, tz)}.`, '');
  const rows = report.jobs.map((job) => ({
    job: job.job,
    schedule: job.schedule,
    'last run': job.lastRun ? formatInstant(job.lastRun.startedAt, tz) : 'never',
    status: job.lastRun?.status ?? '-',
    'last ok': formatInstant(job.lastOkAt, tz),
    'next run': job.nextRunAt ? formatInstant(job.nextRunAt, tz) : job.schedule,
  }));
  lines.push(
    formatTable(['job', 'schedule', 'last run', 'status', 'last ok', 'next run'], rows)
      .replace(/\n.*\n$/, '\n')
      .trimEnd(),
  );
  lines.push('');
  if (report.failures.length === 0) lines.push('Failures (last 7 days): none');
  else {
    lines.push(`Failures (last 7 days, newest first): ${report.failures.length}`);
    for (const f of report.failures) {
      lines.push(
        `  ${formatInstant(f.startedAt, tz)}  ${f.job} ${f.status}  [${f.errorCode ?? '-'}] ${f.errorMessage ?? ''}`,
      );
    }
  }
  const lag = report.collection.lagSeconds;
  lines.push(
    lag === null
      ? 'Collection lag: never collected'
      : `Collection lag: ${formatAge(lag)} (${report.collection.sources
          .map((s) => `${s.source} ${formatAge(s.lagSeconds)} ago`)
          .join(', ')})`,
  );
  lines.push(`Warehouse: ${report.warehouse.path} (${formatBytes(report.warehouse.bytes)})`);
  return lines.join('\n') + '\n';
}
