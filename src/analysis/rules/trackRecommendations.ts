import type { Recommendation, Severity } from '../../report/ReportBundle.ts';
import type { Finding, Rule, RuleContext } from './Rule.ts';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Runs every rule; a rule that throws is a bug, so the error propagates (no silent partial report). */
export function runRules(rules: readonly Rule[], ctx: RuleContext): Finding[] {
  const findings = rules.flatMap((rule) => rule.evaluate(ctx));
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
}

/**
 * Tracks findings against the previous period's recommendations: an id seen before (and not resolved) is
 * `ongoing` and keeps its first_seen; a new id is `new`; a previous open id not raised now is `resolved` (shown
 * once). Ranked by impact score, then severity, then id; resolved ones last.
 */
export function trackRecommendations(
  findings: readonly Finding[],
  previous: readonly Recommendation[] | null,
  periodId: string,
): Recommendation[] {
  const open = new Map((previous ?? []).filter((r) => r.status !== 'resolved').map((r) => [r.id, r]));
  const current = findings.map((f) => {
    const before = open.get(f.id);
    return {
      ...f,
      impact: { ...f.impact, score: Math.round(Math.max(0, f.impact.score) * 100) / 100 },
      status: before ? ('ongoing' as const) : ('new' as const),
      first_seen: before ? before.first_seen : periodId,
      rank: 1,
    };
  });
  const raised = new Set(findings.map((f) => f.id));
  const resolved: Recommendation[] = [...open.values()]
    .filter((r) => !raised.has(r.id))
    .map((r) => ({
      ...r,
      severity: 'low',
      status: 'resolved',
      title: `Resolved: ${r.title}`,
      action: 'No action needed: the condition no longer holds.',
      impact: { ...r.impact, score: 0 },
      rank: 1,
    }));
  current.sort(
    (a, b) =>
      b.impact.score - a.impact.score ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  resolved.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...current, ...resolved].map((r, i) => ({ ...r, rank: i + 1 }));
}
