import type { ModelDownloadRecord } from './ModelDownloadRecord.ts';

/** The `model_downloads` warehouse row for one decoded download span. */
export function toModelDownloadRow(r: ModelDownloadRecord): Record<string, unknown> {
  return {
    source: r.source,
    machine_id: r.machineId,
    model: r.model,
    started_at: r.startedAt,
    finished_at: r.finishedAt,
    bytes: r.bytes,
    ok: r.ok,
    error: r.error,
    event_id: r.eventId,
  };
}
