// The scheduler's site build in its child process: progress comes back over IPC to the parent's progress factory,
// a stop request (the scheduler's first SIGTERM) ends the build at its next safe point with nothing published, and
// a parent killed outright takes the build with it.
import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AlmanacError } from '../../../src/errors/AlmanacError.ts';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import type { ProgressFactory } from '../../../src/progress/ProgressFactory.ts';
import { runBuildInChild } from '../../../src/schedule/runBuildInChild.ts';
import { siteOptions } from '../../e2e/buildFixtureSite.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const fixtureReports = fileURLToPath(new URL('../../fixtures/bundles/reports/', import.meta.url));

function request(root: string) {
  const { logger: _logger, now, ...options } = siteOptions(root, true);
  return { ...options, nowMs: now().getTime() };
}

/** A progress factory that records every call, and can react to advances. */
function recorder(onAdvance: (count: number) => void = () => {}) {
  const calls: string[] = [];
  let advanced = 0;
  const factory: ProgressFactory = (label, total) => {
    calls.push(`start ${label} ${total}`);
    return {
      advance: (count = 1, detail) => {
        advanced += count;
        calls.push(`advance ${detail}`);
        onAdvance(advanced);
      },
      update: (done, detail) => calls.push(`update ${done} ${detail}`),
      setTotal: (total) => calls.push(`total ${total}`),
      finish: (message) => calls.push(`finish ${message}`),
    };
  };
  return { factory, calls };
}

describe('runBuildInChild', () => {
  it('relays the child build progress to the parent', async () => {
    const root = tempDir('almanac-child-build');
    cpSync(fixtureReports, path.join(root, 'data', 'reports'), { recursive: true });
    const { factory, calls } = recorder();
    const result = await runBuildInChild(request(root), silentLogger, new AbortController().signal, factory);
    expect(result.built).toHaveLength(9);
    expect(calls[0]).toBe('start build 10');
    expect(calls.filter((c) => c.startsWith('advance '))).toHaveLength(9);
    expect(calls).toContain('update 9 astro');
    expect(calls.at(-1)).toBe('finish 9 report pages built');
    expect(existsSync(path.join(root, 'dist', 'index.html'))).toBe(true);
  }, 300_000);

  it('stops at the next safe point when asked, publishing nothing', async () => {
    const root = tempDir('almanac-child-build-stop');
    cpSync(fixtureReports, path.join(root, 'data', 'reports'), { recursive: true });
    const controller = new AbortController();
    // Asked to stop once the first page's charts are rendered (a SIGTERM to the scheduler, not a timeout).
    const { factory, calls } = recorder(() => controller.abort(new AlmanacError('RunInterrupted', 'SIGTERM received')));
    await expect(runBuildInChild(request(root), silentLogger, controller.signal, factory)).rejects.toMatchObject({
      code: 'RunInterrupted',
      message: 'SIGTERM received',
    });
    expect(calls.at(-1)).toBe('finish stopped; the previous site stays');
    expect(existsSync(path.join(root, 'dist', 'index.html'))).toBe(false);
    expect(readdirSync(root).filter((f) => f.includes('staging'))).toEqual([]);
  }, 300_000);

  it('exits when its parent is SIGKILLed, so the next build takes the lock instead of failing', async () => {
    const root = tempDir('almanac-child-build-orphan');
    cpSync(fixtureReports, path.join(root, 'data', 'reports'), { recursive: true });
    const lock = path.join(root, 'dist.build-lock');
    // A file, not a pipe, so the child's stderr (it inherits the parent's) outlives the parent.
    const stderrFile = path.join(root, 'stderr.txt');
    const stderr = openSync(stderrFile, 'w');
    const parent = spawn(process.execPath, [fileURLToPath(new URL('./buildParent.ts', import.meta.url)), root], {
      stdio: ['ignore', 'ignore', stderr],
    });
    closeSync(stderr);
    const exited = new Promise((resolve) => parent.once('exit', resolve));
    // The child writes its pid into the build lock as the build starts.
    let child = 0;
    for (let i = 0; i < 600 && !child; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      child = existsSync(lock) ? Number(readFileSync(lock, 'utf8')) : 0;
    }
    expect(child, 'the build child took the lock').toBeGreaterThan(0);
    parent.kill('SIGKILL');
    await exited;
    let alive = true;
    for (let i = 0; i < 60 && alive; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      alive = isAlive(child);
    }
    // Gone within 3 s of its parent, having published nothing, and by choice: not by crashing on its next message
    // to the dead parent, which during a long Astro build may be minutes away.
    expect(alive, 'the orphaned build child still runs').toBe(false);
    expect(existsSync(path.join(root, 'dist', 'index.html'))).toBe(false);
    expect(readFileSync(stderrFile, 'utf8')).not.toMatch(/ERR_IPC_CHANNEL_CLOSED|Error/);
    const result = await runBuildInChild(request(root), silentLogger, new AbortController().signal);
    expect(result.built).toHaveLength(9);
    expect(existsSync(path.join(root, 'dist', 'index.html'))).toBe(true);
  }, 300_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
