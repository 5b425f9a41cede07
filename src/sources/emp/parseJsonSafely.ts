/** Larger values are not parsed: a hostile multi-megabyte payload must not cost a collection pass its memory. */
const MAX_JSON_CHARS = 2_000_000;

/** JSON.parse that returns undefined instead of throwing, for untrusted strings. */
export function parseJsonSafely(text: string | undefined | null): unknown {
  if (text == null || text === '' || text.length > MAX_JSON_CHARS) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
