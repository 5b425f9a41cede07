// The worker-thread path of chart rendering (used by full builds) writes the same view files as the
// in-thread path (used by nightly builds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderPageFiles, renderPageFile, type PageRenderJob } from '../../../src/site/renderPageFiles.ts';
import { failureTaxonomyChart } from '../../../src/charts/failureTaxonomyChart.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'almanac-render-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function job(i: number, name: string): PageRenderJob {
  return {
    file: path.join(dir, `${name}-${i}.json`),
    view: { id: i },
    charts: [failureTaxonomyChart([{ category: `cat <${i}>`, count: i + 1, example: null }])],
  };
}

describe('renderPageFiles', () => {
  it('renders a large batch in worker threads, identical to rendering in this thread', async () => {
    const jobs = Array.from({ length: 30 }, (_, i) => job(i, 'pool'));
    await renderPageFiles(jobs);
    await renderPageFile(job(29, 'single'));
    const pooled = JSON.parse(await readFile(path.join(dir, 'pool-29.json'), 'utf8')) as {
      id: number;
      charts: { svg: string }[];
    };
    const single = await readFile(path.join(dir, 'single-29.json'), 'utf8');
    expect(pooled.id).toBe(29);
    expect(pooled.charts[0]!.svg).toContain('cat &lt;29&gt;');
    expect(JSON.stringify(pooled)).toBe(single);
    for (let i = 0; i < 30; i++) await readFile(path.join(dir, `pool-${i}.json`), 'utf8');
  });
});
