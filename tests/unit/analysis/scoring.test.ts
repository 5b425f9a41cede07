import { describe, expect, it } from 'vitest';
import { judgeValue } from '../../../src/analysis/anomalies/judgeValue.ts';
import { detectDailyAnomalies } from '../../../src/analysis/anomalies/detectAnomalies.ts';
import { nullKpiValues } from '../../../src/analysis/kpis/spanKpiValues.ts';
import { mad, median, quantileOf } from '../../../src/analysis/math/robustStats.ts';
import { poolReadiness } from '../../../src/analysis/readiness/poolReadiness.ts';
import { productionReadiness } from '../../../src/analysis/readiness/productionReadiness.ts';
import { combineScore, linearScore } from '../../../src/analysis/readiness/scoring.ts';
import { unionLength } from '../../../src/analysis/sections/buildDataQuality.ts';
import { coefficientOfVariation } from '../../../src/analysis/sections/buildMachines.ts';
import { formatCount, formatDuration, formatPercent } from '../../../src/analysis/text/format.ts';

describe('readiness scoring', () => {
  it('scores on a clamped line in either direction', () => {
    expect(linearScore(0.99, 0.9, 0.99)).toBe(100);
    expect(linearScore(0.945, 0.9, 0.99)).toBe(50);
    expect(linearScore(0.5, 0.9, 0.99)).toBe(0);
    expect(linearScore(0.4, 0.6, 0.2)).toBe(50);
    expect(linearScore(0.1, 0.6, 0.2)).toBe(100);
  });

  it('spreads the weight of unscored components over the others', () => {
    const c = (score: number | null, weight: number) => ({
      name: 'x',
      label: 'x',
      value: null,
      target: null,
      unit: 'ratio' as const,
      weight,
      score,
      explanation: '',
    });
    expect(combineScore([c(100, 0.5), c(50, 0.25), c(null, 0.25)], null).score).toBe(83); // 62.5 / 0.75
    expect(combineScore([c(null, 1)], null)).toMatchObject({ score: null, grade: 'unknown' });
  });

  it('production readiness weighs success, consistency, known failures, wait and stability (hand-computed)', () => {
    const r = productionReadiness(
      {
        successRate: 0.981, // (0.981 − 0.90) / 0.09 = 90
        successTarget: 0.99,
        variation: 0.3, // (0.3 − 0.6) / (0.2 − 0.6) = 75
        variationTarget: 0.2,
        knownFailureShare: 0.86, // (0.86 − 0.5) / 0.45 = 80
        failures: 50,
        waitP95: 10_000, // 10 s / 20 s = 0.5 → (0.5 − 1) / (0.25 − 1) = 66.7
        runP50: 20_000,
        waitToRunTarget: 0.25,
        onlineShare: 0.95, // (0.95 − 0.8) / 0.18 = 83.3
      },
      70,
    );
    expect(r.components.map((c) => c.score)).toEqual([90, 75, 80, 66.7, 83.3]);
    // 0.3 × 90 + 0.2 × 75 + 0.15 × 80 + 0.15 × 66.7 + 0.2 × 83.3 = 80.67
    expect(r).toMatchObject({ score: 81, previous: 70, grade: 'ready' });
  });

  it('pool readiness weighs separation, steadiness, volume, suited machines and model concentration', () => {
    const r = poolReadiness(
      { pool: 'fast', separation: 0.7, dailyCv: 0.25, machineEquivalents: 1, suitedMachines: 3, topModelShare: null },
      null,
    );
    // separation 50, steadiness 100, volume 50, machines 100; model concentration unknown (weight spread).
    expect(r.components.map((c) => c.score)).toEqual([50, 100, 50, 100, null]);
    // (0.3 × 50 + 0.2 × 100 + 0.15 × 50 + 0.2 × 100) / 0.85 = 73.5
    expect(r.score).toBe(74);
  });
});

describe('robust statistics and anomalies', () => {
  it('median, MAD and interpolated quantiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
    expect(quantileOf([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 10);
    expect(median([])).toBeNull();
  });

  it('judges a value by robust z against its baseline, with minimum samples and materiality', () => {
    const baseline = [200, 210, 190, 205, 195, 200, 215, 185];
    // median 200, MAD 7.5, scale 11.12: 400 → z ≈ 18
    expect(judgeValue(400, baseline, 'count', 4)).toMatchObject({ baseline: 200, mad: 7.5, z: 17.99, samples: 8 });
    expect(judgeValue(210, baseline, 'count', 4)).toBeNull();
    expect(judgeValue(400, baseline.slice(0, 3), 'count', 4)).toBeNull();
    // A flat baseline still flags a real jump, but not a tiny one.
    expect(judgeValue(130, [100, 100, 100, 100, 100], 'count', 4)?.z).toBeGreaterThan(3.5);
    expect(judgeValue(0.994, [0.995, 0.995, 0.995, 0.995], 'fraction', 4)).toBeNull();
  });

  it('flags an incident day against the same weekday, with adverse direction and severity', () => {
    const day = (failed: number, completed = 1000) => ({
      ...nullKpiValues(),
      jobs_failed: failed,
      jobs_completed: completed,
      success_rate: completed / (completed + failed),
    });
    const result = detectDailyAnomalies([
      {
        dayId: '2026-11-18',
        start: Date.parse('2026-11-18T00:00:00Z'),
        label: 'Wed 18 Nov',
        weekday: 'Wednesday',
        values: day(120),
        baseline: [10, 12, 9, 11, 10, 13, 8, 10].map((f) => day(f)),
      },
    ]);
    const failed = result.items.find((a) => a.kpi === 'jobs_failed')!;
    expect(failed).toMatchObject({ direction: 'high', adverse: true, severity: 'critical', day: '2026-11-18' });
    expect(failed.message).toBe('Wed 18 Nov: jobs failed 120 against a usual 10 for a Wednesday.');
    expect(result.items.find((a) => a.kpi === 'success_rate')).toMatchObject({ direction: 'low', adverse: true });
  });
});

describe('helpers', () => {
  it('formats numbers the same way every time', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatPercent(0.98765)).toBe('98.8%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.0035)).toBe('0.35%');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_300)).toBe('12.3 s');
    expect(formatDuration(151_000)).toBe('2 min 31 s');
    expect(formatDuration(5_400_000)).toBe('1 h 30 min');
  });

  it('coefficient of variation and interval union', () => {
    expect(coefficientOfVariation([1, 1, 1])).toBe(0);
    expect(coefficientOfVariation([0.5, 1.5])).toBe(0.5);
    expect(coefficientOfVariation([1])).toBeNull();
    expect(
      unionLength([
        [0, 10],
        [5, 15],
        [20, 25],
        [21, 22],
      ]),
    ).toBe(20);
  });
});
