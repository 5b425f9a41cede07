/** A record that could not be decoded: quarantined in the `rejects` table, never allowed to stop a run. */
export interface Reject {
  key: string;
  reason: string;
  excerpt: string;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; reject: Reject };

const EXCERPT_CHARS = 200;

/** A short, printable excerpt of hostile input for the rejects table. */
export function excerptOf(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  // Control characters make excerpts unreadable in logs and reports.
  let clean = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    clean += code < 0x20 || code === 0x7f ? ' ' : ch;
    if (clean.length > EXCERPT_CHARS) break;
  }
  return clean.length > EXCERPT_CHARS ? `${clean.slice(0, EXCERPT_CHARS)}…` : clean;
}

export function reject<T>(key: string, reason: string, raw: unknown): Decoded<T> {
  return { ok: false, reject: { key, reason, excerpt: excerptOf(raw) } };
}
