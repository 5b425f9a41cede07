// What the last build published: the site version and, per report page, the signature of its inputs.
// Stored inside dist/ so the manifest and the pages it describes are swapped in together.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export type BuildManifest = {
  version: 1;
  siteVersion: string;
  builtAt: string;
  /** "daily/2026-11-21" -> signature of the page's inputs. */
  pages: Record<string, string>;
};

export const MANIFEST_PATH = '.almanac/build-manifest.json';

export async function readBuildManifest(distDir: string): Promise<BuildManifest | null> {
  try {
    const raw = JSON.parse(await readFile(path.join(distDir, MANIFEST_PATH), 'utf8')) as Partial<BuildManifest>;
    if (
      raw.version !== 1 ||
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
