import type { Models, PoolName } from '../../report/ReportBundle.ts';
import type { DownloadRaw, ModelPairRaw, ModelRaw } from '../breakdowns/BreakdownRows.ts';
import { roundTo } from '../math/roundTo.ts';
import { cmp } from './buildBreakdowns.ts';

export function buildModels(
  models: readonly ModelRaw[],
  pairs: readonly ModelPairRaw[],
  downloads: readonly DownloadRaw[],
): Models {
  const usageRows = models.filter((r) => r.no_machine === 1 && r.no_pool === 1);
  const uses = usageRows.reduce((s, r) => s + r.jobs, 0);
  const usage = usageRows
    .map((r) => ({
      model: r.model,
      jobs: r.jobs,
      machines: r.machines,
      share: uses > 0 ? roundTo(r.jobs / uses, 4) : null,
    }))
    .sort((a, b) => b.jobs - a.jobs || cmp(a.model, b.model));
  const top3 = usage.slice(0, 3);
  const top3Names = new Set(top3.map((u) => u.model));
  const dlByModel = downloads.filter((r) => r.no_model === 0 && r.no_machine === 1 && r.no_error === 1);
  const dlByMachine = downloads.filter((r) => r.no_model === 1 && r.no_machine === 0);
  const dlErrors = downloads.filter((r) => r.no_error === 0 && r.error !== null && r.failures > 0);
  const downloadMs = dlByModel.reduce((s, r) => s + r.total_ms, 0);
  const savingMs = dlByModel.filter((r) => top3Names.has(r.model ?? '')).reduce((s, r) => s + r.total_ms, 0);
  const rate = (r: DownloadRaw) => (r.attempts > 0 ? roundTo((r.attempts - r.failures) / r.attempts, 4) : null);
  return {
    usage: usage.slice(0, 20),
    pairs: pairs
      .map((p) => ({ a: p.a, b: p.b, jobs: p.jobs }))
      .sort((x, y) => y.jobs - x.jobs || cmp(x.a, y.a) || cmp(x.b, y.b)),
    by_machine: models
      .filter((r) => r.no_machine === 0 && r.machine_id !== null)
      .map((r) => ({ machine_id: r.machine_id!, model: r.model, jobs: r.jobs }))
      .sort((a, b) => b.jobs - a.jobs || cmp(a.machine_id, b.machine_id) || cmp(a.model, b.model))
      .slice(0, 30),
    downloads_by_model: dlByModel
      .map((r) => ({
        model: r.model ?? '(unknown)',
        attempts: r.attempts,
        failures: r.failures,
        success_rate: rate(r),
        total_ms: Math.round(r.total_ms),
        bytes: Math.round(r.bytes),
      }))
      .sort((a, b) => b.attempts - a.attempts || cmp(a.model, b.model))
      .slice(0, 20),
    downloads_by_machine: dlByMachine
      .map((r) => ({
        machine_id: r.machine_id ?? '(unknown)',
        attempts: r.attempts,
        failures: r.failures,
        success_rate: rate(r),
        total_ms: Math.round(r.total_ms),
      }))
      .sort((a, b) => b.failures - a.failures || b.attempts - a.attempts || cmp(a.machine_id, b.machine_id))
      .slice(0, 20),
    download_errors: dlErrors
      .map((r) => ({ model: r.model ?? '(unknown)', error: r.error ?? '', count: r.failures }))
      .sort((a, b) => b.count - a.count || cmp(a.model, b.model) || cmp(a.error, b.error))
      .slice(0, 10),
    placement: {
      download_ms: Math.round(downloadMs),
      top3_share: uses > 0 ? roundTo(top3.reduce((s, u) => s + u.jobs, 0) / uses, 4) : null,
      saving_hours: dlByModel.length > 0 ? roundTo(savingMs / 3_600_000, 2) : null,
    },
  };
}

/** Share of a pool's model uses taken by its three most used models; null without model data. */
export function topModelShare(models: readonly ModelRaw[], pool: PoolName): number | null {
  const rows = models.filter((r) => r.no_pool === 0 && r.pool === pool).sort((a, b) => b.jobs - a.jobs);
  const uses = rows.reduce((s, r) => s + r.jobs, 0);
  if (uses === 0) return null;
  return rows.slice(0, 3).reduce((s, r) => s + r.jobs, 0) / uses;
}
