// The build engine on real files: full build, flat incremental builds that touch only the pages whose
// inputs changed, PDF links appearing, removed bundles, and a site that is never half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../../../src/site/buildSite.ts';
import { AlmanacError } from '../../../src/errors/AlmanacError.ts';
import { makeFixtureBundle } from '../../fixtures/bundles/makeFixtureBundle.ts';
import { FIXTURE_GENERATED_AT, FIXTURE_TIMEZONE } from '../../fixtures/bundles/fixtureSet.ts';
import { parseBundle } from '../../../src/report/parseBundle.ts';
import { patchBundle, siteOptions } from '../../e2e/buildFixtureSite.ts';

const fixtureReports = fileURLToPath(new URL('../../fixtures/bundles/reports/', import.meta.url));
let root: string;
let reports: string;
let dist: string;

const build = (full = false) => buildSite(siteOptions(root, full));
const inode = async (p: string) => (await stat(p)).ino;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'almanac-build-'));
  reports = path.join(root, 'data', 'reports');
  dist = path.join(root, 'dist');
  await cp(fixtureReports, reports, { recursive: true });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('buildSite', () => {
  it('builds every page on the first run, at the paths of architecture §4.3', async () => {
    const result = await build();
    expect(result.mode).toBe('full');
    expect(result.built).toHaveLength(9);
    for (const p of [
      'index.html',
      'archive/index.html',
      'daily/2026-11-21/index.html',
      'daily/2026-11-21/report.json',
      'daily/2026-11-21/data/machines.csv',
      'weekly/2026-W47/index.html',
      'monthly/2026-11/index.html',
      'assets/almanac-charts.js',
    ]) {
      expect((await stat(path.join(dist, p))).isFile(), p).toBe(true);
    }
    const json = parseBundle(await readFile(path.join(dist, 'daily/2026-11-21/report.json'), 'utf8'));
    expect(json.id).toBe('2026-11-21');
    expect(await readdir(root)).toEqual(['data', 'dist']);
  });

  it('rebuilds nothing but home and archive when nothing changed', async () => {
    const before = await inode(path.join(dist, 'daily/2026-11-21/index.html'));
    const result = await build();
    expect(result).toMatchObject({ mode: 'incremental', built: [], unchanged: 9 });
    expect(await inode(path.join(dist, 'daily/2026-11-21/index.html'))).toBe(before);
  });

  it('renders a new day, the previous day (its "next" link appears) and the week and month listing it, nothing else', async () => {
    const bundle = makeFixtureBundle({
      kind: 'daily',
      id: '2026-11-22',
      timezone: FIXTURE_TIMEZONE,
      generatedAt: FIXTURE_GENERATED_AT,
    });
    await writeFile(path.join(reports, 'daily', '2026-11-22.json'), JSON.stringify(bundle));
    const result = await build();
    expect(result.built.sort()).toEqual(['daily/2026-11-21', 'daily/2026-11-22', 'monthly/2026-11', 'weekly/2026-W47']);
    const week = await readFile(path.join(dist, 'weekly/2026-W47/index.html'), 'utf8');
    expect(week).toContain('href="../../daily/2026-11-22/index.html"');
    const prev = await readFile(path.join(dist, 'daily/2026-11-21/index.html'), 'utf8');
    expect(prev).toContain('href="../../daily/2026-11-22/index.html"');
    const archive = await readFile(path.join(dist, 'archive/index.html'), 'utf8');
    expect(archive).toContain('data-day="2026-11-22"');
    const home = await readFile(path.join(dist, 'index.html'), 'utf8');
    expect(home).toContain('daily/2026-11-22/index.html');
  });

  it('rebuilds a restated period and marks it in the archive', async () => {
    await patchBundle(reports, 'daily', '2026-11-19', (b) => {
      b.revision = 2;
      b.restates = { revision: 1, generated_at: '2026-11-20T06:15:00.000Z', reason: 'late data', changes: [] };
    });
    const result = await build();
    expect(result.built).toEqual(['daily/2026-11-19']);
    expect(await readFile(path.join(dist, 'daily/2026-11-19/index.html'), 'utf8')).toContain('Restated.');
    expect(await readFile(path.join(dist, 'archive/index.html'), 'utf8')).toMatch(
      /class="[a-z]+ restated" href="..\/daily\/2026-11-19\/index.html"/,
    );
  });

  it('links a PDF once it exists, and a full rebuild keeps the PDFs', async () => {
    await mkdir(path.join(dist, 'pdf', 'daily'), { recursive: true });
    await writeFile(path.join(dist, 'pdf', 'daily', '2026-11-20.pdf'), '%PDF-1.7 test');
    const result = await build();
    expect(result.built).toEqual(['daily/2026-11-20']);
    expect(await readFile(path.join(dist, 'daily/2026-11-20/index.html'), 'utf8')).toContain(
      'href="../../pdf/daily/2026-11-20.pdf"',
    );
    const full = await build(true);
    expect(full.built).toHaveLength(10);
    expect(await readFile(path.join(dist, 'pdf', 'daily', '2026-11-20.pdf'), 'utf8')).toBe('%PDF-1.7 test');
  });

  it('removes the page of a bundle that is gone', async () => {
    await rm(path.join(reports, 'daily', '2026-11-22.json'));
    const result = await build();
    expect(result.removed).toEqual(['daily/2026-11-22']);
    expect(result.built.sort()).toEqual(['daily/2026-11-21', 'monthly/2026-11', 'weekly/2026-W47']);
    await expect(stat(path.join(dist, 'daily/2026-11-22'))).rejects.toThrow();
  });

  it('leaves the published site untouched when a bundle is invalid', async () => {
    const before = await inode(path.join(dist, 'index.html'));
    await writeFile(path.join(reports, 'daily', '2026-11-23.json'), '{"schema": 1, "kind": "daily"');
    const error = await build().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlmanacError);
    expect((error as AlmanacError).code).toBe('BundleInvalid');
    expect(await inode(path.join(dist, 'index.html'))).toBe(before);
    expect(await readdir(root)).toEqual(['data', 'dist']);
    await rm(path.join(reports, 'daily', '2026-11-23.json'));
  });

  it('recovers from a build interrupted in the middle of the swap', async () => {
    // What a crash between the two renames leaves behind, plus a stale staging folder.
    await rename(dist, `${dist}.previous`);
    await mkdir(`${dist}.staging-999999-1/out`, { recursive: true });
    const result = await build();
    expect(result.mode).toBe('incremental');
    expect(result.built).toEqual([]);
    expect(await readdir(root)).toEqual(['data', 'dist']);
    expect((await stat(path.join(dist, 'daily/2026-11-21/index.html'))).isFile()).toBe(true);
  });

  it('refuses to run while another build holds the lock', async () => {
    await writeFile(`${dist}.build-lock`, String(process.ppid));
    const error = await build().catch((e: unknown) => e);
    expect((error as AlmanacError).code).toBe('BuildRunning');
    await rm(`${dist}.build-lock`);
  });
});

describe('buildSite stopped by a shutdown signal', () => {
  it('publishes nothing and leaves the previous site and no staging folder', async () => {
    const before = await readFile(path.join(dist, 'index.html'), 'utf8');
    const controller = new AbortController();
    const reason = new Error('SIGTERM received');
    const seen: number[] = [];
    const progress = (_label: string, total?: number) => {
      seen.push(total ?? -1);
      // Stop after the first page's charts are rendered.
      return { advance: () => controller.abort(reason), update() {}, setTotal() {}, finish() {} };
    };
    await expect(buildSite({ ...siteOptions(root, true), signal: controller.signal, progress })).rejects.toBe(reason);
    // One task: every report page (a full build), plus Astro.
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThan(2);
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).toBe(before);
    expect((await readdir(root)).sort()).toEqual(['data', 'dist']);
    // And the next build carries on as usual.
    expect((await build()).mode).toBe('incremental');
  });
});
