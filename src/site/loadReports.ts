// Finds the bundles under the reports folder and reads them. A bundle that does not validate stops the
// build: publishing a site with a silently missing report is worse than keeping yesterday's site.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { BUNDLE_KINDS, type BundleKind } from '../report/BundleKind.ts';
import { isBundleId } from '../report/bundleId.ts';
import { parseBundle } from '../report/parseBundle.ts';
import type { ReportBundle } from '../report/ReportBundle.ts';

export type ReportFile = { kind: BundleKind; id: string; file: string; size: number; mtimeMs: number };
export type LoadedReport = { bundle: ReportBundle; file: string; sha256: string };

export async function listReports(reportsDir: string): Promise<ReportFile[]> {
  const out: ReportFile[] = [];
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
      const id = name.slice(0, -5);
      if (!name.endsWith('.json') || !isBundleId(kind, id)) continue;
      const file = path.join(dir, name);
      const info = await stat(file);
      out.push({ kind, id, file, size: info.size, mtimeMs: info.mtimeMs });
    }
  }
  return out;
}

export async function loadReport(ref: ReportFile): Promise<LoadedReport> {
  const text = await readFile(ref.file, 'utf8');
  let bundle: ReportBundle;
  try {
    bundle = parseBundle(text);
  } catch (cause) {
    throw new AlmanacError('BundleInvalid', `${ref.file} is not a valid report bundle: ${(cause as Error).message}`, {
      hint: 'Re-run `almanac analyze` to rewrite it; the site was left as it was.',
      cause,
    });
  }
  if (bundle.kind !== ref.kind || bundle.id !== ref.id) {
    throw new AlmanacError('BundleMisplaced', `${ref.file} holds the ${bundle.kind} report ${bundle.id}`, {
      hint: `Bundles live at <reports>/<kind>/<id>.json; move or delete ${ref.file}.`,
    });
  }
  return { bundle, file: ref.file, sha256: createHash('sha256').update(text).digest('hex') };
}
