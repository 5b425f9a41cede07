import path from 'node:path';
import type { DemoResult } from './runDemo.ts';

/** What `almanac demo` prints at the end: where things are and how to look at them. */
export function formatDemoResult(result: DemoResult, cwd: string): string {
  const { paths } = result.config;
  const rel = (file: string) => path.relative(cwd, file) || '.';
  const total = Object.values(result.seconds).reduce((a, b) => a + b, 0);
  const jobs = typeof result.simulate.jobs === 'number' ? `${result.simulate.jobs} jobs` : 'a fleet';
  return [
    `Demo ready in ${total.toFixed(0)} s: 90 simulated days (${jobs}) analyzed, published and printed.`,
    '',
    `  Site:      ${rel(path.join(paths.dist, 'index.html'))}   (open it directly, or serve it: npm run preview)`,
    `  PDFs:      ${rel(paths.pdf)}/{daily,weekly,monthly}/   (the newest reports of each kind)`,
    `  Bundles:   ${rel(paths.reports)}/`,
    `  Warehouse: ${rel(paths.warehouse)}   (try: npx almanac sql --db ${rel(paths.warehouse)} "select count(*) from jobs")`,
    '',
    'View it: npm run preview, then open http://localhost:4321/',
    ...(result.pdfFailures.length
      ? ['', `${result.pdfFailures.length} PDFs failed the print gate:`, ...result.pdfFailures.map((f) => `  ${f}`)]
      : []),
    '',
  ].join('\n');
}
