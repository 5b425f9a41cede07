// `npm run bench [-- --quick] [--json FILE] [--only ID,ID]`: runs every benchmark under scripts/bench/*.bench.ts,
// each in its own child process, and prints median, spread, the ratio against its reference and peak memory.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Benchmark, Figure } from './Benchmark.ts';
import { summarize, type Summary } from './summarize.ts';
import { formatResults } from './formatResults.ts';

const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, json: { type: 'string' }, only: { type: 'string' } },
});
const dir = new URL('./', import.meta.url);
const only = values.only ? new Set(values.only.split(',')) : null;
const results: Summary[] = [];

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  const moduleFile = fileURLToPath(new URL(file, dir));
  const { benchmarks } = (await import(moduleFile)) as { benchmarks: Benchmark[] };
  for (const bench of benchmarks) {
    if (only && !only.has(bench.id)) continue;
    process.stderr.write(`bench ${bench.id}: ${bench.title}…\n`);
    const child = spawnSync(
      process.execPath,
      [fileURLToPath(new URL('runOne.ts', dir)), moduleFile, bench.id, values.quick ? '1' : '0'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
    );
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      results.push({ ...summarize(bench, [], [], 0), error: `exit ${child.status}` });
      continue;
    }
    const raw = JSON.parse(line) as { runs: Figure[]; references: Figure[]; peakRssMb: number };
    results.push(summarize(bench, raw.runs, raw.references, raw.peakRssMb));
  }
}

process.stdout.write(formatResults(results, { quick: Boolean(values.quick) }));
if (values.json) writeFileSync(values.json, JSON.stringify({ quick: Boolean(values.quick), results }, null, 2) + '\n');
if (results.some((r) => r.error)) process.exitCode = 1;
