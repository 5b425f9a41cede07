import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BundleKind } from '../report/BundleKind.ts';
import { isBundleId } from '../report/bundleId.ts';
import { bundlePath } from '../report/bundlePath.ts';
import { parseBundle } from '../report/parseBundle.ts';
import type { ReportBundle } from '../report/ReportBundle.ts';

/**
 * The published bundles under `paths.reports`, read lazily: listing a kind costs one directory read, and a bundle
 * is parsed (and validated) only when the planner asks for it, so a run does not re-read years of archive.
 */
export class ReportCatalog {
  private readonly reportsDir: string;
  private readonly cache = new Map<string, ReportBundle | Error>();

  constructor(reportsDir: string) {
    this.reportsDir = reportsDir;
  }

  /** Ids of one kind, newest first (ids sort chronologically within a kind). */
  ids(kind: BundleKind): string[] {
    let files: string[];
    try {
      files = readdirSync(path.join(this.reportsDir, kind));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return files
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length))
      .filter((id) => isBundleId(kind, id))
      .sort()
      .reverse();
  }

  /** The bundle, or the Error that explains why it could not be read (missing file, invalid JSON or schema). */
  load(kind: BundleKind, id: string): ReportBundle | Error {
    const key = `${kind}/${id}`;
    let entry = this.cache.get(key);
    if (!entry) {
      try {
        const bundle = parseBundle(readFileSync(bundlePath(this.reportsDir, kind, id), 'utf8'));
        entry =
          bundle.kind === kind && bundle.id === id
            ? bundle
            : new RangeError(`the file ${kind}/${id}.json holds the ${bundle.kind} bundle ${bundle.id}`);
      } catch (error) {
        entry = error instanceof Error ? error : new Error(String(error));
      }
      this.cache.set(key, entry);
    }
    return entry;
  }
}
