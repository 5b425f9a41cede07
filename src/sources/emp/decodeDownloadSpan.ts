import type { ModelDownloadRecord } from './ModelDownloadRecord.ts';
import { parseEmpTime } from './parseEmpTime.ts';
import { isRecord, parseJsonSafely } from './parseJsonSafely.ts';
import { reject, type Decoded } from './Reject.ts';

export const DOWNLOAD_SPAN = 'model.download';
const MAX_TEXT = 300;

function text(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  return value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value;
}

function time(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value);
  return typeof value === 'string' ? parseEmpTime(value) : null;
}

/**
 * Decodes one `telemetry:events` entry. The convention (docs/simulator.md): a `span` field holding JSON
 * `{name: "model.download", machine_id, start_time, end_time, attributes: {"model.name", "model.download.success",
 * "model.download.size_bytes", "model.download.error"}}`. Returns null for entries that are not download spans
 * (other telemetry shares the stream), a reject for malformed download spans.
 */
export function decodeDownloadSpan(
  entryId: string,
  fields: Record<string, string>,
  source: string,
  key: string,
): Decoded<ModelDownloadRecord> | null {
  const raw = fields['span'];
  if (raw === undefined) return null;
  const span = parseJsonSafely(raw);
  if (!isRecord(span)) return reject(`${key}#${entryId}`, 'span is not a JSON object', raw);
  if (span['name'] !== DOWNLOAD_SPAN) return null;
  const attributes = isRecord(span['attributes']) ? span['attributes'] : {};
  const model = text(attributes['model.name']);
  if (model === null) return reject(`${key}#${entryId}`, 'model.download span without model.name', raw);
  const success = attributes['model.download.success'];
  const size = attributes['model.download.size_bytes'];
  const bytes =
    typeof size === 'number' && Number.isFinite(size) && size >= 0
      ? Math.floor(size)
      : typeof size === 'string' && /^\d{1,15}$/.test(size)
        ? Number(size)
        : null;
  return {
    ok: true,
    value: {
      source,
      machineId: text(span['machine_id']),
      model,
      startedAt: time(span['start_time']),
      finishedAt: time(span['end_time']),
      bytes,
      ok: success === true || success === 'true',
      error: text(attributes['model.download.error']),
      eventId: entryId,
    },
  };
}
