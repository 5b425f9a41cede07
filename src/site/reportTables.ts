// The detail tables of a report page. Each is also written as CSV next to the page (all rows);
// the page shows the first rows only so a fleet of hundreds of machines keeps the page readable.
import type { ReportBundle } from '../report/ReportBundle.ts';
import { formatKpiValue } from './formatKpiValue.ts';

export type ReportTable = {
  id: string;
  title: string;
  caption: string;
  columns: string[];
  rows: (string | number | null)[][];
};

const pct = (v: number | null): string | null => (v === null ? null : formatKpiValue(v, 'fraction'));
const ms = (v: number | null): number | null => (v === null ? null : Math.round(v));

export function reportTables(b: ReportBundle): ReportTable[] {
  return [
    {
      id: 'machines',
      title: 'Machines',
      caption:
        'Every machine that finished jobs, slowest p95 first. Relative run time compares the same job types (1.00 = fleet).',
      columns: [
        'Machine',
        'Source',
        'Jobs',
        'Failed',
        'Failure rate',
        'Run p95 ms',
        'Relative run time',
        'Online',
        'Outlier',
      ],
      rows: [...b.machines.rows]
        .sort((x, y) => (y.run_ms_p95 ?? -1) - (x.run_ms_p95 ?? -1))
        .map((m) => [
          m.machine_id,
          m.source,
          m.jobs_finished,
          m.jobs_failed,
          pct(m.failure_rate),
          ms(m.run_ms_p95),
          m.relative_run_time === null ? null : Number(m.relative_run_time.toFixed(2)),
          pct(m.online_share),
          m.outlier_reason,
        ]),
    },
    {
      id: 'job-types',
      title: 'Job types',
      caption: 'Volume, outcome and timing per job type, and the pool its p90 run time falls in.',
      columns: [
        'Source',
        'Service',
        'Job type',
        'Submitted',
        'Completed',
        'Failed',
        'Success rate',
        'Run p50 ms',
        'Run p95 ms',
        'Wait p95 ms',
        'Pool',
      ],
      rows: b.breakdowns.by_job_type.map((j) => [
        j.source,
        j.service,
        j.job_type,
        j.jobs_submitted,
        j.jobs_completed,
        j.jobs_failed,
        pct(j.success_rate),
        ms(j.run_ms_p50),
        ms(j.run_ms_p95),
        ms(j.wait_ms_p95),
        j.pool,
      ]),
    },
    {
      id: 'failure-messages',
      title: 'Failure messages',
      caption: 'The most frequent final-failure messages (numbers and ids normalized), with new ones flagged.',
      columns: ['Category', 'Message', 'Failures', 'Machines', 'New'],
      rows: b.failures.top_messages.map((m) => [m.error_type, m.message, m.count, m.machines, m.new ? 'new' : null]),
    },
    {
      id: 'models',
      title: 'Model usage',
      caption: 'Models by number of jobs that used them.',
      columns: ['Model', 'Jobs', 'Machines', 'Share'],
      rows: b.models.usage.map((m) => [m.model, m.jobs, m.machines, pct(m.share)]),
    },
    {
      id: 'model-downloads',
      title: 'Model downloads',
      caption: 'Downloads per model and the time they took.',
      columns: ['Model', 'Attempts', 'Failures', 'Success rate', 'Total time ms', 'Bytes'],
      rows: b.models.downloads_by_model.map((d) => [
        d.model,
        d.attempts,
        d.failures,
        pct(d.success_rate),
        d.total_ms,
        d.bytes,
      ]),
    },
    {
      id: 'coverage-gaps',
      title: 'Coverage gaps',
      caption: 'History that could not be read for this period.',
      columns: ['Source', 'Queue', 'From', 'To', 'Reason'],
      rows: b.data_quality.coverage_gaps.map((g) => [g.source, g.queue, g.from, g.to, g.reason]),
    },
  ];
}
