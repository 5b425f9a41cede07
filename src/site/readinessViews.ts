// Readiness scores with the components behind them.
import type { ReportBundle } from '../report/ReportBundle.ts';
import type { ReadinessView, Tone } from './PageView.ts';
import { formatKpiValue } from './formatKpiValue.ts';

type Score = ReportBundle['readiness']['production'];

const LABELS = { production: 'Production', fast: 'Fast lane', standard: 'Standard pool', heavy: 'Heavy pool' } as const;

export function readinessViews(bundle: ReportBundle): ReadinessView[] {
  const r = bundle.readiness;
  return [
    view('production', r.production),
    view('fast', r.pools.fast),
    view('standard', r.pools.standard),
    view('heavy', r.pools.heavy),
  ];
}

function view(key: keyof typeof LABELS, s: Score): ReadinessView {
  const diff = s.score !== null && s.previous !== null ? s.score - s.previous : null;
  const tone: Tone = s.grade === 'ready' ? 'good' : s.grade === 'not_ready' ? 'bad' : 'neutral';
  return {
    key,
    label: LABELS[key],
    score: s.score,
    grade: s.grade.replace('_', ' '),
    change:
      diff === null
        ? null
        : diff === 0
          ? 'unchanged'
          : `${diff > 0 ? 'up' : 'down'} ${Math.abs(diff)} point${Math.abs(diff) === 1 ? '' : 's'}`,
    tone,
    components: s.components.map((c) => ({
      label: c.label,
      value: formatKpiValue(c.value, c.unit),
      target: c.target === null ? '—' : formatKpiValue(c.target, c.unit),
      score: c.score === null ? null : Math.round(c.score),
      weight: `${Math.round(c.weight * 100)}%`,
      explanation: c.explanation,
    })),
  };
}
