// Worker thread of renderPageFiles: renders one page's charts per message and writes its view file.
import { parentPort } from 'node:worker_threads';
import { renderPageFile, type PageRenderJob } from './renderPageFiles.ts';

parentPort?.on('message', (job: PageRenderJob) => {
  renderPageFile(job).then(
    () => parentPort?.postMessage({ ok: true }),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
