/**
 * The report's page on the published site (`<baseUrl>/<kind>/<id>/`, the site's path contract), or null when no
 * base URL is configured. Kind and id are validated bundle ids, so they need no encoding beyond the URL parser's.
 */
export function reportUrl(baseUrl: string | null, kind: string, id: string): string | null {
  if (!baseUrl) return null;
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(`${encodeURIComponent(kind)}/${encodeURIComponent(id)}/`, base).toString();
}
