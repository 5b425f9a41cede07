import type { CollectSession } from '../../collect/CollectSession.ts';
import type { ModelDownloadRow, RejectRow } from '../../collect/CollectUnit.ts';
import { collectStreamTail } from '../../collect/collectStreamTail.ts';
import { excerptOf } from '../../collect/excerptOf.ts';
import type { RedisReader } from '../../collect/RedisReader.ts';
import { isStreamId } from '../../collect/streamIds.ts';
import { decodeDownloadSpan } from './decodeDownloadSpan.ts';
import type { EmpKeys } from './empKeys.ts';
import { toModelDownloadRow } from './toModelDownloadRow.ts';

export const TELEMETRY_CHECKPOINT = 'telemetry_events';

/**
 * Model downloads from `telemetry:events` since the checkpoint, through the simulator's span decoder (so collected
 * rows equal `simulate --warehouse` rows); other telemetry is skipped, a trimmed stream becomes a coverage gap.
 */
export async function collectTelemetry(session: CollectSession, reader: RedisReader, keys: EmpKeys): Promise<void> {
  const key = keys.telemetryEvents;
  await collectStreamTail(session, reader, {
    key,
    checkpoint: TELEMETRY_CHECKPOINT,
    gapQueue: null,
    label: 'telemetry',
    async page(entries) {
      const modelDownloads: ModelDownloadRow[] = [];
      const rejects: RejectRow[] = [];
      for (const entry of entries) {
        if (
          !Array.isArray(entry) ||
          typeof entry[0] !== 'string' ||
          !isStreamId(entry[0]) ||
          !Array.isArray(entry[1])
        ) {
          rejects.push({ key, reason: 'stream entry is not [id, fields]', excerpt: excerptOf(entry) });
          continue;
        }
        const flat = entry[1] as unknown[];
        const fields: Record<string, string> = {};
        for (let i = 0; i + 1 < flat.length; i += 2) fields[String(flat[i])] = String(flat[i + 1]);
        const decoded = decodeDownloadSpan(entry[0], fields, session.source, key);
        if (decoded === null) continue;
        if (decoded.ok) modelDownloads.push(toModelDownloadRow(decoded.value) as unknown as ModelDownloadRow);
        else rejects.push(decoded.reject);
      }
      return { modelDownloads, rejects };
    },
  });
}
