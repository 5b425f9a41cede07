import type { ModelDownloadRow, RejectRow } from '../../collect/CollectUnit.ts';
import { excerptOf } from '../../collect/excerptOf.ts';
import { parseEmpTime } from './parseEmpTime.ts';
import { isRecord, parseJsonSafely } from './parseJsonSafely.ts';

const DOWNLOAD_NAMES = new Set(['model.download', 'model_download', 'model.downloaded', 'model_downloaded']);
const MAX_BYTES = 2 ** 45; // 32 TiB: anything larger is not a model file.

function pick(sources: Record<string, unknown>[], names: string[]): unknown {
  for (const source of sources) for (const name of names) if (source[name] !== undefined) return source[name];
  return undefined;
}

/** Times as epoch ms numbers, ISO or emp strings, or OpenTelemetry `[seconds, nanos]`. */
function timeOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value > 1e11 ? Math.floor(value) : Math.floor(value * 1000);
  if (typeof value === 'string') return parseEmpTime(value);
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
    return value[0] * 1000 + Math.floor(value[1] / 1e6);
  }
  return null;
}

function boolOf(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1' || value === 1) return true;
  if (value === 'false' || value === '0' || value === 0) return false;
  return null;
}

/**
 * One `telemetry:events` entry (redis-emp.md §2, §10): a field `event` or `span` holding JSON. Model downloads are
 * the events or spans named `model.download` with the OTel attributes `model.download.success/size_bytes/error`
 * (flat names such as `model`, `ok`, `bytes` are accepted too). Other telemetry is skipped; a download that
 * does not decode is a reject.
 */
export function decodeTelemetryEvent(
  streamKey: string,
  entry: unknown,
): { ok: true; download: ModelDownloadRow | null } | { ok: false; reject: RejectRow } {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) {
    return { ok: false, reject: { key: streamKey, reason: 'stream entry is not [id, fields]', excerpt: excerptOf(entry) } };
  }
  const id = entry[0];
  const flat = entry[1] as unknown[];
  const key = `${streamKey}#${id}`;
  const fields = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) if (typeof flat[i] === 'string' && typeof flat[i + 1] === 'string') fields.set(flat[i] as string, flat[i + 1] as string);
  const text = fields.get('event') ?? fields.get('span') ?? fields.get('data');
  if (text === undefined) return { ok: true, download: null };
  const body = parseJsonSafely(text);
  if (!isRecord(body)) return { ok: false, reject: { key, reason: 'telemetry event is not a JSON object', excerpt: excerptOf(text) } };
  const name = body['name'] ?? body['type'] ?? body['event_type'] ?? body['event'];
  if (typeof name !== 'string' || !DOWNLOAD_NAMES.has(name)) return { ok: true, download: null };
  const scopes = [body, ...[body['attributes'], body['attrs'], body['data']].filter(isRecord)];
  const bad = (reason: string) => ({ ok: false as const, reject: { key, reason, excerpt: excerptOf(text) } });
  const model = pick(scopes, ['model.name', 'model', 'model_name']);
  if (typeof model !== 'string' || model === '' || model.length > 300) return bad('model download without a model name');
  const ok = boolOf(pick(scopes, ['model.download.success', 'success', 'ok']));
  if (ok === null) return bad('model download without a success flag');
  const bytesRaw = pick(scopes, ['model.download.size_bytes', 'size_bytes', 'bytes']);
  const bytes = bytesRaw === undefined || bytesRaw === null || bytesRaw === '' ? null : Number(bytesRaw);
  if (bytes !== null && !(Number.isInteger(bytes) && bytes >= 0 && bytes <= MAX_BYTES)) return bad('model download with an absurd size');
  const startedAt = timeOf(pick(scopes, ['started_at', 'start_time', 'startTime', 'timestamp']));
  const finishedAt = timeOf(pick(scopes, ['finished_at', 'end_time', 'endTime']));
  if (startedAt !== null && finishedAt !== null && finishedAt < startedAt) return bad('model download finished before it started');
  const machine = pick(scopes, ['machine.id', 'machine_id', 'machineId']);
  const error = pick(scopes, ['model.download.error', 'error']);
  return {
    ok: true,
    download: {
      machine_id: typeof machine === 'string' && machine !== '' ? machine.slice(0, 200) : null,
      model,
      started_at: startedAt,
      finished_at: finishedAt,
      bytes,
      ok,
      error: ok ? null : typeof error === 'string' && error !== '' ? error.slice(0, 500) : null,
      event_id: id,
    },
  };
}
