const EXCERPT_CHARS = 200;

/** A short, printable excerpt of untrusted input for the rejects table (control characters blanked). */
export function excerptOf(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  // eslint-disable-next-line no-control-regex -- blanking control characters is the point
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > EXCERPT_CHARS ? `${clean.slice(0, EXCERPT_CHARS)}…` : clean;
}
