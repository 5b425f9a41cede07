import { describe, expect, it } from 'vitest';
import { buildKpis, trailingMeans } from '../../../src/analysis/kpis/buildKpis.ts';
import { nullKpiValues } from '../../../src/analysis/kpis/spanKpiValues.ts';
import type { KpiValues } from '../../../src/analysis/kpis/KpiValues.ts';
import type { RuleContext } from '../../../src/analysis/rules/Rule.ts';
import { RULES } from '../../../src/analysis/rules/RULES.ts';
import { runRules, trackRecommendations } from '../../../src/analysis/rules/trackRecommendations.ts';
import type { MachineRow, ReadinessScore } from '../../../src/report/ReportBundle.ts';

const healthyValues = (): KpiValues => ({
  ...nullKpiValues(),
  jobs_submitted: 10_000,
  jobs_completed: 9_950,
  jobs_failed: 30,
  jobs_cancelled: 20,
  jobs_finished: 10_000,
  success_rate: 9_950 / 9_980,
  run_ms_p50: 20_000,
  run_ms_p95: 120_000,
  wait_ms_p50: 1_000,
  wait_ms_p95: 4_000,
  retries: 100,
  peak_hourly_throughput: 600,
});

function machine(id: string, over: Partial<MachineRow> = {}): MachineRow {
  return {
    machine_id: id,
    source: 'emp',
    gpu_count: 1,
    jobs_finished: 1000,
    jobs_completed: 997,
    jobs_failed: 3,
    failure_rate: 0.003,
    run_ms_p95: 120_000,
    fleet_run_ms_p95: 120_000,
    relative_run_time: 1,
    online_share: 1,
    utilization: 0.7,
    outlier: false,
    outlier_reason: null,
    suited_pools: ['fast'],
    ...over,
  };
}

const score = (s: number): ReadinessScore => ({ score: s, previous: null, grade: 'progressing', components: [] });

function healthy(current = healthyValues(), previous = healthyValues()): RuleContext {
  const kpis = buildKpis({
    current,
    previous,
    sameWeekday: null,
    trailingMean: { values: trailingMeans([previous, previous]), label: 'mean' },
    sparkline: [],
    targets: { success_rate: 0.99 },
  });
  return {
    kind: 'daily',
    periodId: '2026-11-21',
    closed: true,
    days: 1,
    kpis,
    targets: { successRate: 0.99, machineVariation: 0.2, waitToRunRatio: 0.25 },
    machines: {
      count: 10,
      heterogeneity_index: 0.08,
      outliers: [],
      rows: Array.from({ length: 10 }, (_, i) => machine(`m-${i}`)),
    },
    failures: {
      total: 30,
      known_category_share: 1,
      by_type: [{ error_type: 'timeout', count: 30, share: 1 }],
      top_messages: [],
      new_modes: [],
      by_machine: [],
    },
    models: {
      usage: [],
      pairs: [],
      by_machine: [],
      downloads_by_model: [{ model: 'sdxl', attempts: 20, failures: 0, success_rate: 1, total_ms: 600_000, bytes: 1 }],
      downloads_by_machine: [],
      download_errors: [],
      placement: { download_ms: 600_000, top3_share: 0.9, saving_hours: 0.1 },
    },
    pools: {
      boundaries: { fast_max_ms: 30_000, standard_max_ms: 180_000 },
      pools: {
        fast: {
          jobs: 7000,
          job_share: 0.7,
          gpu_ms: 1,
          gpu_share: 0.3,
          job_types: 2,
          machines: 4,
          jobs_per_day: 7000,
          daily_cv: 0.1,
        },
        standard: {
          jobs: 2500,
          job_share: 0.25,
          gpu_ms: 1,
          gpu_share: 0.4,
          job_types: 1,
          machines: 4,
          jobs_per_day: 2500,
          daily_cv: 0.1,
        },
        heavy: {
          jobs: 500,
          job_share: 0.05,
          gpu_ms: 1,
          gpu_share: 0.3,
          job_types: 1,
          machines: 2,
          jobs_per_day: 500,
          daily_cv: 0.3,
        },
      },
      job_types: [
        {
          source: 'emp',
          service: 'comfyui',
          job_type: 'txt2img',
          jobs: 7000,
          run_ms_p90: 25_000,
          pool: 'fast',
          share_in_pool: 0.95,
          straddles: false,
        },
      ],
      machines: [],
    },
    readiness: { production: score(70), pools: { fast: score(60), standard: score(55), heavy: score(40) } },
    dataQuality: {
      partial: false,
      notes: [],
      snapshot_coverage: 1,
      snapshots_expected: 288,
      snapshots_taken: 288,
      coverage_gaps: [],
      gap_ms: 0,
      rejects: { total: 0, by_reason: [] },
      late_rows: 0,
      collection_runs: { total: 288, failed: 0 },
      last_collected_at: null,
    },
    forecast: {
      method: '',
      basis_days: 28,
      interval: 0.8,
      next_week: null,
      next_month: null,
      weekly_growth: 0,
      headroom: { peak_hour_jobs: 600, capacity_per_hour: 1200, headroom: 0.5, projected_peak_share: 0.5 },
    },
    utilizationByHour: Array.from({ length: 24 }, () => 0.7),
    workersOnlineAvg: 40,
    runMeanMs: 30_000,
    recentFailureModes: [],
  };
}

