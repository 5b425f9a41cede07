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

/**
 * `onPage` is called as each page is written (progress); once `signal` is aborted no further page is started and
 * the call returns early, leaving the caller to discard the batch.
 */
export async function renderPageFiles(
  jobs: PageRenderJob[],
  onPage: (job: PageRenderJob) => void = () => {},
  signal?: AbortSignal,
): Promise<void> {
  const workers = Math.min(MAX_WORKERS, availableParallelism());
  if (jobs.length < WORKER_THRESHOLD || workers < 2) {
    for (const job of jobs) {
      if (signal?.aborted) return;
      await renderPageFile(job);
      onPage(job);
    }
    return;
  }
  await inWorkers(jobs, workers, onPage, signal);
}

export async function renderPageFile(job: PageRenderJob): Promise<void> {
  const charts = await renderCharts(job.charts);
  await writeFile(job.file, JSON.stringify({ ...job.view, charts }));
}

async function inWorkers(
  jobs: PageRenderJob[],
  count: number,
  onPage: (job: PageRenderJob) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  let next = 0;
  const run = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      let current: PageRenderJob | undefined;
      const feed = () => {
        current = signal?.aborted ? undefined : jobs[next++];
        if (!current) {
          next = jobs.length + 1;
          resolve();
          return;
        }
        worker.postMessage(current);
      };
      worker.on('message', (m: { ok: boolean; error?: string }) => {
        if (!m.ok) return reject(new Error(m.error));
        if (current) onPage(current);
        feed();
      });
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
