// Renders the charts of the planned pages and writes each page's view file. Large batches (a full build)
// are spread over worker threads, since each chart costs tens of milliseconds of Vega work; a nightly build
// renders its few pages in this thread and skips the workers' start-up cost.
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartModel } from '../charts/ChartModel.ts';
import { renderCharts } from './renderCharts.ts';

export type PageRenderJob = { file: string; view: object; charts: ChartModel[] };

/** Below this many pages, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 24;
const MAX_WORKERS = 4;

export async function renderPageFiles(jobs: PageRenderJob[]): Promise<void> {
  const workers = Math.min(MAX_WORKERS, availableParallelism());
  if (jobs.length < WORKER_THRESHOLD || workers < 2) {
    for (const job of jobs) await renderPageFile(job);
    return;
  }
  await inWorkers(jobs, workers);
}

export async function renderPageFile(job: PageRenderJob): Promise<void> {
  const charts = await renderCharts(job.charts);
  await writeFile(job.file, JSON.stringify({ ...job.view, charts }));
}

async function inWorkers(jobs: PageRenderJob[], count: number): Promise<void> {
  let next = 0;
  const run = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      const feed = () => {
        const job = jobs[next++];
        if (!job) {
          resolve();
          return;
        }
        worker.postMessage(job);
      };
      worker.on('message', (m: { ok: boolean; error?: string }) => (m.ok ? feed() : reject(new Error(m.error))));
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (next <= jobs.length) reject(new Error(`chart worker exited with code ${code}`));
      });
      feed();
    });
  const workers = Array.from({ length: count }, () => new Worker(new URL('./chartWorker.ts', import.meta.url)));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
