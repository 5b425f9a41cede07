// `npm run bench [-- --quick] [--only ID,ID] [--scale 1,2,4] [--json FILE] [--markdown FILE] [--reps N] [--no-warmup]`:
// runs every benchmark under scripts/bench/*.bench.ts, each in its own child process, and prints median, spread,
// CPU seconds, the ratio against each reference and peak memory. With --scale, only the benchmarks that declare
// `grows` run, once per factor, and a growth table says how their cost grows with size. `--from-json FILE,FILE`
// runs nothing: it prints (and with --markdown writes) the tables of earlier --json results, together.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Benchmark, BenchParams } from './Benchmark.ts';
import type { RunOptions, RunOutput } from './RunOptions.ts';
import { summarize, type Summary } from './summarize.ts';
import { formatResults } from './formatResults.ts';
import { processCpuSeconds } from './processCpuSeconds.ts';
import { writeMarkdown } from './writeMarkdown.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    json: { type: 'string' },
    markdown: { type: 'string' },
    only: { type: 'string' },
    scale: { type: 'string' },
    reps: { type: 'string' },
    'no-warmup': { type: 'boolean' },
    'from-json': { type: 'string' },
  },
});
let quick = Boolean(values.quick);
const scales = values.scale ? values.scale.split(',').map(Number) : null;
if (scales?.some((s) => !(s > 0)))
  throw new Error(`--scale takes positive factors, e.g. 0.5,1,2 (got ${values.scale})`);
const reps = values.reps ? Number(values.reps) : null;
if (reps !== null && !(Number.isInteger(reps) && reps > 0)) throw new Error(`--reps takes a positive whole number`);
const dir = new URL('./', import.meta.url);
const only = values.only ? new Set(values.only.split(',')) : null;
let results: Summary[] = [];
const loadAtStart = loadavg()[0]!;
const started = performance.now();
let environment: string[] = [];

if (values['from-json']) {
  for (const file of values['from-json'].split(',')) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      quick: boolean;
      environment: string[];
      results: Summary[];
    };
    quick ||= saved.quick;
    results = results.concat(saved.results);
    environment.push(saved.environment.join('; '));
  }
} else {
  const scratch = mkdtempSync(path.join(tmpdir(), 'almanac-bench-run-'));
  try {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .sort()) {
      const moduleFile = fileURLToPath(new URL(file, dir));
      const { benchmarks } = (await import(moduleFile)) as { benchmarks: Benchmark[] };
      for (const bench of benchmarks) {
        if (only && !only.has(bench.id)) continue;
        if (scales && !bench.grows) continue;
        // A full run leaves growth series out (their scale-1 figures duplicate others'); a smoke run keeps them working.
        if (bench.growthOnly && !scales && !only && !quick) continue;
        for (const scale of scales ?? [1]) results.push(runInChild(moduleFile, bench, { quick, scale, scratch }));
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // Wall times on a shared machine mean little without the load they were taken under: printed with the table.
  environment = [
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, ${availableParallelism()} cores`,
    `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end; ${((performance.now() - started) / 1000).toFixed(0)} s in all`,
    `command: npm run bench -- ${process.argv.slice(2).join(' ')}`.trimEnd(),
  ];
}

function runInChild(moduleFile: string, bench: Benchmark, params: BenchParams): Summary {
  const label = `${bench.id}${params.scale === 1 ? '' : ` ×${params.scale}`}`;
  process.stderr.write(`bench ${label}: ${bench.title}…\n`);
  // A smoke run (--quick) skips the warm-up: it checks that every benchmark still works, not how fast it is.
  const options: RunOptions = { ...params, warmup: !quick && !values['no-warmup'], reps };
  const t0 = performance.now();
  const cpu0 = processCpuSeconds();
  const child = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('runOne.ts', dir)), moduleFile, bench.id, JSON.stringify(options)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
  );
  // Setup included, and every process the child waited for: what this benchmark costs the machine in all.
  const cpu = processCpuSeconds() - cpu0;
  process.stderr.write(
    `bench ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s, ${cpu.toFixed(1)} CPU s with setup\n`,
  );
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    return { ...summarize(bench, params, [], [], 0), error: `exit ${child.status ?? child.signal}` };
  }
  const raw = JSON.parse(line) as RunOutput;
  return summarize(bench, params, raw.runs, raw.references, raw.peakRssMb);
}

const markdown = formatResults(results, { quick, environment });
process.stdout.write(markdown);
if (values.json) writeFileSync(values.json, JSON.stringify({ quick, environment, results }, null, 2) + '\n');
if (values.markdown) writeMarkdown(values.markdown, markdown);
if (results.some((r) => r.error)) process.exitCode = 1;
