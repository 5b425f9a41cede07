// Reads every bundle under the reports folder. A bundle that does not validate stops the build: publishing
// a site with a silently missing report is worse than keeping yesterday's site.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { BUNDLE_KINDS } from '../report/BundleKind.ts';
import { isBundleId } from '../report/bundleId.ts';
import { parseBundle } from '../report/parseBundle.ts';
import type { ReportBundle } from '../report/ReportBundle.ts';

export type LoadedReport = { bundle: ReportBundle; file: string; sha256: string };

export async function loadReports(reportsDir: string): Promise<LoadedReport[]> {
  const out: LoadedReport[] = [];
  for (const kind of BUNDLE_KINDS) {
    const dir = path.join(reportsDir, kind);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    for (const name of names.sort()) {
      // Temp files of an analysis run in progress and stray files are not bundles.
      if (!name.endsWith('.json') || !isBundleId(kind, name.slice(0, -5))) continue;
      const file = path.join(dir, name);
      const text = await readFile(file, 'utf8');
      let bundle: ReportBundle;
      try {
        bundle = parseBundle(text);
      } catch (cause) {
        throw new AlmanacError('BundleInvalid', `${file} is not a valid report bundle: ${(cause as Error).message}`, {
          hint: 'Re-run `almanac analyze` to rewrite it; the site was left as it was.',
          cause,
        });
      }
      if (bundle.kind !== kind || bundle.id !== name.slice(0, -5)) {
        throw new AlmanacError('BundleMisplaced', `${file} holds the ${bundle.kind} report ${bundle.id}`, {
          hint: `Bundles live at <reports>/<kind>/<id>.json; move or delete ${file}.`,
        });
      }
      out.push({ bundle, file, sha256: createHash('sha256').update(text).digest('hex') });
    }
  }
  return out;
}
