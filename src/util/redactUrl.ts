/** Query parameters that carry a secret (`password`, `sentinelPassword`, `token`…), with the `=`, value apart. */
const SECRET_PARAM = /([?&][^=&#\s]*(?:pass|secret|token|auth)[^=&#\s]*=)[^&#\s]*/gi;

/**
 * Hides the credentials of a URL so it can be logged: the password of its user info (redis://user:secret@host →
 * redis://user:***@host, a lone user name used as a token → ***), and every secret-looking query parameter
 * (`?sentinelPassword=***`). Works on the multi-host forms too (redis+sentinel://:pw@h1,h2/master), and on
 * malformed ones: everything up to the last "@" counts as user info, so a password holding an unencoded "/" or
 * "?" is still hidden. Text that is not a URL is returned with anything that looks like `//user:password@` masked.
 */
export function redactUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (!scheme || /\s/.test(url)) return redactSecretsIn(url);
  const rest = url.slice(scheme[0].length).replace(SECRET_PARAM, '$1***');
  const at = rest.lastIndexOf('@');
  if (at === -1) return scheme[0] + rest;
  const userinfo = rest.slice(0, at);
  const colon = userinfo.indexOf(':');
  const user = colon === -1 ? '' : userinfo.slice(0, colon);
  const kept = colon === -1 || /[/?#]/.test(user) ? '***' : `${user}:***`;
  return `${scheme[0]}${kept}${rest.slice(at)}`;
}

/** Masks every `scheme://user:password@` credential and secret query parameter inside free text (errors, logs). */
export function redactSecretsIn(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)([^\s/@:]*):([^\s/@]*)@/gi, '$1$2:***@')
    .replace(SECRET_PARAM, '$1***');
}
