// The scheduler's site build in its child process: progress comes back over IPC to the parent's progress factory,
// and a stop request (the scheduler's first SIGTERM) ends the build at its next safe point with nothing published.
import { cpSync, existsSync, readdirSync } from 'node:fs';
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
});
