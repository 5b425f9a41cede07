const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const SECONDS_MICROS = /^(\d{9,11})\.(\d{1,6})$/;
const DIGITS = /^\d{9,16}$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

// A fleet's timestamps fall in this window; anything outside is corrupt or hostile (year 0001, 16-digit epochs)
// and would overflow TIMESTAMPTZ arithmetic or name periods nobody can report on. Same window as the BullMQ decoder.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/**
 * Parses any timestamp format emp writes (redis-emp.md §1) to epoch milliseconds:
 * ISO-8601 (`toISOString()`), Lua `seconds.micros` (`assigned_at`, `last_status_change`), and epoch seconds or
 * milliseconds as digit strings (`workflow_datetime`, `last_activity`). Returns null for empty or unparseable values
 * and for instants outside 2000-2100; never throws. Sub-millisecond precision is truncated so the result is an
 * integer.
 */
export function parseEmpTime(value: string | undefined | null): number | null {
  const ms = parseAnyEmpTime(value);
  return ms !== null && ms >= EARLIEST && ms < LATEST ? ms : null;
}

function parseAnyEmpTime(value: string | undefined | null): number | null {
  if (value == null) return null;
  // Most emp times are toISOString() output; reading its digits directly is several times cheaper than
  // Date.parse, which a backlog catch-up would otherwise call millions of times.
  if (value.length === 24) {
    const ms = parseCanonicalIso(value);
    if (ms !== null) return ms;
  }
  const text = value.trim();
  if (text === '') return null;
  const lua = SECONDS_MICROS.exec(text);
  if (lua) {
    const micros = (lua[2] ?? '').padEnd(6, '0');
    return Number(lua[1]) * 1000 + Math.floor(Number(micros) / 1000);
  }
  if (DIGITS.test(text)) {
    const n = Number(text);
    // Ten digits or fewer are seconds (until the year 2286); more are milliseconds.
    return text.length <= 11 ? n * 1000 : n;
  }
  if (!ISO_PREFIX.test(text) || text.length > 40) return null;
  // A zone-less ISO string would be read in the host zone; emp always writes UTC, so read it as UTC.
  const ms = Date.parse(HAS_ZONE.test(text) ? text : `${text}Z`);
  return Number.isFinite(ms) ? Math.floor(ms) : null;
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ` exactly, else null (and the general path decides). */
function parseCanonicalIso(text: string): number | null {
  if (
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 46 || // .
    text.charCodeAt(23) !== 90 // Z
  ) {
    return null;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const milli = digits(text, 20, 3);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || milli < 0) {
    return null;
  }
  // Date.UTC rolls 2026-02-31 over into March; Date.parse rejects it, and so does this.
  if (day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, milli);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The decimal number in text[from, from + count), or -1 when any character is not a digit. */
function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
