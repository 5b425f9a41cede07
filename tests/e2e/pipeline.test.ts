// Hostile strings through the real pipeline: warehouse rows whose machine ids, job names, model names and
// error messages carry markup, quotes, Vega expressions and very long text go through `almanac analyze` and
// `almanac build` (child processes, as a user runs them); the pages they produce run no script in Chromium.
// (The collector and simulator stages live on other branches; their own tests cover decoding Redis.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import { runAlmanac } from '../helpers/runAlmanac.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { writeSmallFleet } from '../integration/analysis/smallFleet.ts';
import { HOSTILE_STRINGS, LONG_NAME } from './buildFixtureSite.ts';
import { launchBrowser } from './launchBrowser.ts';
import { mountAllCharts, watchPage } from './pageWatch.ts';

let cwd: string;
let browser: Browser;

beforeAll(async () => {
  cwd = tempDir();
  const warehouse = await Warehouse.open(path.join(cwd, 'data', 'almanac.duckdb'));
  await writeSmallFleet(warehouse, { from: '2026-11-02T00:00:00Z', days: 3, perDay: 48 });
  const start = Date.parse('2026-11-03T08:00:00Z');
  const hostile = HOSTILE_STRINGS.flatMap((text, i) =>
    Array.from({ length: 4 }, (_, k) => ({
      source: 'emp',
      queue: 'jobs',
      job_id: `h-${i}-${k}`,
      name: text,
      status: k === 0 ? 'failed' : 'completed',
      priority: 50,
      machine_id: text,
      worker_id: `${text}-w0`,
      attempts: 1,
      created_at: start + i * 60_000 + k * 1000,
      started_at: start + i * 60_000 + k * 1000 + 500,
      finished_at: start + i * 60_000 + k * 1000 + 20_000,
      wait_ms: 500,
      run_ms: 19_500,
      error_type: k === 0 ? text : null,
      error_message: k === 0 ? `failed: ${text}` : null,
      models: [text],
      collected_at: start + 3_600_000,
      service: 'comfyui',
    })),
  );
  await warehouse.append('jobs', hostile);
  await warehouse.close();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('hostile strings through analyze and build', () => {
  it('publish pages that show them as text and run no script', async () => {
    const analyze = await runAlmanac(['analyze', '--through', '2026-11-04'], { cwd, timeoutMs: 120_000 });
    expect(analyze.code, analyze.stderr).toBe(0);
    const build = await runAlmanac(['build', '--json'], { cwd, timeoutMs: 180_000 });
    expect(build.code, build.stderr).toBe(0);
    const result = JSON.parse(build.stdout) as { built: string[]; distDir: string };
    expect(result.built).toContain('daily/2026-11-03');
    expect(result.distDir).toBe(path.join(cwd, 'dist'));

    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.setViewport({ width: 390, height: 844 });
    await page.goto(pathToFileURL(path.join(cwd, 'dist', 'daily', '2026-11-03', 'index.html')).href);
    await mountAllCharts(page);
    for (const m of (await page.$$('.chart-live svg .role-mark path, .chart-live svg .role-mark circle')).slice(
      0,
      80,
    )) {
      await m.hover().catch(() => undefined);
    }
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      images: document.querySelectorAll('img').length,
      text: document.body.innerText,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect(state.pwned).toBeNull();
    expect(state.images).toBe(0);
    expect(state.text).toContain('<script>window.__pwned = 1</script>');
    expect(state.text).toContain(LONG_NAME.slice(0, 40));
    expect(state.overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
