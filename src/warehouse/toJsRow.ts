/**
 * Makes a row from `getRowObjectsJS()` safe for JSON and arithmetic: BIGINT/HUGEINT become numbers when exact,
 * else strings (never a raw bigint that `JSON.stringify` would throw on). Dates, lists and the rest stay as is.
 */
export function toJsRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = toJsValue(value);
  return out;
}

function toJsValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (Array.isArray(value)) return value.map(toJsValue);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return toJsRow(value as Record<string, unknown>);
  }
  return value;
}
