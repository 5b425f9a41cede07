// A built site to print, for the PDF benchmark and preview: the fixture bundles (tests/fixtures/bundles) run through
// the real `almanac build` in a temp folder.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printJobFor } from '../../src/pdf/printJobFor.ts';
import type { PrintJob } from '../../src/pdf/PrintJob.ts';
import { parseBundle } from '../../src/report/parseBundle.ts';

export interface FixtureSite {
  dir: string;
  /** Built once in a folder other benchmarks reuse: not the caller's to delete. */
  shared: boolean;
  dist: string;
  reports: string;
  job(kind: string, id: string): PrintJob;
}

/** Builds the fixture site in a new temp folder, or once under `sharedIn` (the bench harness's scratch folder). */
export function buildFixtureSite(label = 'almanac-pdf-site', sharedIn?: string): FixtureSite {
  const dir = sharedIn ? path.join(sharedIn, label) : mkdtempSync(path.join(tmpdir(), `${label}-`));
  const reports = path.join(dir, 'data', 'reports');
  const dist = path.join(dir, 'dist');
  // The build writes dist/ last (staged, then renamed into place), so its presence means a finished build.
  if (!sharedIn || !existsSync(dist)) {
    cpSync(fileURLToPath(new URL('../../tests/fixtures/bundles/reports', import.meta.url)), reports, {
      recursive: true,
    });
    const build = spawnSync(
      process.execPath,
      [fileURLToPath(new URL('../../src/cli/almanac.mjs', import.meta.url)), 'build'],
      { cwd: dir, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`almanac build failed:\n${build.stderr}`);
  }
  return {
    dir,
    shared: sharedIn !== undefined,
    dist,
    reports,
    job: (kind, id) =>
      printJobFor(parseBundle(readFileSync(path.join(reports, kind, `${id}.json`), 'utf8')), {
        distDir: dist,
        siteTitle: 'Almanac',
      }),
  };
}
