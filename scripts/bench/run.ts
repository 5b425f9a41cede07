// `npm run bench [-- --quick] [--only ID,ID] [--scale 1,2,4] [--json FILE] [--markdown FILE] [--reps N]
// [--no-warmup] [--parallel N]`: runs every benchmark under scripts/bench/*.bench.ts, each in its own child process,
// and prints median, spread, CPU seconds, the ratio against each reference and peak memory. With --scale, only the
// benchmarks that declare `grows` run, once per factor, and a growth table says how their cost grows with size.
// `--from-json FILE,FILE` runs nothing: it prints (and with --markdown writes) earlier --json results, together.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Benchmark, BenchParams } from './Benchmark.ts';
import type { RunOptions, RunOutput } from './RunOptions.ts';
import { summarize, type Summary } from './summarize.ts';
import { formatResults } from './formatResults.ts';
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
    parallel: { type: 'string' },
  },
});
let quick = Boolean(values.quick);
const scales = values.scale ? values.scale.split(',').map(Number) : null;
if (scales?.some((s) => !(s > 0)))
  throw new Error(`--scale takes positive factors, e.g. 0.5,1,2 (got ${values.scale})`);
const reps = values.reps ? Number(values.reps) : null;
if (reps !== null && !(Number.isInteger(reps) && reps > 0)) throw new Error(`--reps takes a positive whole number`);
// A smoke run uses both cores: it checks that benchmarks work, and two at once only blurs figures nobody compares.
// Measuring runs go one at a time. Benchmarks of one module always run in order (they may share its fixtures).
const parallel = values.parallel ? Number(values.parallel) : quick ? 2 : 1;
if (!(Number.isInteger(parallel) && parallel > 0)) throw new Error(`--parallel takes a positive whole number`);
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
    const modules: (() => Promise<Summary>)[][] = [];
    const known = new Set<string>();
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .sort()) {
      const moduleFile = fileURLToPath(new URL(file, dir));
      const { benchmarks } = (await import(moduleFile)) as { benchmarks: Benchmark[] };
      const tasks: (() => Promise<Summary>)[] = [];
      for (const bench of benchmarks) {
        known.add(bench.id);
        if (only && !only.has(bench.id)) continue;
        if (scales && !bench.grows) continue;
        // A full run leaves growth series out (their scale-1 figures duplicate others'); a smoke run keeps them working.
        if (bench.growthOnly && !scales && !only && !quick) continue;
        for (const scale of scales ?? [1]) tasks.push(() => runInChild(moduleFile, bench, { quick, scale, scratch }));
      }
      modules.push(tasks);
    }
    const unknown = [...(only ?? [])].filter((id) => !known.has(id));
    if (unknown.length) throw new Error(`no benchmark ${unknown.join(', ')}; there are: ${[...known].join(', ')}`);
    results = (await inParallel(modules, parallel)).flat();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // Wall times on a shared machine mean little without the load they were taken under: printed with the table.
  environment = [
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, ${availableParallelism()} cores`,
    `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end; ${((performance.now() - started) / 1000).toFixed(0)} s and ${results.reduce((sum, r) => sum + (r.cpuSecondsInAll ?? 0), 0).toFixed(0)} CPU s in all${parallel > 1 ? `, ${parallel} benchmarks at a time` : ''}`,
    `command: npm run bench -- ${process.argv.slice(2).join(' ')}`.trimEnd(),
  ];
}

/** Runs the modules' task lists, at most `limit` lists at a time, each list in order; results in module order. */
async function inParallel<T>(lists: (() => Promise<T>)[][], limit: number): Promise<T[][]> {
  const out: T[][] = lists.map(() => []);
  let next = 0;
  const worker = async () => {
    while (next < lists.length) {
      const i = next++;
      for (const task of lists[i]!) out[i]!.push(await task());
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, lists.length) }, worker));
  return out;
}

async function runInChild(moduleFile: string, bench: Benchmark, params: BenchParams): Promise<Summary> {
  const label = `${bench.id}${params.scale === 1 ? '' : ` ×${params.scale}`}`;
  process.stderr.write(`bench ${label}: ${bench.title}…\n`);
  // A smoke run (--quick) skips the warm-up: it checks that every benchmark still works, not how fast it is.
  const options: RunOptions = { ...params, warmup: !quick && !values['no-warmup'], reps };
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('runOne.ts', dir)), moduleFile, bench.id, JSON.stringify(options)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) {
    process.stderr.write(`bench ${label}: FAILED (exit ${code ?? signal})\n`);
    return { ...summarize(bench, params, [], [], 0), error: `exit ${code ?? signal}` };
  }
  const raw = JSON.parse(line) as RunOutput;
  // Setup included, and every process the child waited for: what this benchmark costs the machine in all.
  process.stderr.write(
    `bench ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s, ${raw.cpuSecondsInAll.toFixed(1)} CPU s with setup\n`,
  );
  return { ...summarize(bench, params, raw.runs, raw.references, raw.peakRssMb), cpuSecondsInAll: raw.cpuSecondsInAll };
}

const markdown = formatResults(results, { quick, environment });
process.stdout.write(markdown);
if (values.json) writeFileSync(values.json, JSON.stringify({ quick, environment, results }, null, 2) + '\n');
if (values.markdown) writeMarkdown(values.markdown, markdown);
if (results.some((r) => r.error)) process.exitCode = 1;
