// Disk and locks: the warehouse or dist/ cannot be written (a path whose parent is a regular file: ENOTDIR even for
// root), a disk that fills up mid-write (a tiny tmpfs), a warehouse held by a live process, and a stale lock left by
// a SIGKILLed one. Each gives a clear error[Code] message without a stack, corrupts nothing, and the next run after
// the cause is gone recovers.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import { almanacBin, runAlmanac, type AlmanacRun } from '../helpers/runAlmanac.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { treeDigest, warehouseDigest } from './digests.ts';
import { TEST_TIMEOUT } from './scale.ts';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

const SIM = [
  'simulate',
  '--warehouse',
  '--days',
  '3',
  '--machines',
  '4',
  '--jobs-per-day',
  '300',
  '--end',
  '2026-11-19',
];

function expectClearFailure(run: AlmanacRun, pattern: RegExp): void {
  expect(run.code, run.stdout + run.stderr).not.toBe(0);
  expect(run.code).not.toBeNull();
  // Either the CLI's error[Code] line or, for runs that carry on past per-item failures, their log lines.
  expect(run.stderr).toMatch(/error\[[A-Za-z]+\]|"level":"(error|warn)".*"(code|error)":/);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr, 'no stack trace without --debug').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

describe('an unwritable warehouse or dist/', () => {
  let cwd: string;

  beforeAll(async () => {
    cwd = tempDir('almanac-disk');
    expect((await runAlmanac(SIM, { cwd, timeoutMs: 180_000 })).code).toBe(0);
    const analyze = await runAlmanac(['analyze', '--through', '2026-11-19'], { cwd, timeoutMs: 300_000 });
    expect(analyze.code, analyze.stderr).toBe(0);
  }, 600_000);

  it('a warehouse path under a regular file fails clearly, then works once the path is fixed', async () => {
    const blocker = path.join(cwd, 'blocked');
    writeFileSync(blocker, 'not a folder');
    const db = path.join(blocker, 'almanac.duckdb');
    const run = await runAlmanac(['--db', db, ...SIM], { cwd, timeoutMs: 120_000 });
    expectClearFailure(run, /blocked/);
    rmSync(blocker);
    const again = await runAlmanac(['--db', db, ...SIM], { cwd, timeoutMs: 180_000 });
    expect(again.code, again.stderr).toBe(0);
  });

  it('a dist/ under a regular file fails the build clearly, leaves the bundles alone, and the next build works', async () => {
    const before = treeDigest(path.join(cwd, 'data', 'reports'));
    const warehouseBefore = await warehouseDigest(path.join(cwd, 'data', 'almanac.duckdb'));
    const blocker = path.join(cwd, 'distblock');
    writeFileSync(blocker, 'not a folder');
    writeFileSync(path.join(cwd, 'almanac.config.json'), JSON.stringify({ distDir: 'distblock/dist' }));
    try {
      const build = await runAlmanac(['build'], { cwd, timeoutMs: 300_000 });
      expectClearFailure(build, /distblock/);
      const pdf = await runAlmanac(['pdf'], { cwd, timeoutMs: 300_000 });
      expectClearFailure(pdf, /distblock|dist/);
      expect(treeDigest(path.join(cwd, 'data', 'reports'))).toEqual(before);
      // Facts and publications unchanged; the failed PDF attempts are recorded (pdf_exports), which is the point.
      expect({ ...(await warehouseDigest(path.join(cwd, 'data', 'almanac.duckdb'))), pdfExports: '' }).toEqual({
        ...warehouseBefore,
        pdfExports: '',
      });
      rmSync(blocker);
      const again = await runAlmanac(['build'], { cwd, timeoutMs: 300_000 });
      expect(again.code, again.stderr).toBe(0);
      expect(existsSync(path.join(cwd, 'distblock', 'dist', 'index.html'))).toBe(true);
    } finally {
      rmSync(path.join(cwd, 'almanac.config.json'), { force: true });
    }
  });
});

// A tmpfs needs mount permission (root, or a privileged container); CI without it reports the test as skipped.
const mountable = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = path.join('/tmp', `almanac-mount-probe-${process.pid}`);
  mkdirSync(probe, { recursive: true });
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
})();

describe.skipIf(!mountable)('a disk that fills up mid-write (tmpfs)', () => {
  let cwd: string;
  let mnt: string;

  beforeAll(() => {
    cwd = tempDir('almanac-full');
    mnt = path.join(cwd, 'small');
    mkdirSync(mnt);
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt]).status).toBe(0);
  });

  afterAll(() => {
    spawnSync('umount', [mnt]);
  });

  it('a full disk fails the write clearly, keeps the earlier data, and the next run after space is freed works', async () => {
    const db = path.join(mnt, 'almanac.duckdb');
    const small = await runAlmanac(['--db', db, ...SIM, '--source', 'small'], { cwd, timeoutMs: 180_000 });
    expect(small.code, small.stderr).toBe(0);
    const before = await warehouseDigest(db);
    // Ten busy days do not fit in what is left.
    const big = ['--db', db, 'simulate', '--warehouse', '--days', '10', '--jobs-per-day', '3000', '--source', 'big'];
    const full = await runAlmanac(big, { cwd, timeoutMs: 300_000 });
    expectClearFailure(full, /space|disk|full|write|I\/O/i);
    // The warehouse still opens, and holds exactly what it held before the failed run.
    expect(await warehouseDigest(db)).toEqual(before);
    expect(spawnSync('mount', ['-o', 'remount,size=512m', mnt]).status).toBe(0);
    const again = await runAlmanac(big, { cwd, timeoutMs: 600_000 });
    expect(again.code, again.stderr).toBe(0);
    expect((await warehouseDigest(db)).jobCount).toBeGreaterThan(before.jobCount);
  });
});

describe('warehouse locks', () => {
  let cwd: string;
  let db: string;

  beforeAll(async () => {
    cwd = tempDir('almanac-lock');
    db = path.join(cwd, 'data', 'almanac.duckdb');
    expect((await runAlmanac(SIM, { cwd, timeoutMs: 180_000 })).code).toBe(0);
  }, 300_000);

  it('a second writer is refused with a message naming the holder', async () => {
    const holder = await Warehouse.open(db, { holder: 'almanac fault-test holder' });
    try {
      const run = await runAlmanac(SIM, { cwd, timeoutMs: 120_000 });
      expectClearFailure(run, /in use by `almanac fault-test holder` \(PID \d+/);
    } finally {
      await holder.close();
    }
    const after = await runAlmanac(SIM, { cwd, timeoutMs: 180_000 });
    expect(after.code, after.stderr).toBe(0);
  });

  it('a lock left by a SIGKILLed process is taken over on the next run, with nothing corrupted', async () => {
    const before = await warehouseDigest(db);
    // A long write, killed while it holds the lock.
    const child = spawn(process.execPath, [almanacBin, 'simulate', '--warehouse', '--days', '40', '--source', 'x'], {
      cwd,
      stdio: 'ignore',
    });
    for (let i = 0; i < 200 && !existsSync(`${db}.lock`); i++) await sleep(50);
    await sleep(1500);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(existsSync(`${db}.lock`), 'the killed process left its lock behind').toBe(true);
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8'))).toMatchObject({ pid: child.pid });
    // The next reader sees the data as before the killed write (its transaction never committed).
    expect(await warehouseDigest(db)).toEqual(before);
    const next = await runAlmanac(SIM, { cwd, timeoutMs: 180_000 });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/stale warehouse lock/);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });
});
