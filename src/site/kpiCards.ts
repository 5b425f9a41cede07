// KPI cards: value, change against the previous period with an arrow coloured by whether the change is
// good news for that KPI, the other comparisons, and a sparkline.
import type { ReportBundle } from '../report/ReportBundle.ts';
import type { KpiCardView, Tone } from './PageView.ts';
import { formatKpiDelta, formatKpiValue } from './formatKpiValue.ts';
import { sparklineSvg } from '../charts/sparklineSvg.ts';

type Kpi = ReportBundle['kpis'][keyof ReportBundle['kpis']];

/** Shown first and larger: the ten-second verdict. */
export const HEADLINE_KPIS = [
  'success_rate',
  'jobs_completed',
  'jobs_failed',
  'run_ms_p95',
  'wait_ms_p95',
  'machines_online_avg',
];

export function kpiCards(bundle: ReportBundle): KpiCardView[] {
  const all = Object.values(bundle.kpis) as Kpi[];
  const ordered = [
    ...HEADLINE_KPIS.map((n) => all.find((k) => k.name === n)).filter((k): k is Kpi => k !== undefined),
    ...all.filter((k) => !HEADLINE_KPIS.includes(k.name)),
  ];
  return ordered.map((k) => kpiCard(k, bundle.comparison.previous_id));
}

function kpiCard(k: Kpi, previousId: string): KpiCardView {
  const delta = formatKpiDelta(k.delta, k.delta_ratio, k.unit);
  const tone: Tone = k.trend === 'improved' ? 'good' : k.trend === 'worsened' ? 'bad' : 'neutral';
  const comparisons = [k.same_weekday_last_week, k.trailing_mean].flatMap((c) => {
    if (!c || c.value === null) return [];
    const d = formatKpiDelta(c.delta, c.ratio, k.unit);
    return [`${c.label}: ${formatKpiValue(c.value, k.unit)}${d ? ` (${d})` : ''}`];
  });
  return {
    name: k.name,
    label: k.label,
    description: KPI_HINTS[k.better],
    value: formatKpiValue(k.value, k.unit),
    delta: delta === null ? null : `${delta} vs ${previousId}`,
    arrow: k.delta === null ? null : k.delta > 0 ? 'up' : k.delta < 0 ? 'down' : 'flat',
    tone,
    target: k.target === null ? null : `Target ${formatKpiValue(k.target, k.unit)}`,
    comparisons,
    sparkline: sparklineSvg(k.sparkline.map((p) => p.value)),
    headline: HEADLINE_KPIS.includes(k.name),
  };
}

const KPI_HINTS: Record<'higher' | 'lower', string> = {
  higher: 'Higher is better.',
  lower: 'Lower is better.',
};
