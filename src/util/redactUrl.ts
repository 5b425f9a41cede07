/**
 * Hides the credentials of a URL (redis://user:secret@host → redis://user:***@host) so it can be logged.
 * Text that is not a URL is returned with anything that looks like `//user:password@` masked.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    else if (parsed.username && !parsed.password && url.includes('@')) parsed.username = '***';
    return parsed.toString();
  } catch {
    return redactSecretsIn(url);
  }
}

/** Masks every `scheme://user:password@` credential inside free text (error messages, logs). */
export function redactSecretsIn(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)([^\s/@:]*):([^\s/@]*)@/gi, '$1$2:***@');
}
