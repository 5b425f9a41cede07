// `node scripts/pdfPreview.ts [OUT_DIR]`: prints the fixture daily and monthly reports through the real pipeline
// (almanac build, then the PDF engine and its gate) and renders the first two pages of each to PNG with pdftoppm,
// into docs/images/ by default, so a person can look at what executives receive.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../src/log/silentLogger.ts';
import { BrowserSession } from '../src/pdf/BrowserSession.ts';
import { findBrowser } from '../src/pdf/findBrowser.ts';
import { paperGeometry } from '../src/pdf/paperGeometry.ts';
import { printReports } from '../src/pdf/printReports.ts';
import { buildFixtureSite } from './bench/pdfFixtureSite.ts';

const out = path.resolve(process.argv[2] ?? fileURLToPath(new URL('../docs/images/', import.meta.url)));
const site = buildFixtureSite('almanac-pdf-preview');
const session = new BrowserSession(findBrowser({ configured: null, fromEnv: null }).path, silentLogger);
const wanted = [
  ['daily', '2026-11-21'],
  ['monthly', '2026-11'],
] as const;
try {
  mkdirSync(out, { recursive: true });
  await printReports(
    wanted.map(([kind, id]) => site.job(kind, id)),
    {
      session,
      siteRoot: site.dist,
      geometry: paperGeometry('A4'),
      timeoutMs: 30_000,
      concurrency: 2,
      budgetFor: (job) =>
        job.kind === 'monthly' ? { maxBytes: 4_194_304, maxPages: 20 } : { maxBytes: 1_572_864, maxPages: 8 },
      now: () => new Date(),
      creator: 'Almanac preview',
      logger: silentLogger,
    },
    async (outcome) => {
      const name = `pdf-${outcome.job.kind}`;
      if (!outcome.pdf) throw new Error(`${name} failed the gate: ${outcome.verdict.error}`);
      const pdfFile = path.join(site.dir, `${name}.pdf`);
      writeFileSync(pdfFile, outcome.pdf);
      // 60 dpi keeps the images small enough for the repository and large enough to judge the layout.
      execFileSync('pdftoppm', ['-f', '1', '-l', '2', '-r', '60', '-png', pdfFile, path.join(out, name)]);
      process.stdout.write(`${name}: ${outcome.pages} pages, ${outcome.bytes} bytes -> ${out}/${name}-{1,2}.png\n`);
    },
  );
} finally {
  await session.close();
  rmSync(site.dir, { recursive: true, force: true });
}
