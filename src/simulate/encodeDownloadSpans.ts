import type { Fleet } from './buildFleet.ts';
import { iso } from './empFormat.ts';
import type { ModelCatalog } from './modelCatalog.ts';
import type { SimDownload } from './SimJob.ts';

export interface StreamEntry {
  id: string;
  fields: Record<string, string>;
}

/**
 * Download spans as `telemetry:events` entries, in stream order: a span is emitted when it ends, so entries are
 * sorted by end time and get explicit ids `{end ms}-{seq}` (what `XADD *` would have assigned at that moment).
 */
export function encodeDownloadSpans(
  downloads: SimDownload[],
  asOf: number,
  fleet: Fleet,
  catalog: ModelCatalog,
): StreamEntry[] {
  const done = downloads.filter((d) => d.endedAt <= asOf);
  done.sort((a, b) => a.endedAt - b.endedAt || a.machine - b.machine || a.model - b.model || a.startedAt - b.startedAt);
  const entries: StreamEntry[] = [];
  let lastMs = -1;
  let seq = 0;
  for (const d of done) {
    seq = d.endedAt === lastMs ? seq + 1 : 0;
    lastMs = d.endedAt;
    const model = catalog.models[d.model];
    const span = {
      name: 'model.download',
      machine_id: fleet.machines[d.machine]?.id ?? '',
      start_time: iso(d.startedAt),
      end_time: iso(d.endedAt),
      attributes: {
        'model.name': model?.name ?? '',
        'model.download.success': d.ok,
        'model.download.size_bytes': model?.bytes ?? 0,
        'model.download.error': d.error,
      },
    };
    entries.push({ id: `${d.endedAt}-${seq}`, fields: { span: JSON.stringify(span) } });
  }
  return entries;
}
