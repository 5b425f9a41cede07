import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';

/** A real warehouse file (migrations applied) in a fresh temp folder; `dispose` closes it and removes the folder. */
export async function openTestWarehouse(): Promise<{ warehouse: Warehouse; dir: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'almanac-analysis-'));
  const warehouse = await Warehouse.open(path.join(dir, 'almanac.duckdb'), { holder: 'analysis test' });
  return {
    warehouse,
    dir,
    async dispose() {
      await warehouse.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const T = (iso: string) => Date.parse(iso);

/** A finished job row with sensible defaults; times are ISO strings in tests for readability. */
export function jobRow(
  fields: Partial<{
    source: string;
    queue: string;
    job_id: string;
    name: string;
    status: string;
    machine_id: string | null;
    worker_id: string | null;
    attempts: number;
    created: string;
    started: string | null;
    finished: string | null;
    wait_ms: number | null;
    run_ms: number | null;
    error_type: string | null;
    error_message: string | null;
    models: string[] | null;
    service: string | null;
  }>,
): Record<string, unknown> {
  const created = T(fields.created ?? '2026-11-21T10:00:00Z');
  const started = fields.started === null ? null : T(fields.started ?? new Date(created + 1000).toISOString());
  const finished =
    fields.finished === null ? null : T(fields.finished ?? new Date((started ?? created) + 10_000).toISOString());
  return {
    source: fields.source ?? 'emp',
    queue: fields.queue ?? 'jobs',
    job_id: fields.job_id ?? `job-${Math.random().toString(36).slice(2)}`,
    name: fields.name ?? 'txt2img',
    status: fields.status ?? 'completed',
    priority: 50,
    machine_id: fields.machine_id === undefined ? 'm-1' : fields.machine_id,
    worker_id: fields.worker_id === undefined ? 'm-1-worker-0' : fields.worker_id,
    attempts: fields.attempts ?? 1,
    created_at: created,
    started_at: started,
    finished_at: finished,
    wait_ms: fields.wait_ms === undefined ? (started === null ? null : started - created) : fields.wait_ms,
    run_ms:
      fields.run_ms === undefined ? (finished === null || started === null ? null : finished - started) : fields.run_ms,
    error_type: fields.error_type ?? null,
    error_message: fields.error_message ?? null,
    models: fields.models ?? null,
    collected_at: (finished ?? created) + 60_000,
    service: fields.service ?? null,
  };
}
