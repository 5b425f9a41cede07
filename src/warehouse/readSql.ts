import { readFileSync } from 'node:fs';

const cache = new Map<string, string>();

/**
 * Loads a `.sql` file that sits next to the calling module: `readSql(import.meta.url, 'kpis.sql')`.
 * Statements use bound parameters (`$name`), never spliced values; files are cached for the process.
 */
export function readSql(moduleUrl: string, name: string): string {
  const url = new URL(name, moduleUrl);
  const key = url.href;
  let text = cache.get(key);
  if (text === undefined) {
    text = readFileSync(url, 'utf8');
    cache.set(key, text);
  }
  return text;
}
