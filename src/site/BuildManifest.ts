// What the last build published: the site version and, per report page, what its bundle file looked like,
// the facts other pages need about it (index entry, readiness scores) and the signature of all the page's
// inputs. A nightly build trusts these records for bundle files whose size and mtime did not change, so it
// reads only new or rewritten bundles. Stored inside dist/ so it is swapped in with the pages it describes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IndexEntry } from './SiteIndex.ts';
import type { ReadinessHistory } from './reportCharts.ts';

export type PageRecord = {
  size: number;
  mtimeMs: number;
  sha256: string;
  entry: IndexEntry;
  readiness: ReadinessHistory[number];
  signature: string;
};

export type BuildManifest = {
  version: 2;
  siteVersion: string;
  builtAt: string;
  /** "daily/2026-11-21" -> the page's record. */
  pages: Record<string, PageRecord>;
};

export const MANIFEST_PATH = '.almanac/build-manifest.json';

export async function readBuildManifest(distDir: string): Promise<BuildManifest | null> {
  try {
    const raw = JSON.parse(await readFile(path.join(distDir, MANIFEST_PATH), 'utf8')) as Partial<BuildManifest>;
    if (
      raw.version !== 2 ||
      typeof raw.siteVersion !== 'string' ||
      typeof raw.pages !== 'object' ||
      raw.pages === null
    ) {
      return null;
    }
    return raw as BuildManifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return null;
    throw error;
  }
}
