import { excerptOf } from '../../collect/excerptOf.ts';
import type { RejectRow } from '../../collect/CollectUnit.ts';
import type { BullmqJobHash } from './BullmqJobHash.ts';

// Epoch ms between 2000 and 2100: anything else is not a time BullMQ wrote.
const MIN_MS = 946_684_800_000;
const MAX_MS = 4_102_444_800_000;
const MAX_TEXT = 500;

function time(value: string | undefined): number | null | 'bad' {
  if (value === undefined || value === '') return null;
  if (!/^\d{1,16}$/.test(value)) return 'bad';
  const ms = Number(value);
  return ms >= MIN_MS && ms <= MAX_MS ? ms : 'bad';
}

function int(value: string | undefined): number | null {
  return value !== undefined && /^-?\d{1,9}$/.test(value) ? Number(value) : null;
}

/** The error class from BullMQ's stacktrace field (a JSON array of "TypeError: …\n at …" strings). */
function errorTypeOf(stacktrace: string | undefined): string | null {
  if (!stacktrace || stacktrace.length > 200_000) return null;
  try {
    const frames = JSON.parse(stacktrace) as unknown;
    const last = Array.isArray(frames) ? frames.at(-1) : undefined;
    const match = typeof last === 'string' ? /^([A-Za-z_$][\w$]{0,60}):/.exec(last) : null;
    return match?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Decodes an HGETALL reply of `<prefix>:<queue>:<jobId>`. Pure and total: hostile input becomes a reject. An empty
 * reply means the hash is gone (removed on completion or by retention), which is not an error.
 */
export function decodeBullmqJobHash(
  key: string,
  raw: unknown,
): { ok: true; hash: BullmqJobHash | null } | { ok: false; reject: RejectRow } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reject: { key, reason: 'job hash is not a field map', excerpt: excerptOf(raw) } };
  }
  const h = raw as Record<string, string>;
  if (Object.keys(h).length === 0) return { ok: true, hash: null };
  const bad = (reason: string) => ({ ok: false as const, reject: { key, reason, excerpt: excerptOf(summary(h)) } });
  const createdAt = time(h['timestamp']);
  const startedAt = time(h['processedOn']);
  const finishedAt = time(h['finishedOn']);
  if (createdAt === 'bad') return bad('timestamp is not epoch milliseconds');
  if (startedAt === 'bad') return bad('processedOn is not epoch milliseconds');
  if (finishedAt === 'bad') return bad('finishedOn is not epoch milliseconds');
  const name = h['name'];
  if (name === undefined && createdAt === null) return bad('not a job hash: no name and no timestamp');
  if (name !== undefined && name.length > 500) return bad('job name longer than 500 characters');
  const attemptsMade = int(h['atm'] ?? h['attemptsMade']);
  return {
    ok: true,
    hash: {
      name: name ?? null,
      createdAt,
      startedAt,
      finishedAt,
      attemptsMade,
      attemptsStarted: int(h['ats']),
      failedReason: h['failedReason'] ? h['failedReason'].slice(0, MAX_TEXT) : null,
      errorType: errorTypeOf(h['stacktrace']),
      processedBy: h['pb'] ? h['pb'].slice(0, 200) : null,
      priority: int(h['priority']),
      returned: h['returnvalue'] !== undefined,
    },
  };
}

/** The hash without its payload fields, for excerpts: `data` and `returnvalue` may be large or private. */
function summary(h: Record<string, string>): Record<string, string> {
  const { data: _data, returnvalue: _returnvalue, ...rest } = h;
  return rest;
}