const fired = (ctx: RuleContext) => runRules(RULES, ctx).map((f) => f.id);

describe('recommendation rules', () => {
  it('has at least twelve rules with distinct ids, and none fires on a healthy fleet', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(fired(healthy())).toEqual([]);
  });

  const scenarios: [string, (c: RuleContext) => RuleContext, string][] = [
    [
      'success below target',
      () => healthy({ ...healthyValues(), jobs_completed: 9_500, jobs_failed: 480, success_rate: 0.9519 }),
      'success-below-target',
    ],
    [
      'a machine failing far above the fleet',
      (c) => ((c.machines.rows[3] = machine('m-3', { jobs_completed: 900, jobs_failed: 100, failure_rate: 0.1 })), c),
      'machine-failure-rate:m-3',
    ],
    [
      'a slow machine',
      (c) => ((c.machines.rows[5] = machine('m-5', { relative_run_time: 1.4 })), c),
      'slow-machine:m-5',
    ],
    ['high variation across machines', (c) => ((c.machines.heterogeneity_index = 0.35), c), 'machine-variation'],
    [
      'a new failure mode',
      (c) => ((c.recentFailureModes = [{ error_type: 'oom', message: 'CUDA out of memory', count: 40 }]), c),
      'new-failure-mode:',
    ],
    [
      'failures without a category',
      (c) => (
        (c.failures = {
          ...c.failures,
          known_category_share: 0.5,
          by_type: [
            { error_type: 'unknown', count: 15, share: 0.5 },
            { error_type: 'timeout', count: 15, share: 0.5 },
          ],
        }),
        c
      ),
      'unknown-failures',
    ],
    ['many retries', () => healthy({ ...healthyValues(), retries: 2_500 }), 'high-retries'],
    [
      'queue wait growing faster than volume',
      () => healthy({ ...healthyValues(), wait_ms_p95: 9_000 }),
      'queue-wait-growth',
    ],
    [
      'waits long against run time',
      () => healthy({ ...healthyValues(), wait_ms_p95: 60_000 }, { ...healthyValues(), wait_ms_p95: 60_000 }),
      'wait-exceeds-run',
    ],
    [
      'no headroom at the peak',
      (c) => (
        (c.forecast.headroom = {
          peak_hour_jobs: 1150,
          capacity_per_hour: 1200,
          headroom: 0.0417,
          projected_peak_share: 0.96,
        }),
        c
      ),
      'peak-headroom',
    ],
    [
      'idle capacity at night',
      (c) => ((c.utilizationByHour = c.utilizationByHour.map((_, h) => (h < 6 ? 0.1 : 0.8))), c),
      'idle-capacity-night',
    ],
    [
      'a model whose downloads fail',
      (c) => (
        (c.models.downloads_by_model = [
          { model: 'wan', attempts: 20, failures: 6, success_rate: 0.7, total_ms: 1, bytes: 1 },
        ]),
        c
      ),
      'model-download-failures:wan',
    ],
    [
      'a model downloaded for hours every day',
      (c) => (
        (c.models.downloads_by_model = [
          { model: 'flux', attempts: 40, failures: 0, success_rate: 1, total_ms: 3 * 3_600_000, bytes: 1 },
        ]),
        c
      ),
      'model-preplacement:flux',
    ],
    [
      'a job type straddling two pools',
      (c) => ((c.pools.job_types[0] = { ...c.pools.job_types[0]!, share_in_pool: 0.6, straddles: true }), c),
      'pool-straddle:comfyui/txt2img',
    ],
    ['a pool ready to dedicate machines', (c) => ((c.readiness.pools.fast = score(85)), c), 'pool-ready:fast'],
    ['gaps in collection', (c) => ((c.dataQuality = { ...c.dataQuality, gap_ms: 3 * 3_600_000 }), c), 'data-gaps'],
  ];

  it.each(scenarios)('fires on %s', (_name, mutate, id) => {
    const ids = fired(mutate(healthy()));
    expect(ids.some((x) => x === id || (id.endsWith(':') && x.startsWith(id)))).toBe(true);
  });

  it('covers every rule with a scenario', () => {
    const covered = new Set(scenarios.map(([, , id]) => id.split(':')[0]));
    expect([...covered].sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('gives stable ids: the same situation raises the same id', () => {
    const a = runRules(RULES, scenarios[4]![1](healthy()));
    const b = runRules(RULES, scenarios[4]![1](healthy()));
    expect(a.map((f) => f.id)).toEqual(b.map((f) => f.id));
    expect(a[0]!.id).toMatch(/^new-failure-mode:[0-9a-f]{8}$/);
  });
});

describe('recommendation tracking', () => {
  const findings = (ids: string[]) =>
    runRules(RULES, healthy()).concat(
      ids.map((id, i) => ({
        id,
        rule: id.split(':')[0]!,
        subject: null,
        severity: 'medium' as const,
        title: `T ${id}`,
        what: '',
        why: '',
        action: '',
        evidence: [],
        impact: { description: '', estimate: null, unit: null, score: 10 - i },
      })),
    );

  it('marks new, ongoing and resolved across periods and keeps first_seen', () => {
    const day1 = trackRecommendations(findings(['a', 'b']), null, '2026-11-20');
    expect(day1.map((r) => [r.id, r.status, r.first_seen])).toEqual([
      ['a', 'new', '2026-11-20'],
      ['b', 'new', '2026-11-20'],
    ]);
    const day2 = trackRecommendations(findings(['b', 'c']), day1, '2026-11-21');
    expect(day2.map((r) => [r.id, r.status, r.first_seen, r.rank])).toEqual([
      ['b', 'ongoing', '2026-11-20', 1],
      ['c', 'new', '2026-11-21', 2],
      ['a', 'resolved', '2026-11-20', 3],
    ]);
    expect(day2[2]!.title).toBe('Resolved: T a');
    // A resolved recommendation is shown once; if it comes back it is new again.
    const day3 = trackRecommendations(findings(['a']), day2, '2026-11-22');
    expect(day3.map((r) => [r.id, r.status, r.first_seen])).toEqual([
      ['a', 'new', '2026-11-22'],
      ['b', 'resolved', '2026-11-20'],
      ['c', 'resolved', '2026-11-21'],
    ]);
  });

  it('ranks by impact, then severity, then id', () => {
    const ranked = trackRecommendations(
      [
        { ...findings(['x'])[0]!, id: 'low-impact', impact: { description: '', estimate: null, unit: null, score: 1 } },
        {
          ...findings(['x'])[0]!,
          id: 'z-high',
          severity: 'high',
          impact: { description: '', estimate: null, unit: null, score: 5 },
        },
        {
          ...findings(['x'])[0]!,
          id: 'a-medium',
          severity: 'medium',
          impact: { description: '', estimate: null, unit: null, score: 5 },
        },
      ],
      null,
      'p',
    );
    expect(ranked.map((r) => r.id)).toEqual(['z-high', 'a-medium', 'low-impact']);
  });
});
