import type { CollectSession } from '../../collect/CollectSession.ts';
import type { ModelDownloadRow, RejectRow } from '../../collect/CollectUnit.ts';
import { collectStreamTail } from '../../collect/collectStreamTail.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import { decodeTelemetryEvent } from './decodeTelemetryEvent.ts';
import type { EmpKeys } from './empKeys.ts';

export const TELEMETRY_CHECKPOINT = 'telemetry_events';

/** Model downloads from `telemetry:events` since the checkpoint; a trimmed stream becomes a coverage gap. */
export async function collectTelemetry(session: CollectSession, reader: RedisReader, keys: EmpKeys): Promise<void> {
  await collectStreamTail(session, reader, {
    key: keys.telemetryEvents,
    checkpoint: TELEMETRY_CHECKPOINT,
    gapQueue: null,
    label: 'telemetry',
    async page(entries) {
      const modelDownloads: ModelDownloadRow[] = [];
      const rejects: RejectRow[] = [];
      for (const entry of entries) {
        const decoded = decodeTelemetryEvent(keys.telemetryEvents, entry);
        if (!decoded.ok) rejects.push(decoded.reject);
        else if (decoded.download) modelDownloads.push(decoded.download);
      }
      return { modelDownloads, rejects };
    },
  });
}
