// Child process of the bench runner: runs one benchmark (warm-up, repetitions, references) and prints one JSON
// line with the figures and this process's peak RSS. Invoked as: node runOne.ts <module> <id> <RunOptions JSON>.
import type { Benchmark, BenchParams, Figure, Measured, Reference } from './Benchmark.ts';
import { processCpuSeconds } from './processCpuSeconds.ts';
import type { RunOptions, RunOutput } from './RunOptions.ts';

async function measured(work: () => Promise<Figure>): Promise<Measured> {
  const cpu = processCpuSeconds();
  const started = performance.now();
  const figure = await work();
  return {
    ...figure,
    wallSeconds: (performance.now() - started) / 1000,
    cpuSeconds: Math.round((processCpuSeconds() - cpu) * 100) / 100,
  };
}

const [moduleFile, id, optionsJson] = process.argv.slice(2);
const options = JSON.parse(optionsJson ?? '{}') as RunOptions;
const params: BenchParams = { quick: options.quick, scale: options.scale };
const { benchmarks } = (await import(moduleFile!)) as { benchmarks: Benchmark[] };
const bench = benchmarks.find((b) => b.id === id);
if (!bench) throw new Error(`no benchmark ${id} in ${moduleFile}`);

const references: Reference[] = [...(bench.reference ? [bench.reference] : []), ...(bench.moreReferences ?? [])];
const reps = options.reps ?? (params.quick ? (bench.repetitions?.quick ?? 1) : (bench.repetitions?.full ?? 3));
const state = bench.setup ? await bench.setup(params) : undefined;
const output: RunOutput = {
  id: bench.id,
  runs: [],
  references: references.map(() => []),
  peakRssMb: 0,
  cpuSecondsInAll: 0,
};
try {
  if (options.warmup) {
    await bench.run(state, { ...params, warmup: true });
    for (const reference of references) await reference.run(state, params);
  }
  for (let i = 0; i < reps; i++) {
    output.runs.push(await measured(() => bench.run(state, params)));
    for (const [k, reference] of references.entries()) {
      output.references[k]!.push(await measured(() => reference.run(state, params)));
    }
  }
} finally {
  if (bench.teardown) await bench.teardown(state);
}
output.peakRssMb = process.resourceUsage().maxRSS / 1024;
output.cpuSecondsInAll = Math.round(processCpuSeconds() * 10) / 10;
process.stdout.write(JSON.stringify(output) + '\n');
