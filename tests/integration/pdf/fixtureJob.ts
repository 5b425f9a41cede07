import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrintJob } from '../../../src/pdf/PrintJob.ts';

export const fixtureDir = fileURLToPath(new URL('../../fixtures/pdf/', import.meta.url));

/** The KPI values every fixture page prints on its first page. */
export const FIXTURE_KPIS = {
  success_rate: '99.4%',
  jobs_completed: '20,495',
  jobs_failed: '123',
  run_ms_p95: '2.6 min',
  wait_ms_p95: '25 s',
  machines_online_avg: '47.6',
};

export function fixtureJob(name: string, overrides: Partial<PrintJob> = {}): PrintJob {
  return {
    kind: 'daily',
    id: name,
    pageFile: path.join(fixtureDir, `${name}.html`),
    meta: {
      siteTitle: 'Almanac',
      kindLabel: 'Daily report',
      periodLabel: 'Saturday 21 November 2026',
      timezone: 'Europe/Berlin',
      generated: '2026-11-22 07:00',
      subject: 'Success rate 99.4%, above the 99% target; the fleet is steady.',
      keywords: ['daily', '2026-11-21', 'Europe/Berlin'],
    },
    kpiTexts: FIXTURE_KPIS,
    bundleGeneratedAt: '2026-11-22T06:00:00.000Z',
    ...overrides,
  };
}
