import { describe, expect, it } from 'vitest';
import { formatAge, formatBytes } from '../../../src/schedule/formatInstant.ts';
import { formatStatus } from '../../../src/schedule/formatStatus.ts';
import type { StatusReport } from '../../../src/schedule/StatusReport.ts';

const report: StatusReport = {
  generatedAt: '2026-11-23T08:14:10Z',
  timezone: 'Europe/Paris',
  daemon: {
    pid: 4121,
    host: 'fleet-01',
    startedAt: '2026-11-23T05:58:02Z',
    state: 'running',
    running: { job: 'collect', since: '2026-11-23T08:14:00Z' },
  },
  jobs: [
    {
      job: 'collect',
      schedule: '*/5 * * * *',
      lastRun: {
        trigger: 'schedule',
        status: 'ok',
        scheduledAt: '2026-11-23T08:10:00Z',
        startedAt: '2026-11-23T08:10:00Z',
        finishedAt: '2026-11-23T08:10:04Z',
        summary: null,
        errorCode: null,
        errorMessage: null,
      },
      lastOkAt: '2026-11-23T08:10:00Z',
      nextRunAt: '2026-11-23T08:15:00Z',
    },
    { job: 'deliver', schedule: 'after publish', lastRun: null, lastOkAt: null, nextRunAt: null },
  ],
  failures: [
    {
      job: 'publish',
      status: 'timeout',
      startedAt: '2026-11-22T05:00:00Z',
      errorCode: 'RunTimedOut',
      errorMessage: 'publish took longer than its timeout of 30 minutes.',
    },
  ],
  collection: { sources: [{ source: 'fleet', lastOkAt: '2026-11-23T08:10:04Z', lagSeconds: 246 }], lagSeconds: 246 },
  warehouse: { path: '/srv/almanac/data/almanac.duckdb', bytes: 432_750_000 },
};

describe('formatStatus', () => {
  it('shows the scheduler, each job in the report zone, failures, lag and size', () => {
    const text = formatStatus(report);
    expect(text).toContain(
      'Scheduler: running (PID 4121 on fleet-01, since 2026-11-23 06:58:02, running collect since 2026-11-23 09:14:00)',
    );
    expect(text).toContain('Times in Europe/Paris; status as of 2026-11-23 09:14:10.');
    expect(text).toMatch(
      /collect │ \*\/5 \* \* \* \*\s+│ 2026-11-23 09:10:00 │ ok\s+│ 2026-11-23 09:10:00 │ 2026-11-23 09:15:00/,
    );
    expect(text).toMatch(/deliver │ after publish\s+│ never\s+│ -\s+│ -\s+│ after publish/);
    expect(text).toContain(
      '  2026-11-22 06:00:00  publish timeout  [RunTimedOut] publish took longer than its timeout of 30 minutes.',
    );
    expect(text).toContain('Collection lag: 4 min (fleet 4 min ago)');
    expect(text).toContain('Warehouse: /srv/almanac/data/almanac.duckdb (412.7 MB)');
    expect(text).not.toContain('rows)');
  });

  it('says when the scheduler is not running, and adds notes', () => {
    const text = formatStatus({ ...report, daemon: null, failures: [] }, [
      'The warehouse is in use by `almanac collect`.',
    ]);
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Scheduler: not running (start it with `almanac schedule`)',
      'The warehouse is in use by `almanac collect`.',
    ]);
    expect(text).toContain('Failures (last 7 days): none');
  });
});

describe('formatAge / formatBytes', () => {
  it('reads at a glance', () => {
    expect([formatAge(42), formatAge(600), formatAge(7_500), formatAge(200_000)]).toEqual([
      '42 s',
      '10 min',
      '2 h 5 min',
      '2 d 7 h',
    ]);
    expect([formatBytes(900), formatBytes(2048), formatBytes(5 * 1024 ** 3)]).toEqual(['900 B', '2.0 KB', '5.0 GB']);
  });
});
