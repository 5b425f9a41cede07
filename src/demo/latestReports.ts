import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** How many of the newest reports of each kind the demo prints: enough to show each kind, quick to print. */
export const DEMO_PDFS = { daily: 7, weekly: 4, monthly: 3 } as const;

/** "kind:id" of the newest bundles of each kind under `reportsDir` (ids sort in time order). */
export async function latestReports(reportsDir: string, counts: Record<string, number> = DEMO_PDFS): Promise<string[]> {
  const refs: string[] = [];
  for (const [kind, count] of Object.entries(counts)) {
    const files = await readdir(path.join(reportsDir, kind)).catch(() => [] as string[]);
    const ids = files
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
    for (const id of ids.slice(-count)) refs.push(`${kind}:${id}`);
  }
  return refs;
}
